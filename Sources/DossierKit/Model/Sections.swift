/// The ids the theme gives to its own sections of each page kind. They are
/// part of the format's contract: body links may target them
/// (`actor:nso-group#events`), and body headings never take them.
public enum Sections {
    /// Ids present on every page (the layout's own).
    public static let layout: Set<String> = ["main", "site-header", "site-footer", "site-search", "site-search-q"]

    public static func ids(for kind: Kind) -> Set<String> {
        allIDs[kind] ?? layout
    }

    /// `ids(for:)` of every kind, made once: each body's outline and HTML
    /// start from them.
    private static let allIDs = Dictionary(uniqueKeysWithValues: Kind.allCases.map { ($0, makeIDs(for: $0)) })

    private static func makeIDs(for kind: Kind) -> Set<String> {
        let own: Set<String>
        switch kind {
        case .actor:
            own = [
                "summary", "events", "timeline", "countries", "affiliations", "members", "relations", "linked-from",
                "updates",
            ]
        case .country: own = ["summary", "actors", "events", "timeline", "relations", "linked-from"]
        case .event: own = ["summary", "actors", "countries", "sources", "linked-from", "updates"]
        case .source: own = ["summary", "details", "events", "linked-from"]
        case .page: own = ["summary", "linked-from"]
        }
        return layout.union(own)
    }

    /// For each section id of a kind, the view value whose presence shows
    /// the section in the default theme (`{{#eventsHTML}}<section id="events">`).
    static func viewKeys(for kind: Kind) -> [String: String] {
        let common = ["summary": "summary", "linked-from": "linkedFromHTML"]
        let own: [String: String]
        switch kind {
        case .actor:
            own = [
                "events": "eventsHTML", "timeline": "timelineSVG", "countries": "countriesHTML", "affiliations": "affiliationsHTML",
                "members": "membersHTML", "relations": "connectionsHTML", "updates": "updates",
            ]
        case .country: own = ["actors": "actorsHTML", "events": "eventsHTML", "timeline": "timelineSVG", "relations": "connectionsHTML"]
        case .event: own = ["actors": "actorsHTML", "countries": "countriesHTML", "sources": "sourcesHTML", "updates": "updates"]
        case .source: own = ["details": "publisher", "events": "eventsHTML"]
        case .page: own = [:]
        }
        return common.merging(own) { first, _ in first }
    }
}
