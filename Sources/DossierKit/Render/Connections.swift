/// Who is connected to whom through shared events and affiliations: the
/// data behind the relations pictures and their text lists.
struct Connections {
    let site: Site

    /// Actors sharing events with `key` (an actor or a country), with the
    /// number of shared events, strongest first; affiliations count as one.
    func actors(around key: PageKey) -> [(key: PageKey, weight: Int)] {
        var weights: [PageKey: Int] = [:]
        for entry in site.relations.entries(.event, pointingAt: key, by: .involves) {
            guard let event = entry.event else { continue }
            for actor in event.actors.map({ PageKey(.actor, $0.slug) }).uniqued() where actor != key && site[actor] != nil {
                weights[actor, default: 0] += 1
            }
        }
        if let actor = site[key]?.actor {
            for affiliation in actor.affiliations where site[PageKey(.actor, affiliation.slug)] != nil {
                weights[PageKey(.actor, affiliation.slug), default: 0] += 1
            }
        }
        for member in site.relations.pages(.actor, pointingAt: key, by: .affiliatedWith) {
            weights[member, default: 0] += 1
        }
        return weights.map { ($0.key, $0.value) }.sorted { ($1.weight, $0.key) < ($0.weight, $1.key) }
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
