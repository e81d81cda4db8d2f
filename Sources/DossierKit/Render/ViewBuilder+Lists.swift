/// The views of split lists (`ListParts`): the events index and the timeline
/// of a large report, their parts, and an entry's complete list of events.
extension ViewBuilder {
    /// The theme's templates of split lists, and the navigation every part shows.
    enum ListTemplate {
        static let eventsIndex = "events-years"
        static let eventsPart = "events-part"
        static let timelineIndex = "timeline-years"
        static let timelinePart = "timeline-part"
        static let entryList = "entry-list"
        static let navigation = "partials/list-nav"
        static let all = [eventsIndex, eventsPart, timelineIndex, timelinePart, entryList, navigation]
    }

    /// The events index of a split report: the years with their counts and
    /// the most recent events, newest first.
    func eventsYears(_ parts: [ListParts.Part], path: String) -> View {
        var view = layout(path: path, title: labels.kindPlural(.event), description: nil, current: .event)
        let events = site.entries(of: .event)
        view["title"] = labels.kindPlural(.event)
        view["count"] = events.count
        view["countLabel"] = labels.count(events.count, .event)
        view["years"] = yearLinks(parts, current: nil, from: path)
        let recent = Array(events.suffix(ListParts.recentCount).reversed())
        view["recentCount"] = recent.count
        view["recentHTML"] = items(recent, partial: Item.event, from: path)
        return view
    }

    /// The timeline of a split report: the picture and the years.
    func timelineYears(_ parts: [ListParts.Part], path: String) -> View {
        var view = layout(path: path, title: labels.text("timeline"), description: nil, current: nil)
        let events = site.entries(of: .event)
        view["title"] = labels.text("timeline")
        view["count"] = events.count
        view["countLabel"] = labels.count(events.count, .event)
        view["timelineSVG"] = timelineSVG(
            events, for: site.settings.title, path: path, idPrefix: "timeline-svg", limit: Self.timelineLimit.timeline)
        view["years"] = yearLinks(parts, current: nil, from: path)
        return view
    }

    /// One part of the split events index.
    func eventsPart(_ parts: [ListParts.Part], at index: Int, path: String) -> View {
        var view = part(parts, at: index, list: labels.kindPlural(.event), indexPath: Addresses.index(.event), current: .event, path: path)
        view["itemsHTML"] = items(parts[index].entries, partial: Item.event, from: path)
        return view
    }

    /// One part of the split timeline, its events by month.
    func timelinePart(_ parts: [ListParts.Part], at index: Int, path: String) -> View {
        var view = part(parts, at: index, list: labels.text("timeline"), indexPath: Self.timelinePath, current: nil, path: path)
        view["months"] = months(parts[index].entries, year: parts[index].year ?? 0, path: path)
        return view
    }

    /// One page of one of `entry`'s complete lists: its events (in date
    /// order), the pages linking to it, or its connections (strongest
    /// first; `weights`: the events each shares with `entry`).
    func entryList(
        _ entry: Entry, _ list: ListParts.EntryList, _ parts: [ListParts.Part], at index: Int, path: String,
        weights: [PageKey: Int]
    ) -> View {
        var view = part(
            parts, at: index, list: labels.entryList(entry.title, list), indexPath: entry.pagePath, current: entry.kind, path: path)
        view["entryTitle"] = entry.title
        view["entryURL"] = Addresses.relative(from: path, to: entry.pagePath)
        let shown = parts[index].entries
        let total = parts.reduce(0) { $0 + $1.entries.count }
        switch list {
        case .events:
            view["events"] = true
            view["itemsHTML"] = items(shown, partial: Item.event, from: path)
        case .linkedFrom:
            view["linkedFrom"] = true
            view["countLabel"] = labels.count(shown.count, .page)
            view["totalCountLabel"] = labels.count(total, .page)
            view["itemsHTML"] = items(shown, partial: Item.linkedFrom, from: path)
        case .actors, .members:
            view[list == .actors ? "actors" : "members"] = true
            view["countLabel"] = labels.count(shown.count, .actor)
            view["totalCountLabel"] = labels.count(total, .actor)
            view["itemsHTML"] = items(shown, partial: Item.link, from: path)
        case .connections:
            view["connections"] = true
            view["countLabel"] = labels.count(shown.count, .actor)
            view["totalCountLabel"] = labels.count(total, .actor)
            view["itemsHTML"] = connectionItems(shown.map { ($0, weights[$0.key] ?? 0) }, path: path)
        }
        return view
    }

