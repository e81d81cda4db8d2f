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
                "label": labels.kindPlural(kind), "count": site.entries(of: kind).count,
                "url": Addresses.relative(from: path, to: Addresses.index(kind)),
            ]
        }
        view["pages"] = site.entries(of: .page).filter { $0.key != Addresses.homePage }.map { link(to: $0, from: path) }
        if let intro = site[Addresses.homePage] {
            view["introHTML"] = renderBody(intro, path)
            view["introLanguage"] = textLanguage(intro) ?? false
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
            description: labels.text("map_description"),
            into: &view)
        view["countriesURL"] = Addresses.relative(from: path, to: Addresses.index(.country))
        return view
    }

    /// `kind`'s index, or one page of it when it is paged (`parts`, see
    /// `ListParts.ofIndex`): the page's entries in their groups, the way to
    /// every page and, on the first, where each group begins.
    func index(_ kind: Kind, parts: [ListParts.Part] = [], at page: Int = 0, path: String) -> View {
        let all = site.entries(of: kind)
        var shown = all
        var title = labels.kindPlural(kind)
        if parts.indices.contains(page), parts[page].page > 1 {
            title = labels.listPart(labels.kindPlural(kind), year: nil, page: parts[page].page, pages: parts[page].pages)
        }
        var view = layout(path: path, title: title, description: nil, current: kind)
        view["title"] = title
        view["count"] = all.count
        view["countLabel"] = labels.count(all.count, kind)
        view["groupStarts"] = [View]()
        if parts.indices.contains(page) {
            shown = parts[page].entries
            addNavigation(parts, at: page, path: path, to: &view)
            if parts[page].page == 1 { view["groupStarts"] = groupStarts(kind, parts, path: path) }
        }
        // A page of a paged index is a run of the index's order: its groups
        // are the runs of its entries' groups, found without the whole index.
        var grouped: [(id: String, entries: [Entry])] = []
        if parts.isEmpty {
            grouped = ListParts.indexGroups(kind, in: site)
        } else {
            for entry in shown {
                let id = ListParts.groupID(of: entry)
                if grouped.last?.id != id { grouped.append((id, [])) }
                grouped[grouped.count - 1].entries.append(entry)
            }
        }
        switch kind {
        case .actor:
            view["groups"] = grouped.map { group -> View in
                [
                    "label": ActorKind(rawValue: group.id).map(labels.actorKindPlural) ?? group.id, "id": group.id,
                    "items": group.entries.map { link(to: $0, from: path) },
                ]
            }
        case .country:
            view["items"] = shown.map { entry -> View in
                var item = link(to: entry, from: path)
                item["eventCount"] = site.relations.entries(.event, pointingAt: entry.key, by: .involves).count
                item["actorCount"] = site.relations.entries(.actor, pointingAt: entry.key, by: .belongsTo).count
                // Without a map, no country is marked as missing from it.
                item["onMap"] = map.map { map in entry.country.map { map[$0.code] != nil } ?? false } ?? true
                return item
            }
            worldMap(
                path: path, idPrefix: "countries-map",
                description: labels.text("map_description"),
                into: &view)
        case .event:
            view["years"] = groups(shown, by: { String($0.event?.date.year ?? 0) }, path: path)
        case .source:
            view["groups"] = grouped.map { group -> View in
                [
                    "label": group.entries.first?.source?.publisher ?? "", "id": group.id,
                    "items": group.entries.map { link(to: $0, from: path) },
                ]
            }
        case .page:
            view["items"] = shown.map { link(to: $0, from: path) }
        case .media:
            view["items"] = shown.enumerated().map { index, entry -> View in
                var item = link(to: entry, from: path)
                item["figure"] = Self.figure(entry, alt: "", path: path, lazy: index > 0, site: site, labels: labels) ?? false
                return item
            }
        }
        return view
    }

    /// Each group of a paged index with its count and a link to where it
    /// begins (none for an index without groups).
    private func groupStarts(_ kind: Kind, _ parts: [ListParts.Part], path: String) -> [View] {
        let groups = ListParts.indexGroups(kind, in: site).filter { !$0.id.isEmpty }
        var partOf: [PageKey: String] = [:]
        for part in parts { for entry in part.entries { partOf[entry.key] = part.path } }
        return groups.map { group -> View in
            let first = group.entries[0]
            let label =
                kind == .actor ? ActorKind(rawValue: group.id).map(labels.actorKindPlural) ?? group.id : first.source?.publisher ?? ""
            let target = partOf[first.key] ?? Addresses.index(kind)
            return [
                "label": label, "count": group.entries.count, "countLabel": labels.count(group.entries.count, kind),
                "url": Addresses.relative(from: path, to: target) + "#" + group.id,
            ]
        }
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
