/// The validated report: the published entries by kind and slug, sorted
/// for output, and every relation from both sides.
public struct Site: Sendable {
    public private(set) var settings: SiteSettings
    public let entries: [PageKey: Entry]
    /// Entries of each kind in display order (events by date, others by title).
    public let ordered: [Kind: [Entry]]
    public let relations: Relations
    /// Former addresses (`moved_from`) → the entry now there. Validation
    /// refuses a former slug that is live or claimed twice; should one be
    /// here anyway, the entry first by path keeps it.
    public let moved: [PageKey: Entry]

    public init(settings: SiteSettings, entries: [Entry]) {
        self.settings = settings
        var byKey: [PageKey: Entry] = [:]
        for entry in entries { byKey[entry.key] = entry }
        self.entries = byKey
        var ordered: [Kind: [Entry]] = [:]
        for kind in Kind.allCases {
            ordered[kind] = Self.sortedForDisplay(entries.filter { $0.kind == kind })
        }
        self.ordered = ordered
        self.relations = Relations(ordered: ordered)
        var moved: [PageKey: Entry] = [:]
        for entry in entries.sorted(by: { $0.path < $1.path }) {
            for former in entry.movedFrom {
                let key = PageKey(entry.kind, former.slug)
                if byKey[key] == nil, moved[key] == nil { moved[key] = entry }
            }
        }
        self.moved = moved
    }

    public func entries(of kind: Kind) -> [Entry] { ordered[kind] ?? [] }

    /// The same report with other settings (`--base-url`), without sorting
    /// and relating every entry again.
    public func with(_ settings: SiteSettings) -> Site {
        var site = self
        site.settings = settings
        return site
    }

    public subscript(key: PageKey) -> Entry? { entries[key] }

    /// Display order: events by date then slug; every other kind by title,
    /// case-insensitively, then slug. Each title is lowercased, and each
    /// event's date read out of its details, once, not at every comparison.
    static func sortedForDisplay(_ entries: [Entry]) -> [Entry] {
        entries.map { (entry: $0, title: $0.kind == .event ? "" : $0.title.lowercased(), date: $0.event?.date) }.sorted { a, b in
            if let da = a.date, let db = b.date, da != db { return da < db }
            if a.title != b.title { return a.title < b.title }
            return a.entry.slug < b.entry.slug
        }.map(\.entry)
    }
}
