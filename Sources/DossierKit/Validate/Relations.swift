/// Every relation of the report from both sides: an event naming an actor
/// gives the actor that event; a body link gives its target a "linked from".
public struct Relations: Sendable {
    /// Incoming edges by target page: which pages point at it, and how.
    public private(set) var incoming: [PageKey: [Edge: [PageKey]]] = [:]

    /// The ways one page points at another.
    public enum Edge: Hashable, Sendable {
        /// An event's `actors`, `countries` or `sources` list.
        case involves
        /// An actor's `countries` list.
        case belongsTo
        /// An actor's `affiliations` list.
        case affiliatedWith
        /// A link in a body.
        case linksTo
    }

    private struct EdgeTarget: Hashable {
        let edge: Edge
        let target: PageKey
    }

    /// `rank`: each entry's index in its kind's display order (`Site.ordered`).
    init(entries: [PageKey: Entry], rank: [PageKey: Int]) {
        for (key, entry) in entries {
            var seen = Set<EdgeTarget>()
            for reference in entry.fieldReferences + entry.links {
                let target = PageKey(reference.kind, reference.slug)
                guard target != key, entries[target] != nil else { continue }
                let edge: Edge
                switch reference.origin {
                case .body: edge = .linksTo
                case .field("affiliations"): edge = .affiliatedWith
                case .field: edge = entry.kind == .actor ? .belongsTo : .involves
                }
                guard seen.insert(EdgeTarget(edge: edge, target: target)).inserted else { continue }
                incoming[target, default: [:]][edge, default: []].append(key)
            }
        }
        // By kind, then by each entry's place in its kind's display order (`rank`):
        // comparing ranks, not entries, keeps this fast at 10,000 events.
        for (target, edges) in incoming {
            for (edge, sources) in edges {
                incoming[target]?[edge] = sources.map { (key: $0, rank: rank[$0]) }.sorted { a, b in
                    guard let ra = a.rank, let rb = b.rank else { return a.key < b.key }
                    if a.key.kind != b.key.kind { return a.key.kind < b.key.kind }
                    return ra < rb
                }.map(\.key)
            }
        }
    }

    /// Pages of `kind` pointing at `key` by `edge`, in display order.
    public func pages(_ kind: Kind, pointingAt key: PageKey, by edge: Edge) -> [PageKey] {
        (incoming[key]?[edge] ?? []).filter { $0.kind == kind }
    }

    /// Pages whose body links to `key`, of any kind, in display order.
    public func linkedFrom(_ key: PageKey) -> [PageKey] {
        incoming[key]?[.linksTo] ?? []
    }
}
