/// The views of the home page and of each kind's index.
extension ViewBuilder {
    /// Number of latest events on the home page.
    static let latestCount = 8

    func home(path: String) -> View {
        var view = layout(path: path, title: site.settings.title, description: nil, current: nil)
        let events = site.entries(of: .event)
        view["latestHTML"] = items(events.suffix(Self.latestCount).reversed().map(\.key), partial: Item.event, from: path)
        view["counts"] = Kind.allCases.filter { $0 != .page && $0 != .media }.map { kind -> View in
            [
                "label": kind.pluralTitle, "count": site.entries(of: kind).count,
                "url": Addresses.relative(from: path, to: Addresses.index(kind)),
            ]
        }
        view["pages"] = site.entries(of: .page).filter { $0.key != Addresses.homePage }.map { link(to: $0, from: path) }
        if let intro = site[Addresses.homePage] {
            view["introHTML"] = renderBody(intro, path)
            // The introduction's citations lead to its numbered sources, here.
            view["sourceList"] = sourceList(intro, path: path)
            view["linkedFromHTML"] = items(site.relations.linkedFromEntries(intro.key), partial: Item.linkedFrom, from: path)
        }
        view["timelineSVG"] = timelineSVG(
            events, for: site.settings.title, path: path, idPrefix: "home-timeline", limit: Self.timelineLimit.home)
        view["timelineURL"] = Addresses.relative(from: path, to: Self.timelinePath)
        view["relationsURL"] = Addresses.relative(from: path, to: Self.relationsPath)
        view["searchPageURL"] = Addresses.relative(from: path, to: Self.searchPath)
        worldMap(
            path: path, idPrefix: "home-map",
            description: "The countries of the report shaded by their number of events; the same numbers are in the table below.",
            into: &view)
        view["countriesURL"] = Addresses.relative(from: path, to: Addresses.index(.country))
        return view
    }

    func index(_ kind: Kind, path: String) -> View {
        var view = layout(path: path, title: kind.pluralTitle, description: nil, current: kind)
        view["title"] = kind.pluralTitle
        let entries = site.entries(of: kind)
        view["count"] = entries.count
        view["countLabel"] = Labels.count(entries.count, kind)
        switch kind {
        case .actor:
            view["groups"] = ActorKind.allCases.compactMap { actorKind -> View? in
                let members = entries.filter { $0.actor?.actorKind == actorKind }
                guard !members.isEmpty else { return nil }
                return [
                    "label": Labels.actorKindPlural(actorKind), "id": actorKind.rawValue,
                    "items": members.map { link(to: $0, from: path) },
                ]
            }
        case .country:
            view["items"] = entries.map { entry -> View in
                var item = link(to: entry, from: path)
                item["eventCount"] = site.relations.entries(.event, pointingAt: entry.key, by: .involves).count
                item["actorCount"] = site.relations.entries(.actor, pointingAt: entry.key, by: .belongsTo).count
                // Without a map, no country is marked as missing from it.
                item["onMap"] = map.map { map in entry.country.map { map[$0.code] != nil } ?? false } ?? true
                return item
            }
            worldMap(
                path: path, idPrefix: "countries-map",
                description: "The countries of the report shaded by their number of events; the same numbers are in the table below.",
                into: &view)
        case .event:
            view["years"] = groups(entries, by: { String($0.event?.date.year ?? 0) }, path: path)
        case .source:
            let byPublisher = Dictionary(grouping: entries) { $0.source?.publisher ?? "" }
            view["groups"] = byPublisher.keys.sorted { $0.lowercased() < $1.lowercased() }.map { publisher -> View in
                [
                    "label": publisher, "id": "publisher-" + Slug.make(from: publisher),
                    "items": (byPublisher[publisher] ?? []).map { link(to: $0, from: path) },
                ]
            }
        case .page:
            view["items"] = entries.map { link(to: $0, from: path) }
        case .media:
            view["items"] = entries.enumerated().map { index, entry -> View in
                var item = link(to: entry, from: path)
                item["figure"] = Self.figure(entry, alt: "", path: path, lazy: index > 0) ?? false
                return item
            }
        }
        return view
    }

    /// Consecutive runs of events sharing a label, in the events' order,
    /// each with its list's markup.
    private func groups(_ entries: [Entry], by label: (Entry) -> String, path: String) -> [View] {
        var runs: [(label: String, keys: [PageKey])] = []
        for entry in entries {
            let name = label(entry)
            if runs.last?.label != name { runs.append((name, [])) }
            runs[runs.count - 1].keys.append(entry.key)
        }
        return runs.map { run in
            ["label": run.label, "id": "y" + run.label, "itemsHTML": items(run.keys, partial: Item.event, from: path)]
        }
    }
}
