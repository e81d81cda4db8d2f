/// The sections the theme shows on each kind of entry page, and when each
/// has something to show. Part of the format's contract: body links may
/// target a section's id (`actor:nso-group#events`), body headings never
/// take one, and a section appears only when it has something to show. The
/// fragment check reads this; `SectionsTests` holds the views and the
/// default theme to it, page by page.
public enum Sections {
    /// Ids present on every page (the layout's own).
    public static let layout: Set<String> = ["main", "site-header", "site-footer", "site-search", "site-search-q"]

    /// The sections of each kind's page, in the default theme's order.
    public static func of(_ kind: Kind) -> [Section] {
        switch kind {
        case .actor: [.summary, .events, .countries, .affiliations, .members, .timeline, .relations, .sources, .linkedFrom, .updates]
        case .country: [.summary, .actors, .events, .timeline, .relations, .sources, .linkedFrom]
        case .event: [.summary, .actors, .countries, .sources, .linkedFrom, .updates]
        case .source: [.summary, .details, .events, .citedBy, .sources, .linkedFrom]
        case .page: [.summary, .sources, .linkedFrom]
        case .media: [.summary, .details, .sources, .linkedFrom]
        }
    }

    /// Every id a page of `kind` may have: the layout's and its sections'.
    public static func ids(for kind: Kind) -> Set<String> {
        allIDs[kind] ?? layout
    }

    /// `ids(for:)` of every kind, made once: each body's outline starts from them.
    private static let allIDs = Dictionary(
        uniqueKeysWithValues: Kind.allCases.map { kind in (kind, layout.union(of(kind).map(\.rawValue))) })

    /// The ids `entry`'s page has in `site`: the layout's and those of the
    /// sections with something to show.
    public static func present(on entry: Entry, in site: Site) -> Set<String> {
        layout.union(of(entry.kind).filter { $0.isShown(for: entry, in: site) }.map(\.rawValue))
    }
}

/// One section of an entry page; the raw value is its id.
public enum Section: String, Sendable, CaseIterable {
    case summary, details, actors, events, countries, sources, affiliations, members, timeline, relations, updates
    case linkedFrom = "linked-from"
    case citedBy = "cited-by"

    /// Whether the section has something to show on `entry`'s page.
    public func isShown(for entry: Entry, in site: Site) -> Bool {
        let key = entry.key, relations = site.relations
        // A list of references shows the entries that exist in the site.
        func anyExists(_ references: [Reference]) -> Bool {
            references.contains { site[PageKey($0.kind, $0.slug)] != nil }
        }
        switch self {
        case .summary: return !(entry.summary ?? "").isEmpty
        case .details: return entry.kind == .source || entry.kind == .media
        case .linkedFrom: return !relations.linkedFromEntries(key).isEmpty
        case .events, .timeline: return relations.hasEntries(.event, pointingAt: key, by: .involves)
        case .members: return relations.hasEntries(.actor, pointingAt: key, by: .affiliatedWith)
        case .relations: return !Connections(site: site).actors(around: entry).isEmpty
        case .actors:
            if let event = entry.event { return anyExists(event.actors) }
            return relations.hasEntries(.actor, pointingAt: key, by: .belongsTo)
        case .countries: return anyExists(entry.event?.countries ?? entry.actor?.countries ?? [])
        case .sources: return anyExists(entry.sources)
        case .citedBy: return !relations.entries(pointingAt: key, by: .cites).isEmpty
        case .affiliations: return anyExists(entry.actor?.affiliations ?? [])
        case .updates: return !(entry.event?.updates ?? entry.actor?.updates ?? []).isEmpty
        }
    }
}
