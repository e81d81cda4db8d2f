/// Who is connected to whom through shared events and affiliations: the
/// data behind the relations pictures and their text lists.
struct Connections {
    let site: Site

    /// Actors sharing events with `entry` (an actor or a country), with the
    /// number of shared events, strongest first, then by key; affiliations
    /// count as one. Counted by entry identity: a hub shares events with
    /// thousands of actors, and keys would be hashed at every count.
    func actors(around entry: Entry) -> [(entry: Entry, weight: Int)] {
        var weights: [ObjectIdentifier: (entry: Entry, weight: Int)] = [:]
        func count(_ actor: Entry) {
            weights[ObjectIdentifier(actor), default: (actor, 0)].weight += 1
        }
        var seen: [ObjectIdentifier] = []
        for event in site.relations.entries(.event, pointingAt: entry.key, by: .involves) {
            guard let details = event.event else { continue }
            seen.removeAll(keepingCapacity: true)
            for reference in details.actors {
                guard let actor = site[PageKey(.actor, reference.slug)], actor !== entry,
                    !seen.contains(ObjectIdentifier(actor))
                else { continue }
                seen.append(ObjectIdentifier(actor))
                count(actor)
            }
        }
        if let details = entry.actor {
            for affiliation in details.affiliations {
                if let actor = site[PageKey(.actor, affiliation.slug)] { count(actor) }
            }
        }
        for member in site.relations.entries(.actor, pointingAt: entry.key, by: .affiliatedWith) {
            count(member)
        }
        return weights.values.sorted { a, b in a.weight != b.weight ? a.weight > b.weight : a.entry.key < b.entry.key }
    }

    /// The `count` actors in most events, and how many events each pair of
    /// them shares.
    func overview(count: Int) -> (actors: [(key: PageKey, events: Int)], pairs: [(PageKey, PageKey, Int)]) {
        let ranked = site.entries(of: .actor).map { entry in
            (key: entry.key, events: site.relations.entries(.event, pointingAt: entry.key, by: .involves).count)
        }.filter { $0.events > 0 }.sorted { ($1.events, $0.key) < ($0.events, $1.key) }
        let top = Array(ranked.prefix(count))
        let chosen = Set(top.map(\.key))
        var pairs: [[PageKey]: Int] = [:]
        for event in site.entries(of: .event) {
            let actors = Set((event.event?.actors ?? []).map { PageKey(.actor, $0.slug) }).filter { chosen.contains($0) }.sorted()
            for (i, a) in actors.enumerated() {
                for b in actors[(i + 1)...] { pairs[[a, b], default: 0] += 1 }
            }
        }
        let sortedPairs = pairs.map { ($0.key[0], $0.key[1], $0.value) }
            .sorted { ($1.2, $0.0, $0.1) < ($0.2, $1.0, $1.1) }
        return (top, sortedPairs)
    }
}
