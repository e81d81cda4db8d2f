/// The validated report: the published entries by kind and slug, sorted
/// for output, and every relation from both sides.
public struct Site: Sendable {
    public let settings: SiteSettings
    public let entries: [PageKey: Entry]
    /// Entries of each kind in display order (events by date, others by title).
    public let ordered: [Kind: [Entry]]
    public let relations: Relations

    public init(settings: SiteSettings, entries: [Entry]) {
        self.settings = settings
        var byKey: [PageKey: Entry] = [:]
        for entry in entries { byKey[entry.key] = entry }
        self.entries = byKey
        var ordered: [Kind: [Entry]] = [:]
        for kind in Kind.allCases {
            ordered[kind] = entries.filter { $0.kind == kind }.sorted(by: Self.displayOrder)
        }
        self.ordered = ordered
        var rank: [PageKey: Int] = [:]
        for kindEntries in ordered.values {
            for (index, entry) in kindEntries.enumerated() { rank[entry.key] = index }
        }
        self.relations = Relations(entries: byKey, rank: rank)
    }

    public func entries(of kind: Kind) -> [Entry] { ordered[kind] ?? [] }

    public subscript(key: PageKey) -> Entry? { entries[key] }

    /// Events by date then slug; every other kind by title, case-insensitively, then slug.
    static func displayOrder(_ a: Entry, _ b: Entry) -> Bool {
        if let da = a.event?.date, let db = b.event?.date, da != db { return da < db }
        if a.kind != .event {
            let ta = a.title.lowercased(), tb = b.title.lowercased()
            if ta != tb { return ta < tb }
        }
        return a.slug < b.slug
    }
}
