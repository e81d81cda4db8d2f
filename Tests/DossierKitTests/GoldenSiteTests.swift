import Foundation
import Testing

@testable import DossierKit

/// `Fixtures/sites/minimal` built with the real theme must equal
/// `Fixtures/golden/minimal` byte for byte. Theme or generator changes make
/// this fail on purpose: review the new output, then re-record with
/// `DOSSIER_RECORD=1 swift test --filter Golden` (the recording run fails too).
@Suite struct GoldenSiteTests {
    static let site = Fixture.url("sites/minimal")
    static let golden = Fixture.url("golden/minimal")

    @Test func minimalSiteMatchesGolden() throws {
        try Fixture.withTemporaryFolder { temporary in
            let output = temporary.appendingPathComponent("public")
            let project = Project(content: Self.site, templates: Fixture.templates, output: output)
            let summary = try Builder(project: project).build().get()
            // The only diagnostic: the `javascript:` link, dropped from the page.
            #expect(
                Fixture.lines(summary.diagnostics, relativeTo: Self.site) == [
                    "events/report-published.md:16:81: warning: unsafe link 'javascript:alert(1)' is disabled: its text stays, without the link"
                ])
            #expect(summary.pages == [.actor: 3, .country: 2, .event: 3, .source: 2, .page: 1, .media: 2])
            try Golden.assertFolder(output, matches: Self.golden)
        }
    }

    /// The same site in Arabic: `dir="rtl"`, the theme's Arabic labels,
    /// dates and plural forms written by ICU. Three pages are kept as golden
    /// files (`Fixtures/golden/rtl`): the home page, an event and the actors index.
    @Test func arabicSiteIsRightToLeft() throws {
        try Fixture.withTemporaryFolder { temporary in
            let content = temporary.appendingPathComponent("content")
            try FileManager.default.copyItem(at: Self.site, to: content)
            let settings = content.appendingPathComponent("site.yaml")
            let yaml = try String(contentsOf: settings, encoding: .utf8).replacingOccurrences(of: "language: en", with: "language: ar")
            try Data(yaml.utf8).write(to: settings)
            let output = temporary.appendingPathComponent("public")
            _ = try Builder(project: Project(content: content, templates: Fixture.templates, output: output)).build().get()
            let pages = ["index.html", "events/contract-signed/index.html", "actors/index.html"]
            for page in pages {
                let text = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
                #expect(text.contains("<html lang=\"ar\" dir=\"rtl\">"), "\(page)")
                let name = page.replacingOccurrences(of: "/", with: "-")
                try Golden.assertText(text, matches: Fixture.url("golden/rtl/" + name))
            }
            let event = try String(contentsOf: output.appendingPathComponent(pages[1]), encoding: .utf8)
            let arabic = Labels.load("ar")
            let span = arabic.span(try #require(PartialDate("2021-03-18")), PartialDate("2021-04"))
            #expect(event.contains("<time datetime=\"2021-03-18\">\(span)</time>"))
            #expect(event.contains("<span class=\"status status-confirmed\">\(arabic.status(.confirmed))</span>"))
            #expect(span.contains("مارس") && span.contains("أبريل"), "\(span)")
        }
    }

    /// The fixture must keep the bytes it exists to test (an editor or git
    /// could silently normalise them).
    @Test func minimalSiteKeepsItsSpecialBytes() throws {
        let crlf = try Data(contentsOf: Self.site.appendingPathComponent("actors/acme-surveillance.md"))
        #expect(crlf.count > 100 && !crlf.contains(Data("\n---\n".utf8)) && crlf.firstRange(of: Data("\r\n---\r\n".utf8)) != nil)
        let bom = try Data(contentsOf: Self.site.appendingPathComponent("actors/jose-nunez.md"))
        #expect(bom.starts(with: [0xEF, 0xBB, 0xBF, 0x2D]))
        let invalid = try Data(contentsOf: Fixture.url("invalid/not-utf8/content/actors/nso-group.md"))
        #expect(String(data: invalid, encoding: .utf8) == nil)
    }

    @Test func draftIsLeftOutUnlessAskedFor() throws {
        try Fixture.withTemporaryFolder { temporary in
            let output = temporary.appendingPathComponent("public")
            var project = Project(content: Self.site, templates: Fixture.templates, output: output)
            project.includeDrafts = true
            let summary = try Builder(project: project).build().get()
            #expect(summary.pages[.event] == 4)
            let draft = try String(contentsOf: output.appendingPathComponent("events/draft-meeting/index.html"), encoding: .utf8)
            #expect(draft.contains("A meeting nobody may see yet"))
            let actor = try String(contentsOf: output.appendingPathComponent("actors/acme-surveillance/index.html"), encoding: .utf8)
            #expect(actor.contains("../../events/draft-meeting/index.html"))
        }
        // Without --drafts the draft appears nowhere in the golden site.
        for path in try Golden.files(in: Self.golden) where !path.hasSuffix(".jpg") && !path.hasSuffix(".png") {
            let text = try String(contentsOf: Self.golden.appendingPathComponent(path), encoding: .utf8)
            #expect(!text.contains("draft-meeting") && !text.contains("A meeting nobody may see yet"), "\(path)")
        }
    }

    @Test func minimalSiteLinksAndFragmentsResolve() throws {
        let base = "https://example.org/minimal/"
        let broken = try SiteLinks.broken(in: Self.golden, base: base) + SiteLinks.brokenFragments(in: Self.golden, base: base)
        #expect(broken.isEmpty, "\(broken.map(\.description).joined(separator: "\n"))")
    }

    /// A source without a date must not show a date in an event's list of
    /// sources (Mustache looks a missing key up in the enclosing page).
    @Test func undatedSourceCitationShowsNoDate() throws {
        for event in ["founding", "contract-signed"] {
            let html = try String(contentsOf: Self.golden.appendingPathComponent("events/\(event)/index.html"), encoding: .utf8)
            let citation = html.split(separator: "\n").first { $0.contains("sources/press-statement/index.html") }
            // Its publisher is followed by its links, not by a date.
            #expect(
                citation?.contains("</a>, Ministry of the Interior · <a") == true,
                "\(event): an undated source shows the event's date: \(citation ?? "none")")
        }
    }

    /// A `dead` source (`url_status`) is cited with its archived copy first
    /// and its original said to be gone, in every list and on its page.
    @Test func deadSourceLinksTheArchivedCopyFirst() throws {
        let archive = "https://web.archive.org/web/20211001000000/https://example.org/ministry/statements/snoop"
        let original = "https://example.org/ministry/statements/snoop"
        for event in ["founding", "contract-signed"] {
            let html = try String(contentsOf: Self.golden.appendingPathComponent("events/\(event)/index.html"), encoding: .utf8)
            let citation = try #require(html.split(separator: "\n").first { $0.contains("sources/press-statement/index.html") })
            #expect(
                citation.hasSuffix(
                    " · <a class=\"external\" href=\"\(archive)\">archived copy</a> · <a class=\"external\" href=\"\(original)\">original</a>, no longer online</li>"
                ), "\(event): \(citation)")
        }
        let page = try String(contentsOf: Self.golden.appendingPathComponent("sources/press-statement/index.html"), encoding: .utf8)
        let archived = try #require(page.range(of: "<dt>Archived copy</dt>")),
            gone = try #require(page.range(of: ", no longer online</dd>"))
        #expect(archived.lowerBound < gone.lowerBound)
        #expect(page.contains("made 1 October 2021"))
        #expect(!page.contains("<dt>Original</dt><dd><a class=\"external\" href=\"\(original)\">\(original)</a></dd>"))
    }

    /// A former slug (`moved_from`) gets a page that sends readers on in
    /// three ways, and no place in the sitemap, the search index or the data.
    @Test func formerAddressRedirectsAndStaysOutOfIndexes() throws {
        let html = try String(
            contentsOf: Self.golden.appendingPathComponent("actors/ministry-of-interior/index.html"), encoding: .utf8)
        #expect(html.contains(#"<meta http-equiv="refresh" content="0; url=../../actors/interior-ministry/index.html">"#))
        #expect(html.contains(#"<link rel="canonical" href="https://example.org/minimal/actors/interior-ministry/">"#))
        #expect(html.contains(#"<a href="../../actors/interior-ministry/index.html">Ministry of the Interior</a>"#))
        let search = try Golden.files(in: Self.golden).filter { $0.hasPrefix("search/") && $0.hasSuffix(".js") }.sorted()
        #expect(search.count > 10)
        for file in ["sitemap.xml", "data/report.json", "data/actors.csv", "feed.xml"] + search {
            let text = try String(contentsOf: Self.golden.appendingPathComponent(file), encoding: .utf8)
            #expect(!text.contains("ministry-of-interior"), "\(file)")
        }
        let target = try #require(
            SiteDiff.redirectTarget(of: Data(html.utf8), at: "actors/ministry-of-interior/index.html"))
        #expect(target == "actors/interior-ministry/index.html")
    }

    /// A server shows `404.html` at any address, so its links must not be
    /// relative: they are absolute (under `base_url`, or `/`-rooted without one).
    @Test func notFoundPageLinksWorkAtAnyAddress() throws {
        let html = try String(contentsOf: Self.golden.appendingPathComponent("404.html"), encoding: .utf8)
        let urls = SiteLinks.urls(in: html)
        #expect(urls.count > 5)
        let relative = urls.filter { !$0.hasPrefix("#") && !$0.hasPrefix("https://") && !$0.hasPrefix("/") }
        #expect(relative.isEmpty, "relative links on 404.html: \(relative)")
    }
}
