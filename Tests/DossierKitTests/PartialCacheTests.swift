import Foundation
import Testing

@testable import DossierKit

/// A shared partial is rendered once per entry and depth and reused on
/// every page that lists it: that must give the pages a partial rendered for
/// each page alone would give.
@Suite struct PartialCacheTests {
    static func theme(_ folder: URL = Fixture.templates) throws -> Theme {
        var diagnostics = Diagnostics()
        return try #require(Theme.load(from: folder, languages: ["en"], &diagnostics), "\(diagnostics.all)")
    }

    @Test func sharedPartialsAreThoseOfEachPageAlone() throws {
        let site = try JSONTextTests.site(Fixture.content)
        let theme = try Self.theme()
        let shared = MemorySink()
        let jobs = Renderer(site: site, theme: theme).render(into: shared, data: false).jobs
        let alone = MemorySink()
        for job in jobs {
            // A new cache per page: nothing another page rendered is reused.
            Renderer(site: site, theme: theme, partials: PartialCache(theme: theme))
                .render(into: alone, only: { $0.path == job.path }, data: false)
        }
        let sharedFiles = shared.files.withLock { $0 }, aloneFiles = alone.files.withLock { $0 }
        #expect(sharedFiles.count == jobs.count && jobs.count > 100)
        #expect(sharedFiles.keys.sorted() == aloneFiles.keys.sorted())
        for (path, data) in aloneFiles where sharedFiles[path] != data {
            Issue.record("\(path) differs")
        }
    }

    /// `serve` forgets the items of the entries an edit changed, and keeps
    /// the others.
    @Test func forgetDropsOnlyTheChangedEntries() throws {
        let site = try JSONTextTests.site(Fixture.content)
        let theme = try Self.theme()
        let cache = PartialCache(theme: theme)
        let events = site.entries(of: .event)
        let list = cache.list(ViewBuilder.Item.event, root: "../../")
        var renders = 0
        func item(_ entry: Entry) -> String {
            cache.item(list, entry) { root in
                renders += 1
                return ["title": entry.title, "url": root + entry.pagePath]
            }
        }
        for entry in events.prefix(2) { _ = item(entry) }
        #expect(renders == 2)
        for entry in events.prefix(2) { _ = item(entry) }
        #expect(renders == 2)
        cache.forget([events[0].key])
        let again = item(events[0])
        _ = item(events[1])
        #expect(renders == 3)
        #expect(again.contains("../../" + events[0].pagePath))
    }
}
