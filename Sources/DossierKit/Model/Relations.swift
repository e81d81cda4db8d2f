/// Every relation of the report from both sides: an event naming an actor
/// gives the actor that event; a body link gives its target a "linked from".
public struct Relations: Sendable {
    /// Incoming edges by target page: which entries point at it, and how.
    /// Entries, not keys: the pages that list them need each entry, and
    /// looking every key up again cost a hash per list item.
    private var incoming: [PageKey: [Edge: [Entry]]] = [:]

    /// The ways one page points at another. The raw value is the edge's
    /// place in a packed integer.
    public enum Edge: Int, Hashable, Sendable, CaseIterable {
        /// An event's `actors`, `countries` or `sources` list.
        case involves
        /// An actor's `countries` list.
        case belongsTo
        /// An actor's `affiliations` list.
        case affiliatedWith
        /// A link in a body.
        case linksTo
        /// A citation in the body of an entry other than an event (an
        /// event's citations are `involves`: a cited source is one of its
        /// sources, as if listed in its `sources`).
        case cites

        /// How `reference`, written in an entry of `kind`, points at its target.
        init(_ reference: Reference, in kind: Kind) {
            switch reference.origin {
            case .body: self = .linksTo
            case .citation: self = kind == .event ? .involves : .cites
            case .field("affiliations"): self = .affiliatedWith
            case .field: self = kind == .actor ? .belongsTo : .involves
            }
        }

        /// The relation's name in the data exports (docs/data.md).
        public var name: String {
            switch self {
            case .involves: "involves"
            case .belongsTo: "belongs-to"
            case .affiliatedWith: "affiliated-with"
            case .linksTo: "links-to"
            case .cites: "cites"
            }
        }
    }

    /// `ordered`: each kind's entries in display order (`Site.ordered`).
    /// Every entry is numbered in that order, kinds in `Kind` order, and
    /// each edge packed into one integer (target, edge, source): one sort of
    /// those integers puts every list in display order, with no hashing of
    /// keys beyond finding each reference's target.
    init(ordered: [Kind: [Entry]]) {
        let all = Kind.allCases.flatMap { ordered[$0] ?? [] }
        var number: [PageKey: Int] = Dictionary(minimumCapacity: all.count)
        for (index, entry) in all.enumerated() { number[entry.key] = index }
        var packed: [UInt64] = []
        // One entry's edges so far (a few): one buffer for every entry.
        var seen: [UInt64] = []
        for (source, entry) in all.enumerated() {
            seen.removeAll(keepingCapacity: true)
            entry.forEachReference { reference in
                guard let target = number[PageKey(reference.kind, reference.slug)] else { return }
                guard target != source else { return }
                let edge = Edge(reference, in: entry.kind)
                let code = UInt64(target) << 35 | UInt64(edge.rawValue) << 32 | UInt64(source)
                guard !seen.contains(code) else { return }
                seen.append(code)
                packed.append(code)
            }
        }
        packed.sort()
        var index = 0
        while index < packed.count {
            let target = Int(packed[index] >> 35)
            var byEdge: [Edge: [Entry]] = [:]
            while index < packed.count, Int(packed[index] >> 35) == target {
                let edge = Edge.allCases[Int(packed[index] >> 32 & 7)]
                var sources: [Entry] = []
                while index < packed.count, Int(packed[index] >> 35) == target, Edge.allCases[Int(packed[index] >> 32 & 7)] == edge {
                    sources.append(all[Int(packed[index] & 0xFFFF_FFFF)])
                    index += 1
                }
                byEdge[edge] = sources
            }
            incoming[all[target].key] = byEdge
        }
    }

    /// Entries of `kind` pointing at `key` by `edge`, in display order.
    public func entries(_ kind: Kind, pointingAt key: PageKey, by edge: Edge) -> [Entry] {
        (incoming[key]?[edge] ?? []).filter { $0.kind == kind }
    }

    /// Entries of any kind pointing at `key` by `edge`, in display order.
    public func entries(pointingAt key: PageKey, by edge: Edge) -> [Entry] {
        incoming[key]?[edge] ?? []
    }

    /// Whether any entry of `kind` points at `key` by `edge` (no list made).
    public func hasEntries(_ kind: Kind, pointingAt key: PageKey, by edge: Edge) -> Bool {
        incoming[key]?[edge]?.contains { $0.kind == kind } ?? false
    }

    /// Pages of `kind` pointing at `key` by `edge`, in display order.
    public func pages(_ kind: Kind, pointingAt key: PageKey, by edge: Edge) -> [PageKey] {
        entries(kind, pointingAt: key, by: edge).map(\.key)
    }

    /// Entries whose body links to `key`, of any kind, in display order.
    public func linkedFromEntries(_ key: PageKey) -> [Entry] {
        incoming[key]?[.linksTo] ?? []
    }

    /// Pages whose body links to `key`, of any kind, in display order.
    public func linkedFrom(_ key: PageKey) -> [PageKey] {
        linkedFromEntries(key).map(\.key)
    }

    /// Every page pointing at `key`, by the way it points.
    public func incoming(to key: PageKey) -> [Edge: [PageKey]] {
        (incoming[key] ?? [:]).mapValues { $0.map(\.key) }
    }
}
