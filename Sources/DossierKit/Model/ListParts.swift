/// How long lists of events are split into pages of their own, so that no
/// page of a large report weighs more than a reader should download (issue
/// "Large reports stay light for readers"). A small report is never split:
/// its lists look as they always did. docs/publishing.md names the sizes
/// and addresses.
public enum ListParts {
    /// Past this many events, the events index and the timeline are split by
    /// year, each year on a page of its own.
    public static let splitAbove = 500
    /// Events on one part at most: a larger year (or an entry's list) is paged.
    /// At about 350 bytes an item, 500 keep a part near 200 KB.
    public static let pageSize = 500
    /// Past this many items, a list on an entry's page (an actor's events,
    /// the pages linking to a source, a country's connections) shows the
    /// first `recentCount` and links to the complete list.
    public static let entryListAbove = 50
    /// The items shown on a split index or a long entry list.
    public static let recentCount = 50

    /// One page of a split list: its address, its place and its events.
    public struct Part: Sendable {
        public let path: String
        /// The events' year; nil on an entry's list, which is paged only.
        public let year: Int?
        /// 1-based page within the year (or list), and how many pages it has.
        public let page: Int
        public let pages: Int
        public let entries: [Entry]
    }

    /// Whether the site's events index and timeline are split.
    public static func splits(_ events: [Entry]) -> Bool { events.count > splitAbove }

    /// The parts of `events` (in date order) by year under `folder`
    /// (`events/years`, `timeline`), oldest first; empty when not split.
    public static func byYear(_ events: [Entry], folder: String) -> [Part] {
        guard splits(events) else { return [] }
        var years: [(year: Int, entries: [Entry])] = []
        for entry in events {
            let year = entry.event?.date.year ?? 0
            if years.last?.year != year { years.append((year, [])) }
            years[years.count - 1].entries.append(entry)
        }
        return years.flatMap { year in paged(year.entries, folder: "\(folder)/\(year.year)", year: year.year) }
    }

    /// The lists an entry's page may show in part, each complete on pages
    /// of its own below the entry's folder.
    public enum EntryList: String, Sendable, CaseIterable {
        case events
        case linkedFrom = "linked-from"
        case connections
        /// A country's actors; an actor's members and parts.
        case actors
        case members
    }

    /// The parts of one of an entry's lists under `folder`
    /// (`actors/SLUG/events`); empty when the entry's page shows it all.
    public static func ofEntry(_ entries: [Entry], folder: String) -> [Part] {
        entries.count > entryListAbove ? paged(entries, folder: folder, year: nil) : []
    }

    /// Where an entry's complete list lives.
    public static func entryFolder(_ key: PageKey, _ list: EntryList = .events) -> String {
        "\(key.kind.folder)/\(key.slug)/\(list.rawValue)"
    }

    /// The kinds whose index is paged past `splitAbove` entries. Events have
    /// their years; countries cannot outgrow it (one per ISO 3166 code).
    public static let pagedIndexes: Set<Kind> = [.actor, .source, .page, .media]

    /// The pages of `kind`'s index, its entries in the index's order: the
    /// first at the index's address, the others at `<folder>/pages/N/`
    /// (one level below the entries' pages, so that no number meets a slug);
    /// empty when the index is one page.
    public static func ofIndex(_ entries: [Entry], kind: Kind) -> [Part] {
        guard pagedIndexes.contains(kind), entries.count > splitAbove else { return [] }
        let pages = (entries.count + pageSize - 1) / pageSize
        return (1...pages).map { page in
            let slice = entries[(page - 1) * pageSize..<min(entries.count, page * pageSize)]
            let path = page == 1 ? Addresses.index(kind) : "\(kind.folder)/pages/\(page)/index.html"
            return Part(path: path, year: nil, page: page, pages: pages, entries: Array(slice))
        }
    }

    /// The group an index lists `entry` in: its actor kind, its publisher
    /// (`publisher-<slug>`), or none (empty).
    public static func groupID(of entry: Entry) -> String {
        if let actor = entry.actor { return actor.actorKind.rawValue }
        if let source = entry.source { return "publisher-" + Slug.make(from: source.publisher) }
        return ""
    }

    /// An index's entries in the order it lists them, in groups: actors by
    /// kind, sources by publisher, others in one group (`id` empty).
    public static func indexGroups(_ kind: Kind, in site: Site) -> [(id: String, entries: [Entry])] {
        let entries = site.entries(of: kind)
        switch kind {
        case .actor:
            return ActorKind.allCases.compactMap { actorKind in
                let members = entries.filter { $0.actor?.actorKind == actorKind }
                return members.isEmpty ? nil : (actorKind.rawValue, members)
            }
        case .source:
            let byPublisher = Dictionary(grouping: entries) { $0.source?.publisher ?? "" }
            return byPublisher.keys.sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) }.map { publisher in
                ("publisher-" + Slug.make(from: publisher), byPublisher[publisher] ?? [])
            }
        default:
            return [("", entries)]
        }
    }

    /// The folder of the events index's parts: one level below the event
    /// pages (`events/SLUG/`), so that no year meets an event's slug.
    public static let eventsFolder = "events/years"
    public static let timelineFolder = "timeline"

    private static func paged(_ events: [Entry], folder: String, year: Int?) -> [Part] {
        let pages = max(1, (events.count + pageSize - 1) / pageSize)
        return (1...pages).map { page in
            let slice = events[(page - 1) * pageSize..<min(events.count, page * pageSize)]
            return Part(path: Addresses.listPart(folder: folder, page: page), year: year, page: page, pages: pages, entries: Array(slice))
        }
    }
}
