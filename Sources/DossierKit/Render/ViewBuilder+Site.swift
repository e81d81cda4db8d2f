/// Views of the site-wide pages: timeline, relations, search and 404.
extension ViewBuilder {
    static let timelinePath = "timeline/index.html"
    static let relationsPath = "relations/index.html"
    static let searchPath = "search/index.html"
    static let notFoundPath = "404.html"

    func timeline(path: String) -> View {
        var view = layout(path: path, title: labels.text("timeline"), description: nil, current: nil)
        view["title"] = labels.text("timeline")
        let events = site.entries(of: .event)
        view["count"] = events.count
        view["countLabel"] = labels.count(events.count, .event)
        view["timelineSVG"] = timelineSVG(
            events, for: site.settings.title, path: path, idPrefix: "timeline-svg", limit: Self.timelineLimit.timeline)
        var years: [View] = []
        for year in Set(events.compactMap { $0.event?.date.year }).sorted() {
            let inYear = events.filter { $0.event?.date.year == year }
            years.append(["label": String(year), "id": "y\(year)", "months": months(inYear, year: year, path: path)])
        }
        view["years"] = years
        return view
    }

    func relationsOverview(path: String) -> View {
        var view = layout(path: path, title: labels.text("relations"), description: nil, current: nil)
        view["title"] = labels.text("relations")
        let overview = Connections(site: site).overview(count: 24)
        let nodes = overview.actors.compactMap { item in site[item.key].map { node($0, weight: item.events, path: path) } }
        let edges = overview.pairs.map { RelationEdge(from: $0.0.description, to: $0.1.description, weight: $0.2) }
        view["relationsSVG"] = RelationsSVG.render(
            center: nil, nodes: nodes, edges: edges, title: labels.text("relations_title"),
            description: labels.text("relations_description", ["count": String(nodes.count)]), idPrefix: "overview-svg",
            labels: labels)
        view["pairs"] = overview.pairs.compactMap { pair -> View? in
            guard let a = site[pair.0], let b = site[pair.1] else { return nil }
            return ["first": link(to: a, from: path), "second": link(to: b, from: path), "count": pair.2]
        }
        view["actors"] = overview.actors.compactMap { item -> View? in
            guard let entry = site[item.key] else { return nil }
            var linkView = link(to: entry, from: path)
            linkView["events"] = item.events
            return linkView
        }
        return view
    }

    func search(path: String) -> View {
        var view = layout(path: path, title: labels.text("search"), description: nil, current: nil)
        view["title"] = labels.text("search")
        view["indexScriptURL"] = "search-index.js"
        view["resultForms"] = labels.forms("search_results").map { ["category": $0.category, "text": $0.text] as View }
        view["searchScriptURL"] = Addresses.root(from: path) + shared + "assets/search.js"
        view["kinds"] = Kind.allCases.map { ["value": $0.rawValue, "label": labels.kindPlural($0)] as View }
        view["indexes"] = Kind.allCases.map { kind -> View in
            [
                "label": labels.kindPlural(kind), "url": Addresses.relative(from: path, to: Addresses.index(kind)),
                "count": site.entries(of: kind).count,
            ]
        }
        return view
    }

    /// The page at a former address of `entry` (`moved_from`): the theme
    /// sends readers on with a refresh, a canonical link and a visible link.
    /// Only the site's values and the target: it has no header or footer.
    func movedPage(to entry: Entry, path: String) -> View {
        var view = siteValues(root: Addresses.root(from: path))
        let url = Addresses.relative(from: path, to: entry.pagePath)
        view["title"] = entry.title
        view["url"] = url
        view["canonicalURL"] = site.settings.baseURL.map { Addresses.absolute(entry.pagePath, base: $0) } ?? url
        return view
    }

    /// The 404 page is served at any address, so its links are absolute
    /// when the site has a `base_url` and root-relative otherwise.
    func notFound() -> View {
        let root = site.settings.baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? "/" + site.folder
        var view = layout(path: Self.notFoundPath, title: labels.text("page_not_found"), description: nil, current: nil, root: root)
        view["canonicalURL"] = false
        view["title"] = labels.text("page_not_found")
        return view
    }
}
