/// Site → views: every order, label, date and relative URL a template shows
/// is decided here, so templates only place values.
struct ViewBuilder: Sendable {
    let site: Site
    let renderBody: @Sendable (Entry, String) -> String

    // MARK: Shared parts

    /// The sections in the header, in order.
    static let navigation: [(label: String, path: String)] = [
        ("Timeline", timelinePath), ("Actors", Addresses.index(.actor)), ("Countries", Addresses.index(.country)),
        ("Events", Addresses.index(.event)), ("Sources", Addresses.index(.source)), ("Relations", relationsPath),
    ]

    /// The layout's values for a page at `path`.
    func layout(path: String, title: String, description: String?, current: Kind?) -> View {
        let root = Addresses.root(from: path)
        let settings = site.settings
        var view: View = [
            "siteTitle": settings.title,
            "siteDescription": settings.description,
            "language": settings.language,
            "pageTitle": title,
            "metaDescription": description ?? settings.description,
            "root": root,
            "homeURL": root + Addresses.home,
            "stylesheetURL": root + "assets/style.css",
            "isHome": path == Addresses.home,
            "chartsStylesheetURL": root + "assets/charts.css",
            "iconURL": root + "assets/icon.svg",
            "searchURL": root + Self.searchPath,
            "dataURL": root + "data/report.json",
            "nav": Self.navigation.map { item -> View in
                let folder = String(item.path.prefix { $0 != "/" }) + "/"
                return ["label": item.label, "url": root + item.path, "current": path.hasPrefix(folder)]
            },
            "footerPages": site.entries(of: .page).filter { $0.key != Addresses.homePage }.map { link(to: $0, from: path) },
        ]
        if let author = settings.author { view["author"] = author }
        if let base = settings.baseURL {
            view["canonicalURL"] = Addresses.absolute(path, base: base)
            view["feedURL"] = root + "feed.xml"
        }
        return view
    }

    /// A link to an entry. Every key a list item may show is present, as
    /// `false` when the entry has no value: Mustache would otherwise look the
    /// key up on the enclosing page and show the page's own value.
    func link(to entry: Entry, from path: String) -> View {
        var view: View = [
            "title": entry.title,
            "url": Addresses.relative(from: path, to: Addresses.page(entry.key)),
            "kindLabel": Labels.kind(entry.kind),
            "summary": entry.summary ?? false,
            "date": false, "datetime": false, "status": false, "statusLabel": false, "detail": false,
            "publisher": false, "externalURL": false, "archiveURL": false,
        ]
        if let event = entry.event {
            view["date"] = Labels.span(event.date, event.endDate)
            view["datetime"] = event.date.description
            view["status"] = event.status.rawValue
            view["statusLabel"] = Labels.status(event.status)
        }
        if let actor = entry.actor { view["detail"] = actor.role ?? Labels.actorKind(actor.actorKind) }
        if let country = entry.country { view["detail"] = country.code }
        if let source = entry.source {
            view["detail"] = source.publisher
            view["publisher"] = source.publisher
            view["date"] = source.date?.display ?? false
            view["externalURL"] = source.url ?? false
            view["archiveURL"] = source.archiveURL ?? false
        }
        return view
    }

    func links(_ keys: [PageKey], from path: String) -> [View] {
        keys.compactMap { site[$0] }.map { link(to: $0, from: path) }
    }

    func links(_ references: [Reference], from path: String) -> [View] {
        var seen = Set<PageKey>()
        let keys = references.map { PageKey($0.kind, $0.slug) }.filter { seen.insert($0).inserted }
        return links(keys, from: path)
    }

    func updates(_ updates: [Update]) -> [View] {
        updates.map { ["date": $0.date.display, "datetime": $0.date.description, "note": $0.note] }
    }

    /// What every entry page shows: title, summary, body and who links here.
    func entryBase(_ entry: Entry, path: String) -> View {
        var view = layout(path: path, title: entry.title, description: entry.summary, current: entry.kind)
        view["title"] = entry.title
        view["kindLabel"] = Labels.kind(entry.kind)
        view["bodyHTML"] = renderBody(entry, path)
        view["linkedFrom"] = links(site.relations.linkedFrom(entry.key), from: path)
        if let summary = entry.summary { view["summary"] = summary }
        return view
    }
}
