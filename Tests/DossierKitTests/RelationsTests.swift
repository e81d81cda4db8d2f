import Testing

@testable import DossierKit

/// Every relation from both sides.
@Suite struct RelationsTests {
    static let here = DossierKit.SourceLocation(path: "p.md", line: 1, column: 1)

    static func refs(_ kind: Kind, _ slugs: [String], field: String) -> [Reference] {
        slugs.map { Reference(kind: kind, slug: $0, location: here, origin: .field(field)) }
    }

    static func entry(_ kind: Kind, _ slug: String, title: String? = nil, details: Details, links: [String] = []) -> Entry {
        let references = links.map { destination -> Reference in
            let (kind, slug, fragment) = Reference.parse(destination: destination)!
            return Reference(kind: kind, slug: slug, fragment: fragment, location: here, origin: .body)
        }
        return Entry(
            kind: kind, slug: slug, path: "\(kind.folder)/\(slug).md", title: title ?? slug, summary: nil, draft: false,
            details: details, body: MarkdownBody(text: "", firstLine: 1, path: "p.md"), links: references, headingIDs: [])
    }

    static func actor(_ slug: String, countries: [String] = [], affiliations: [String] = [], links: [String] = []) -> Entry {
        entry(
            .actor, slug,
            details: .actor(
                ActorDetails(
                    actorKind: .company, role: nil, countries: refs(.country, countries, field: "countries"),
                    affiliations: refs(.actor, affiliations, field: "affiliations"), aliases: [], updates: [])), links: links)
    }

    static func event(
        _ slug: String, date: String, actors: [String] = [], countries: [String] = [], sources: [String] = ["s"], links: [String] = []
    ) -> Entry {
        entry(
            .event, slug,
            details: .event(
                EventDetails(
                    date: PartialDate(date)!, endDate: nil, actors: refs(.actor, actors, field: "actors"),
                    countries: refs(.country, countries, field: "countries"), sources: refs(.source, sources, field: "sources"),
                    status: .reported, updates: [])), links: links)
    }

    static func country(_ slug: String) -> Entry {
        entry(.country, slug, details: .country(CountryDetails(code: "FR", region: nil)))
    }

    static func source(_ slug: String) -> Entry {
        entry(
            .source, slug,
            details: .source(
                SourceDetails(
                    publisher: "P", date: nil, sourceKind: .article, url: nil, archiveURL: nil, accessed: nil, language: nil,
                    authors: [])))
    }

    static func page(_ slug: String, links: [String]) -> Entry {
        entry(.page, slug, details: .page, links: links)
    }

    static let site = Site(
        settings: SiteSettings(title: "T", description: "D", language: "en"),
        entries: [
            actor("nso-group", countries: ["israel"], links: ["actor:nso-group", "event:late#x"]),
            actor("hulio", countries: ["israel"], affiliations: ["nso-group"], links: ["actor:nso-group", "actor:nso-group#history"]),
            actor("q-cyber", affiliations: ["nso-group"]),
            country("israel"),
            event("late", date: "2021-11", actors: ["nso-group", "nso-group"], countries: ["israel"]),
            event("early", date: "2021-07-18", actors: ["nso-group", "hulio"], links: ["actor:nso-group"]),
            source("s"),
            page("about", links: ["actor:nso-group", "actor:missing"]),
        ])

    @Test func eventNamingAnActorGivesTheActorItsEvents() {
        let key = PageKey(.actor, "nso-group")
        // In date order, each once although `late` names it twice.
        #expect(Self.site.relations.pages(.event, pointingAt: key, by: .involves) == [PageKey(.event, "early"), PageKey(.event, "late")])
        #expect(Self.site.relations.pages(.event, pointingAt: PageKey(.actor, "hulio"), by: .involves) == [PageKey(.event, "early")])
    }

