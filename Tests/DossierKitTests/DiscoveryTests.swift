import Foundation
import Testing

@testable import DossierKit

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The feed holds the newest events only; the sitemap is an index of
/// sitemaps within the protocol's limits, which together list every page.
@Suite struct DiscoveryTests {
    static let base = "https://example.org/r/"

    func locations(_ text: String) -> [String] {
        text.matches(of: #/<loc>([^<]*)</loc>/#).map { String($0.1) }
    }

    @Test func sitemapsSplitAtTheURLLimitAndListEveryPage() {
        let paths = (1...7).map { "events/e\($0)/index.html" } + ["assets/style.css", "search/search-index.js"]
        let files = Discovery.sitemaps(paths, base: Self.base, urlLimit: 3)
        #expect(files.map(\.path) == ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"])
        #expect(locations(files[0].text) == (1...3).map { Self.base + "sitemap-\($0).xml" })
        #expect(files[0].text.contains("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"))
        let parts = files.dropFirst().map { locations($0.text) }
        #expect(parts.map(\.count) == [3, 3, 1])
        #expect(parts.flatMap { $0 } == (1...7).map { Self.base + "events/e\($0)/" })
        for file in files {
            #expect(XMLParser(data: Data(file.text.utf8)).parse(), "\(file.path)")
        }
    }

    @Test func sitemapsSplitAtTheByteLimit() {
        let paths = (1...20).map { "events/event-number-\($0)/index.html" }
        let files = Discovery.sitemaps(paths, base: Self.base, byteLimit: 600)
        #expect(files.count > 3)
        for file in files.dropFirst() { #expect(file.text.utf8.count <= 600, "\(file.path)") }
        #expect(files.dropFirst().flatMap { locations($0.text) }.count == 20)
    }

    @Test func theProtocolsLimitsAreTheDefaults() {
        let paths = (0...Discovery.sitemapURLLimit).map { "events/e\($0)/index.html" }
        let files = Discovery.sitemaps(paths, base: Self.base)
        #expect(files.dropFirst().map { locations($0.text).count } == [50_000, 1])
        #expect(Discovery.sitemapByteLimit == 52_428_800)
    }

    @Test func aSmallSiteHasOneSitemapInItsIndex() {
        let files = Discovery.sitemaps(["index.html"], base: Self.base)
        #expect(files.map(\.path) == ["sitemap.xml", "sitemap-1.xml"])
        #expect(locations(files[1].text) == [Self.base])
    }

    @Test func feedHoldsTheNewestEventsOnly() throws {
        var site = try JSONTextTests.site(Fixture.content)
        var settings = site.settings
        settings.feedEntries = 2
        site = site.with(settings)
        let feed = Discovery.feed(site, base: Self.base)
        let titles = feed.matches(of: #/<entry>\n<title>([^<]*)</title>/#).map { String($0.1) }
        let newest = site.entries(of: .event).suffix(2).reversed().map { Discovery.escape($0.title) }
        #expect(site.entries(of: .event).count > 2)
        #expect(titles == newest)
        #expect(XMLParser(data: Data(feed.utf8)).parse())
    }

    @Test func feedEntriesIsAWholeNumberInRange() {
        var diagnostics = Diagnostics()
        let settings = RecordDecoder.site(yaml: "title: T\ndescription: D\nlanguage: en\nfeed_entries: 20\n", path: "s.yaml", &diagnostics)
        #expect(settings?.feedEntries == 20)
        let plain = RecordDecoder.site(yaml: "title: T\ndescription: D\nlanguage: en\n", path: "s.yaml", &diagnostics)
        #expect(plain?.feedEntries == 50)
        #expect(!diagnostics.hasErrors)
        for bad in ["0", "many", "2.5", "10001"] {
            var errors = Diagnostics()
            _ = RecordDecoder.site(yaml: "title: T\ndescription: D\nlanguage: en\nfeed_entries: \(bad)\n", path: "s.yaml", &errors)
            #expect(
                errors.all.map(\.description) == [
                    "s.yaml:4:15: error: field 'feed_entries' must be a whole number from 1 to 10000"
                ], "\(bad)")
        }
    }
}