    /// What every part shows: its title, counts, the way back to the whole
    /// list, the years (if by year), the pages of its year and its neighbours.
    private func part(
        _ parts: [ListParts.Part], at index: Int, list: String, indexPath: String, current: Kind?, path: String
    ) -> View {
        let part = parts[index]
        let title = labels.listPart(list, year: part.year, page: part.page, pages: part.pages)
        var view = layout(path: path, title: title, description: nil, current: current)
        view["title"] = title
        view["count"] = part.entries.count
        view["countLabel"] = labels.count(part.entries.count, .event)
        let total = parts.reduce(0) { $0 + $1.entries.count }
        view["totalCountLabel"] = labels.count(total, .event)
        view["indexURL"] = Addresses.relative(from: path, to: indexPath)
        addNavigation(parts, at: index, path: path, to: &view)
        return view
    }

    /// The way through a split list from one of its parts: the years (if by
    /// year), the pages of its year, its neighbours.
    func addNavigation(_ parts: [ListParts.Part], at index: Int, path: String, to view: inout View) {
        let part = parts[index]
        view["years"] = part.year == nil ? [] : yearLinks(parts, current: part.year, from: path)
        let siblings = parts.filter { $0.year == part.year }
        view["pages"] =
            siblings.count < 2
            ? []
            : siblings.map { page -> View in
                ["label": page.page, "url": Addresses.relative(from: path, to: page.path), "current": page.page == part.page]
            }
        func neighbour(_ other: Int) -> Any {
            guard parts.indices.contains(other) else { return false }
            let next = parts[other]
            return [
                "label": labels.listPart(nil, year: next.year, page: next.page, pages: next.pages),
                "url": Addresses.relative(from: path, to: next.path),
            ] as View
        }
        view["previous"] = neighbour(index - 1)
        view["next"] = neighbour(index + 1)
        // A one-page list (an entry's) has nothing to navigate: no empty `<nav>`.
        view["navigation"] = parts.count > 1
    }

    /// A link to each year's first part, with the year's count.
    private func yearLinks(_ parts: [ListParts.Part], current: Int?, from path: String) -> [View] {
        var years: [View] = []
        var counts: [Int: Int] = [:]
        for part in parts { counts[part.year ?? 0, default: 0] += part.entries.count }
        for part in parts where part.page == 1 {
            let count = counts[part.year ?? 0] ?? 0
            years.append([
                "label": String(part.year ?? 0), "url": Addresses.relative(from: path, to: part.path), "count": count,
                "countLabel": labels.count(count, .event), "current": part.year == current,
            ])
        }
        return years
    }

    /// The events of one year (in date order) by month, those without a
    /// month first: the timeline's sections.
    func months(_ inYear: [Entry], year: Int, path: String) -> [View] {
        var months: [View] = []
        for month in [nil] + (1...12).map(Optional.some) as [Int?] {
            let inMonth = inYear.filter { $0.event?.date.month == month }
            guard !inMonth.isEmpty else { continue }
            let label =
                month.map { labels.date(PartialDate(year: year, month: $0)) } ?? labels.text("month_not_given", ["year": String(year)])
            let id = month.map { "m\(PartialDate.padded(year, 4))-\(PartialDate.padded($0, 2))" } ?? "m\(year)"
            months.append(["label": label, "id": id, "itemsHTML": items(inMonth.map(\.key), partial: Item.event, from: path)])
        }
        return months
    }
}
