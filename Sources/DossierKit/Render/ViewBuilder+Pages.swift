/// The view of each entry page kind.
extension ViewBuilder {
    func actorPage(_ entry: Entry, path: String) -> View {
        guard let actor = entry.actor else { return [:] }
        var view = entryBase(entry, path: path)
        let relations = site.relations
        view["kindLabel"] = labels.actorKind(actor.actorKind)
        if let role = actor.role { view["role"] = role }
        view["aliases"] = actor.aliases
        view["countriesHTML"] = items(actor.countries, partial: Item.link, from: path)
        view["affiliationsHTML"] = items(actor.affiliations, partial: Item.link, from: path)
        let members = relations.entries(.actor, pointingAt: entry.key, by: .affiliatedWith)
        view["membersHTML"] = items(first(members), partial: Item.link, from: path)
        view["membersMore"] = more(.members, of: entry, shown: first(members).count, total: members.count, kind: .actor, path: path)
        let events = relations.entries(.event, pointingAt: entry.key, by: .involves)
        eventList(events, of: entry, into: &view, path: path)
        // Absent, not empty, without events: swift-mustache shows a section over an empty text.
        if !events.isEmpty {
            view["timelineSVG"] = timelineSVG(
                events, for: entry.title, path: path, idPrefix: "timeline-svg", limit: Self.timelineLimit.entry)
        }
        let connected = self.relations(around: entry, path: path)
        view["relationsSVG"] = connected.svg
        view["connectionsHTML"] = connected.list
        view["connectionsMore"] = connected.more
        view["updates"] = updates(actor.updates)
        return view
    }

    func countryPage(_ entry: Entry, path: String) -> View {
        guard let country = entry.country else { return [:] }
        var view = entryBase(entry, path: path)
        let relations = site.relations
        view["code"] = country.code
        if let locator = map.flatMap({ MapSVG.locator($0, code: country.code) }) { view["locatorSVG"] = locator }
        if let region = country.region { view["region"] = region }
        let actors = relations.entries(.actor, pointingAt: entry.key, by: .belongsTo)
        view["actorsHTML"] = items(first(actors), partial: Item.link, from: path)
        view["actorsMore"] = more(.actors, of: entry, shown: first(actors).count, total: actors.count, kind: .actor, path: path)
        let events = relations.entries(.event, pointingAt: entry.key, by: .involves)
        eventList(events, of: entry, into: &view, path: path)
        // Absent, not empty, without events: swift-mustache shows a section over an empty text.
        if !events.isEmpty {
            view["timelineSVG"] = timelineSVG(
                events, for: entry.title, path: path, idPrefix: "timeline-svg", limit: Self.timelineLimit.entry)
        }
        let connected = self.relations(around: entry, path: path)
        view["relationsSVG"] = connected.svg
        view["connectionsHTML"] = connected.list
        view["connectionsMore"] = connected.more
        return view
    }

    func eventPage(_ entry: Entry, path: String) -> View {
        guard let event = entry.event else { return [:] }
        var view = entryBase(entry, path: path)
        view["date"] = labels.span(event.date, event.endDate)
        view["datetime"] = event.date.description
        view["status"] = event.status.rawValue
        view["statusLabel"] = labels.status(event.status)
        view["actorsHTML"] = items(event.actors, partial: Item.link, from: path)
        view["countriesHTML"] = items(event.countries, partial: Item.link, from: path)
        view["updates"] = updates(event.updates)
        return view
    }

    func sourcePage(_ entry: Entry, path: String) -> View {
        guard let source = entry.source else { return [:] }
        var view = entryBase(entry, path: path)
        view["publisher"] = source.publisher
        view["kindLabel"] = labels.sourceKind(source.sourceKind)
        if let date = source.date { view["date"] = labels.date(date) }
        // A gone original (`url_status`) comes after the archived copy, as
        // `originalDead` or `originalUnfit`, and `url` is left out.
        if let url = source.url {
            switch source.urlStatus {
            case .live: view["url"] = url
            case .dead: view["originalDead"] = url
            case .unfit: view["originalUnfit"] = url
            }
        }
        if let archive = source.archiveURL { view["archiveURL"] = archive }
        if let archiveDate = source.archiveDate { view["archiveDate"] = labels.date(archiveDate) }
        if let accessed = source.accessed { view["accessed"] = labels.date(accessed) }
        if let language = source.language { view["sourceLanguage"] = language }
        if !source.authors.isEmpty { view["authors"] = source.authors.joined(separator: ", ") }
        view["eventsHTML"] = items(site.relations.entries(.event, pointingAt: entry.key, by: .involves), partial: Item.event, from: path)
        view["citedByHTML"] = items(site.relations.entries(pointingAt: entry.key, by: .cites), partial: Item.link, from: path)
        return view
    }

    /// An actor's or a country's events: all of them, or past
    /// `ListParts.entryListAbove` the most recent, newest first, and the
    /// way to the complete list.
    private func eventList(_ events: [Entry], of entry: Entry, into view: inout View, path: String) {
        guard events.count > ListParts.entryListAbove else {
            view["eventsHTML"] = items(events, partial: Item.event, from: path)
            return
        }
        let recent = Array(events.suffix(ListParts.recentCount).reversed())
        view["eventsHTML"] = items(recent, partial: Item.event, from: path)
        view["recentCount"] = recent.count
        view["eventCountLabel"] = labels.count(events.count, .event)
        view["allEventsURL"] = Addresses.relative(from: path, to: Addresses.listPart(folder: ListParts.entryFolder(entry.key), page: 1))
    }

    /// What a list on an entry's page shows of `items`: all of them, or past
    /// `ListParts.entryListAbove` the first `ListParts.recentCount`.
    func first<Item>(_ items: [Item]) -> [Item] {
        items.count > ListParts.entryListAbove ? Array(items.prefix(ListParts.recentCount)) : items
    }

    /// When a list on `entry`'s page shows `shown` of its `total` items: how
    /// many, and the way to the complete list; `false` when it shows all.
    func more(_ list: ListParts.EntryList, of entry: Entry, shown: Int, total: Int, kind: Kind, path: String) -> Any {
        guard shown < total else { return false }
        let first = Addresses.listPart(folder: ListParts.entryFolder(entry.key, list), page: 1)
        return ["shown": shown, "countLabel": labels.count(total, kind), "url": Addresses.relative(from: path, to: first)] as View
    }

    func pagePage(_ entry: Entry, path: String) -> View {
        entryBase(entry, path: path)
    }
}
