/// The view of each entry page kind.
extension ViewBuilder {
    func actorPage(_ entry: Entry, path: String) -> View {
        guard let actor = entry.actor else { return [:] }
        var view = entryBase(entry, path: path)
        let relations = site.relations
        view["kindLabel"] = Labels.actorKind(actor.actorKind)
        if let role = actor.role { view["role"] = role }
        view["aliases"] = actor.aliases
        view["countries"] = links(actor.countries, from: path)
        view["affiliations"] = links(actor.affiliations, from: path)
        view["members"] = links(relations.pages(.actor, pointingAt: entry.key, by: .affiliatedWith), from: path)
        let events = relations.pages(.event, pointingAt: entry.key, by: .involves)
        view["events"] = links(events, from: path)
        view["timelineSVG"] = timelineSVG(events, for: entry.title, path: path, idPrefix: "timeline-svg", limit: Self.timelineLimit.entry)
        let connected = self.relations(around: entry, path: path)
        view["relationsSVG"] = connected.svg
        view["connections"] = connected.list
        view["updates"] = updates(actor.updates)
        return view
    }

    func countryPage(_ entry: Entry, path: String) -> View {
        guard let country = entry.country else { return [:] }
        var view = entryBase(entry, path: path)
        let relations = site.relations
        view["code"] = country.code
        if let region = country.region { view["region"] = region }
        view["actors"] = links(relations.pages(.actor, pointingAt: entry.key, by: .belongsTo), from: path)
        let events = relations.pages(.event, pointingAt: entry.key, by: .involves)
        view["events"] = links(events, from: path)
        view["timelineSVG"] = timelineSVG(events, for: entry.title, path: path, idPrefix: "timeline-svg", limit: Self.timelineLimit.entry)
        let connected = self.relations(around: entry, path: path)
        view["relationsSVG"] = connected.svg
        view["connections"] = connected.list
        return view
    }

    func eventPage(_ entry: Entry, path: String) -> View {
        guard let event = entry.event else { return [:] }
        var view = entryBase(entry, path: path)
        view["date"] = Labels.span(event.date, event.endDate)
        view["datetime"] = event.date.description
        view["status"] = event.status.rawValue
        view["statusLabel"] = Labels.status(event.status)
        view["actors"] = links(event.actors, from: path)
        view["countries"] = links(event.countries, from: path)
        view["sources"] = citations(event.sources, from: path)
        view["updates"] = updates(event.updates)
        return view
    }

    func sourcePage(_ entry: Entry, path: String) -> View {
        guard let source = entry.source else { return [:] }
        var view = entryBase(entry, path: path)
        view["publisher"] = source.publisher
        view["kindLabel"] = Labels.sourceKind(source.sourceKind)
        if let date = source.date { view["date"] = date.display }
        if let url = source.url { view["url"] = url }
        if let archive = source.archiveURL { view["archiveURL"] = archive }
        if let accessed = source.accessed { view["accessed"] = accessed.display }
        if let language = source.language { view["sourceLanguage"] = language }
        if !source.authors.isEmpty { view["authors"] = source.authors.joined(separator: ", ") }
        view["events"] = links(site.relations.pages(.event, pointingAt: entry.key, by: .involves), from: path)
        return view
    }

    func pagePage(_ entry: Entry, path: String) -> View {
        entryBase(entry, path: path)
    }

    /// An event's sources as numbered citations.
    func citations(_ references: [Reference], from path: String) -> [View] {
        var seen = Set<PageKey>()
        let keys = references.map { PageKey($0.kind, $0.slug) }.filter { seen.insert($0).inserted }
        return keys.compactMap { site[$0] }.enumerated().map { index, entry in
            var view = link(to: entry, from: path)
            view["number"] = index + 1
            return view
        }
    }
}
