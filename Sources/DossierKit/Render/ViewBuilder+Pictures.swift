/// Timelines, relation pictures and world maps, drawn at build time, with
/// the same information as text beside them.
extension ViewBuilder {
    func timelineItems(_ events: [Entry], from path: String) -> [TimelineItem] {
        events.compactMap { entry in
            guard let event = entry.event else { return nil }
            return TimelineItem(
                date: event.date, endDate: event.endDate, title: entry.title,
                url: Addresses.relative(from: path, to: entry.pagePath), status: event.status.rawValue)
        }
    }

    /// Marks drawn at most on one timeline picture: beyond that a picture
    /// stops being readable (and costs more than the page's text), so the
    /// latest events are drawn and the text list below keeps all of them.
    static let timelineLimit = (home: 40, entry: 120, timeline: 400)

    func timelineSVG(_ events: [Entry], for title: String, path: String, idPrefix: String, limit: Int) -> String {
        let drawn = events.count > limit ? Array(events.suffix(limit)) : events
        let description =
            drawn.count < events.count
            ? labels.text("timeline_latest", ["shown": String(drawn.count), "count": String(events.count)])
            : labels.count(events.count, "timeline_all")
        return TimelineSVG.render(
            timelineItems(drawn, from: path), title: labels.text("timeline_of", ["title": title]), description: description,
            idPrefix: idPrefix, labels: labels)
    }

    /// The picture and list of actors connected to an actor or country; the
    /// list is the markup of `partials/connection-item` per actor (`false`
    /// when there is none), cached per actor and weight.
    /// Past `ListParts.entryListAbove` actors, the list holds the strongest
    /// `ListParts.recentCount` and `more` leads to all of them.
    func relations(around entry: Entry, path: String) -> (svg: String, list: Any, more: Any) {
        let connected = Connections(site: site).actors(around: entry)
        // Only the nodes the picture draws are made: a hub has thousands of
        // connections and the picture shows the first `shown` in its own
        // order (weight, then label, then id); the rest are counted.
        let shown = 24
        var others = connected.map { (entry: $0.entry, weight: $0.weight, id: "") }
        if others.count > shown {
            // Each id made once, not at every comparison.
            others = others.map { ($0.entry, $0.weight, $0.entry.key.description) }
                .sorted { ($1.weight, $0.entry.title, $0.id) < ($0.weight, $1.entry.title, $1.id) }
        }
        let nodes = others.prefix(shown).map { node($0.entry, weight: $0.weight, path: path) }
        let center = node(entry, weight: connected.count, path: path)
        let edges = nodes.map { RelationEdge(from: center.id, to: $0.id, weight: $0.weight) }
        let svg = RelationsSVG.render(
            center: center, nodes: nodes, edges: edges, title: labels.text("connections_of", ["title": entry.title]),
            description: labels.text("connections_description", ["title": entry.title]), idPrefix: "relations-svg", labels: labels,
            limit: shown, omitted: others.count - nodes.count)
        let listed = first(connected)
        let list = connectionItems(listed, path: path)
        let more = more(.connections, of: entry, shown: listed.count, total: connected.count, kind: .actor, path: path)
        return (svg, list, more)
    }

    /// The markup of `partials/connection-item` per actor, cached per actor
    /// and weight; `false` when there is none.
    func connectionItems(_ connected: [(entry: Entry, weight: Int)], path: String) -> Any {
        let items = partials.list(Item.connection, root: Addresses.root(from: path))
        var list = ""
        for item in connected {
            let other = item.entry
            list += partials.item(items, other, number: item.weight) { root in
                var view = link(to: other, root: root)
                view["weight"] = item.weight
                view["weightLabel"] = labels.count(item.weight, "connection_weight")
                return view
            }
        }
        return list.isEmpty ? false : list
    }

    func node(_ entry: Entry, weight: Int, path: String) -> RelationNode {
        RelationNode(
            id: entry.key.description, label: entry.title,
            url: Addresses.relative(from: path, to: entry.pagePath),
            kind: entry.actor?.actorKind.rawValue ?? entry.kind.rawValue, weight: weight)
    }

    /// The report's countries with their number of events, in the
    /// countries index's order.
    func mapCountries(from path: String) -> [MapCountry] {
        site.entries(of: .country).compactMap { entry in
            guard let country = entry.country else { return nil }
            return MapCountry(
                code: country.code, title: entry.title, url: Addresses.relative(from: path, to: entry.pagePath),
                events: site.relations.entries(.event, pointingAt: entry.key, by: .involves).count)
        }
    }

    /// The world map's values: `mapSVG`, its `mapLegend` (per shade: `shade`,
    /// `from`, `to` — `false` when open-ended —, `none` for the shade of no
    /// events) and `mapRows`, the text beside it (every country, most events
    /// first: `title`, `url`, `events`, `onMap`). Nothing without a map or
    /// countries.
    func worldMap(path: String, idPrefix: String, description: String, into view: inout View) {
        guard let map else { return }
        let countries = mapCountries(from: path)
        guard !countries.isEmpty else { return }
        let shading = MapShading(busiest: countries.map(\.events).max() ?? 0)
        view["mapSVG"] = MapSVG.render(
            map, countries: countries, shading: shading, title: labels.text("map_title"), description: description,
            idPrefix: idPrefix, labels: labels)
        view["mapLegend"] = shading.ranges.map { range -> View in
            var item: View = ["shade": "map-\(range.level)", "from": range.from, "more": range.to == nil, "none": range.level == 0]
            if let to = range.to, to != range.from { item["to"] = to } else { item["to"] = false }
            return item
        }
        view["mapRows"] = countries.sorted { ($1.events, $0.title) < ($0.events, $1.title) }.map { country -> View in
            ["title": country.title, "url": country.url, "events": country.events, "onMap": map[country.code] != nil]
        }
    }
}