    @Test func eventsGiveCountriesAndSourcesTheirEvents() {
        #expect(Self.site.relations.pages(.event, pointingAt: PageKey(.country, "israel"), by: .involves) == [PageKey(.event, "late")])
        #expect(
            Self.site.relations.pages(.event, pointingAt: PageKey(.source, "s"), by: .involves) == [
                PageKey(.event, "early"), PageKey(.event, "late"),
            ])
    }

    @Test func actorCountriesGiveCountriesTheirActors() {
        #expect(
            Self.site.relations.pages(.actor, pointingAt: PageKey(.country, "israel"), by: .belongsTo) == [
                PageKey(.actor, "hulio"), PageKey(.actor, "nso-group"),
            ])
    }

    @Test func affiliationsGiveMembers() {
        #expect(
            Self.site.relations.pages(.actor, pointingAt: PageKey(.actor, "nso-group"), by: .affiliatedWith) == [
                PageKey(.actor, "hulio"), PageKey(.actor, "q-cyber"),
            ])
        #expect(Self.site.relations.pages(.actor, pointingAt: PageKey(.actor, "hulio"), by: .affiliatedWith) == [])
    }

    @Test func bodyLinksGiveLinkedFrom() {
        // By kind, then display order; once per page even when linked twice;
        // a page linking to itself is not listed.
        #expect(
            Self.site.relations.linkedFrom(PageKey(.actor, "nso-group")) == [
                PageKey(.actor, "hulio"), PageKey(.event, "early"), PageKey(.page, "about"),
            ])
        #expect(Self.site.relations.linkedFrom(PageKey(.event, "late")) == [PageKey(.actor, "nso-group")])
        // A link to a page that does not exist gives nothing.
        #expect(Self.site.relations.linkedFrom(PageKey(.actor, "missing")) == [])
    }

    @Test func siteOrdersEventsByDateAndOthersByTitle() {
        #expect(Self.site.entries(of: .event).map(\.slug) == ["early", "late"])
        #expect(Self.site.entries(of: .actor).map(\.slug) == ["hulio", "nso-group", "q-cyber"])
    }

    /// The display order as written in the format's docs, one comparison
    /// at a time: the oracle for `Site.sortedForDisplay`.
    static func displayOrder(_ a: Entry, _ b: Entry) -> Bool {
        if let da = a.event?.date, let db = b.event?.date, da != db { return da < db }
        if a.kind != .event {
            let ta = a.title.lowercased(), tb = b.title.lowercased()
            if ta != tb { return ta < tb }
        }
        return a.slug < b.slug
    }

    /// `Site.sortedForDisplay` (titles lowercased once) orders exactly as
    /// `displayOrder` does, on titles that differ only in case, equal
    /// titles, events on the same and different dates.
    @Test func displaySortMatchesDisplayOrder() {
        let titles = ["Beta", "alpha", "ALPHA", "Äpfel", "alpha", "zeta", "Zeta", "b", "B", ""]
        var entries: [Entry] = titles.enumerated().map { Self.entry(.actor, "a\(($0.offset * 7) % 10)", title: $0.element, details: .page) }
        entries += ["2021-07-18", "2021", "2021-07", "2021-07-18", "2020-01-01"].enumerated().map {
            Self.event("e\(($0.offset * 3) % 5)", date: $0.element)
        }
        for kind in [Kind.actor, .event] {
            let some = entries.filter { $0.kind == kind }
            for rotation in 0..<some.count {
                let input = Array(some[rotation...] + some[..<rotation])
                #expect(Site.sortedForDisplay(input).map(\.slug) == input.sorted(by: Self.displayOrder).map(\.slug))
            }
        }
    }
}

/// `uniqued()` keeps first occurrences in order on both of its paths (in
/// place up to 8 elements, through a set beyond).
@Suite struct UniquedTests {
    @Test func keepsFirstOccurrencesInOrder() {
        func reference(_ items: [Int]) -> [Int] {
            var result: [Int] = []
            for item in items where !result.contains(item) { result.append(item) }
            return result
        }
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 2, 7, 8, 9, 20, 200] {
            for _ in 0..<20 {
                let items = (0..<length).map { _ in Int.random(in: 0..<max(1, length / 2), using: &generator) }
                #expect(items.uniqued() == reference(items), "\(items)")
            }
        }
        #expect(["b", "a", "b", "c", "a"].uniqued() == ["b", "a", "c"])
    }
}
