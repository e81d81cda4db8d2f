import Testing

/// The link scanner the site tests rely on must itself be right.
@Suite struct SiteLinksTests {
    @Test func targets() {
        let base = "https://example.org/r/"
        let t = { (url: String, page: String) in SiteLinks.target(of: url, on: page, base: base) }
        #expect(t("../../events/x/index.html#a", "actors/y/index.html") == .file("events/x/index.html", fragment: "a"))
        #expect(t("events/index.html?q=1", "index.html") == .file("events/index.html", fragment: nil))
        #expect(t("#main", "actors/y/index.html") == .file("actors/y/index.html", fragment: "main"))
        #expect(t("", "actors/y/index.html") == .file("actors/y/index.html", fragment: nil))
        #expect(t("https://example.org/r/", "404.html") == .file("index.html", fragment: nil))
        #expect(t("https://example.org/r/actors/x/", "sitemap.xml") == .file("actors/x/index.html", fragment: nil))
        #expect(t("https://example.com/", "index.html") == .external)
        #expect(t("mailto:a@b.org", "index.html") == .external)
        #expect(t("/actors/index.html", "404.html") == .file("actors/index.html", fragment: nil))
        #expect(t("/actors/index.html", "index.html") == .invalid)
        #expect(t("../../../x.html", "actors/y/index.html") == .invalid)
        #expect(t("actor:nso-group", "index.html") == .invalid)
        #expect(t("javascript:alert(1)", "index.html") == .invalid)
    }

    @Test func scansAttributesAndLocations() {
        let html = #"<a class="x" href="a.html?x=1&amp;y=2">A</a><img alt='' src='b.png'><loc>https://e.org/</loc><p data-href="no">"#
        #expect(SiteLinks.urls(in: html) == ["a.html?x=1&y=2", "b.png", "https://e.org/"])
        #expect(SiteLinks.ids(in: #"<h2 id="a">A</h2><section id="b" class="c">"#) == ["a", "b"])
    }
}
