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
    /// Past this many events, an actor's or a country's page shows the most
    /// recent `recentCount` and links to the complete list.
    public static let entryEventsAbove = 50
    /// The most recent events shown on a split index or a long entry page.
    public static let recentCount = 50

    /// One page of a split list: its address, its place and its events.
    public struct Part: Sendable {
        public let path: String
        /// The events' year; nil on an entry's list, which is paged only.
        public let year: Int?
        /// 1-based page within the year (or list), and how many pages it has.
        public let page: Int
        public let pages: Int
        public let events: [Entry]
    }

    /// Whether the site's events index and timeline are split.
    public static func splits(_ events: [Entry]) -> Bool { events.count > splitAbove }

    /// The parts of `events` (in date order) by year under `folder`
    /// (`events/years`, `timeline`), oldest first; empty when not split.
    public static func byYear(_ events: [Entry], folder: String) -> [Part] {
        guard splits(events) else { return [] }
        var years: [(year: Int, events: [Entry])] = []
        for entry in events {
            let year = entry.event?.date.year ?? 0
            if years.last?.year != year { years.append((year, [])) }
            years[years.count - 1].events.append(entry)
        }
        return years.flatMap { year in paged(year.events, folder: "\(folder)/\(year.year)", year: year.year) }
    }

    /// The parts of an entry's `events` under `folder`
    /// (`actors/SLUG/events`); empty when the entry's page shows them all.
    public static func ofEntry(_ events: [Entry], folder: String) -> [Part] {
        events.count > entryEventsAbove ? paged(events, folder: folder, year: nil) : []
    }

    /// Where an entry's complete list of events lives.
    public static func entryFolder(_ key: PageKey) -> String { "\(key.kind.folder)/\(key.slug)/events" }

    /// The folder of the events index's parts: one level below the event
    /// pages (`events/SLUG/`), so that no year meets an event's slug.
    public static let eventsFolder = "events/years"
    public static let timelineFolder = "timeline"

    private static func paged(_ events: [Entry], folder: String, year: Int?) -> [Part] {
        let pages = max(1, (events.count + pageSize - 1) / pageSize)
        return (1...pages).map { page in
            let slice = events[(page - 1) * pageSize..<min(events.count, page * pageSize)]
            return Part(path: Addresses.listPart(folder: folder, page: page), year: year, page: page, pages: pages, events: Array(slice))
        }
    }
}
