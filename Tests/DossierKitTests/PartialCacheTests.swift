import Foundation
import Testing

@testable import DossierKit

/// List items rendered once for every depth (a stand-in byte for the way
/// to the root, put back per depth) must be the items rendered per depth,
/// and themes whose items could tell the two apart are rendered per depth.
@Suite struct PartialCacheTests {
    static func theme(_ folder: URL = Fixture.templates) throws -> Theme {
        var diagnostics = Diagnostics()
        return try #require(Theme.load(from: folder, &diagnostics), "\(diagnostics.all)")
    }

    /// Every file of the site, rendered into memory.
    static func files(_ site: Site, _ theme: Theme, sharedAcrossDepths: Bool) -> (files: [String: Data], shared: Int) {
        let sink = MemorySink()
        let partials = PartialCache(theme: theme, sharedAcrossDepths: sharedAcrossDepths)
        Renderer(site: site, theme: theme, partials: partials).render(into: sink)
        return (sink.files.withLock { $0 }, partials.depthFreeItemCount)
    }

    @Test func sharedItemsAreThePerDepthItems() throws {
        let site = try JSONTextTests.site(Fixture.content)
        let theme = try Self.theme()
        // The default theme's items all show their url as written.
        #expect(theme.depthFree == Set(ViewBuilder.Item.all))
        let (shared, sharedItems) = Self.files(site, theme, sharedAcrossDepths: true)
        let (perDepth, noSharedItems) = Self.files(site, theme, sharedAcrossDepths: false)
        // Every event is listed at three depths (home, index, entry pages).
        #expect(sharedItems >= site.entries(of: .event).count && noSharedItems == 0)
        #expect(shared.count > 100)
        #expect(shared.keys.sorted() == perDepth.keys.sorted())
        for (path, data) in perDepth where shared[path] != data {
            Issue.record("\(path) differs")
        }
    }

    @Test(arguments: [
        ("<li><a href=\"{{url}}\">{{title}}</a>{{#detail}} {{.}}{{/detail}}</li>", true),
        ("<li>{{#url}}<a href=\"{{.}}\">{{{title}}}</a>{{/url}}{{^url}}none{{/url}}{{&url}}</li>", true),
        ("<li>{{title}} {{externalURL}} {{archiveURL}}</li>", true),
        ("<li><a href=\"{{uppercased(url)}}\">{{title}}</a></li>", false),
        ("<li>{{#url}}{{lowercased(.)}}{{/url}}</li>", false),
        ("<li><a href=\"{{.url}}\">x</a></li>", false),
        ("<li>{{> partials/link-item}}</li>", false),
        ("<li>\u{1}{{url}}</li>", false),
        ("{{=<% %>=}}<li><% url %> <%lowercased(title)%></li>", false),
    ])
    func onlyURLAsWrittenIsShared(_ text: String, _ shared: Bool) {
        #expect(Theme.showsURLAsIs(TemplateOutline(text), text: text) == shared, "\(text)")
    }

    /// A theme whose event item transforms its url is rendered per depth,
    /// and right.
    @Test func transformedURLIsRenderedPerDepth() throws {
        try Fixture.withTemporaryFolder { folder in
            let templates = folder.appendingPathComponent("templates")
            try FileManager.default.copyItem(at: Fixture.templates, to: templates)
            let item = templates.appendingPathComponent("partials/event-item.mustache")
            try "<li><a href=\"{{url}}\" data-upper=\"{{uppercased(url)}}\">{{title}}</a></li>\n"
                .write(to: item, atomically: true, encoding: .utf8)
            let theme = try Self.theme(templates)
            #expect(!theme.depthFree.contains(ViewBuilder.Item.event))
            let site = try JSONTextTests.site(Fixture.content)
            let files = Self.files(site, theme, sharedAcrossDepths: true).files
            let page = try #require(files["events/index.html"].map { String(decoding: $0, as: UTF8.self) })
            #expect(page.contains("data-upper=\"../EVENTS/"))
            #expect(!page.contains("\u{1}"))
        }
    }

    /// The stand-in is used only when `url` alone holds it: a title with the
    /// byte (YAML's `"\x01"` can write one) sends its item down the per-depth
    /// path. Every name a link answers is checked.
    @Test func standInOnlyInURL() {
        let link = View.Link(title: "Title", url: PartialCache.rootStandInText + "events/x/", kindLabel: "Event", summary: nil)
        #expect(View(link: link).holdsOnlyInURL(PartialCache.rootStandIn))
        for name in View.Link.names {
            #expect(link.value(named: name) != nil, "\(name)")
        }
        #expect(link.value(named: "unknown") == nil)
        // The texts checked are the named values but `url`, in order.
        let full = View.Link(title: "t", url: "u", kindLabel: "k", summary: "s")
        (full.date, full.datetime, full.status, full.statusLabel) = ("d", "dt", "st", "sl")
        (full.detail, full.publisher, full.externalURL, full.archiveURL) = ("de", "p", "e", "a")
        #expect(full.textsButURL == View.Link.names.filter { $0 != "url" }.map { full.value(named: $0) as? String })
        link.publisher = "A\u{1}B"
        #expect(!View(link: link).holdsOnlyInURL(PartialCache.rootStandIn))
        let plain = View.Link(title: "T", url: "events/x/", kindLabel: "Event", summary: nil)
        #expect(!View(link: plain).holdsOnlyInURL(PartialCache.rootStandIn))
        var extra = View(link: View.Link(title: "T", url: PartialCache.rootStandInText + "x/", kindLabel: "K", summary: nil))
        extra["weightLabel"] = "2\u{1}"
        #expect(!extra.holdsOnlyInURL(PartialCache.rootStandIn))
    }
}
