/// Site → views: every order, label, date and relative URL a template shows
/// is decided here, so templates only place values.
///
/// A class: every page's view is built through one shared builder, on every
/// core (a struct holding the `Site` was copied, and its references
/// retained, at each step). `@unchecked Sendable`: every property is a
/// constant, and the cached views are values never changed after `init`.
final class ViewBuilder: @unchecked Sendable {
    let site: Site
    let renderBody: @Sendable (Entry, String) -> String
    let partials: PartialCache
    /// The theme's world map; nil draws no maps.
    let map: WorldMap?
    /// The words of the site's language.
    let labels: Labels
    /// `siteValues(root:)` of `Addresses.commonRoots`, made once.
    private let commonSiteValues: [View]
    /// The way from this edition's root up to the site's, where the files
    /// every edition shares are (assets, media files, data): `../` in
    /// another language's folder, else nothing.
    let shared: String

    init(
        site: Site, renderBody: @escaping @Sendable (Entry, String) -> String, partials: PartialCache, labels: Labels,
        map: WorldMap? = nil
    ) {
        self.site = site
        self.labels = labels
        self.renderBody = renderBody
        self.partials = partials
        self.map = map
        shared = site.upToSiteRoot
        commonSiteValues = Addresses.commonRoots.map { [site] in Self.siteValues(of: site, labels: labels, root: $0) }
    }

    /// The theme's item partials: each renders one entry of a list.
    enum Item {
        static let event = "partials/event-item"
        static let link = "partials/link-item"
        static let linkedFrom = "partials/linked-item"
        static let citation = "partials/citation-item"
        static let connection = "partials/connection-item"
        static let all = [event, link, linkedFrom, citation, connection]
    }

    /// The partials of the site header and footer, which every page shows,
    /// and of the links in every page's `<head>` (icon, style sheets, feed).
    static let head = "partials/site-head"
    static let header = "partials/site-header"
    static let footer = "partials/site-footer"
    /// A citation's marker in a body, and a page's numbered list of sources.
    static let citationMarker = "partials/citation-marker"
    static let sourceList = "partials/source-list"

    // MARK: Shared parts

    /// The sections in the header, in order: each section's label and address.
    static let navigation: [(label: String, path: String)] = [
        ("timeline", timelinePath), ("kinds_actor", Addresses.index(.actor)), ("kinds_country", Addresses.index(.country)),
        ("kinds_event", Addresses.index(.event)), ("kinds_source", Addresses.index(.source)), ("relations", relationsPath),
    ]

    /// The layout's values for a page at `path`. `root` is the way back to
    /// the site's root: `../` per folder of `path` unless given.
    /// `languages`: those the page's text is published in (every one of
    /// the report's unless given); nil on a page with no language links.
    func layout(
        path: String, title: String, description: String?, current: Kind?, root: String? = nil,
        languages: [String]? = nil
    ) -> View {
        let absolute = root != nil
        let root = root ?? Addresses.root(from: path)
        let section = String(path.prefix { $0 != "/" }) + "/"
        var view = siteValues(root: root)
        if !absolute { languageLinks(path: path, root: root, textIn: languages ?? site.settings.allLanguages, into: &view) }
        view["pageTitle"] = title
        view["metaDescription"] = description ?? site.settings.description
        view["isHome"] = path == Addresses.home
        // The `<title>`: the site's title alone on the home page, else
        // "page · site". One value, not a section per page.
        view["documentTitle"] =
            path == Addresses.home ? site.settings.title : labels.text("document_title", ["page": title, "site": site.settings.title])
        if let base = site.settings.baseURL { view["canonicalURL"] = Addresses.absolute(path, base: base) }
        // The same for every page at one depth: rendered once per depth, not
        // four tags per page.
        view["headHTML"] = partials.render(Self.head, variant: "", root: root) { siteValues(root: root) }
        view["headerHTML"] = partials.render(Self.header, variant: section, root: root) {
            var header = siteValues(root: root)
            header["nav"] = Self.navigation.map { item -> View in
                let folder = String(item.path.prefix { $0 != "/" }) + "/"
                return ["label": labels.text(item.label), "url": root + item.path, "current": folder == section]
            }
            return header
        }
        view["footerHTML"] = partials.render(Self.footer, variant: "", root: root) {
            var footer = siteValues(root: root)
            footer["footerPages"] = site.entries(of: .page).filter { $0.key != Addresses.homePage }.map { entry -> View in
                ["title": entry.title, "url": root + entry.pagePath, "summary": entry.summary ?? false]
            }
            return footer
        }
        return view
    }

    /// What the layout, the header and the footer show on every page: the
    /// site's settings and its addresses from `root`. The header and footer
    /// are rendered once per `root` (and section), so they see only these.
    func siteValues(root: String) -> View {
        if let index = Addresses.commonRoots.firstIndex(of: root) { return commonSiteValues[index] }
        return Self.siteValues(of: site, labels: labels, root: root)
    }

    private static func siteValues(of site: Site, labels: Labels, root: String) -> View {
        let settings = site.settings
        // The files every edition shares are at the site's root: above an
        // edition's root, or, from an absolute root (the 404 page's), in
        // place of its folder.
        let absolute = root.hasPrefix("/") || root.contains("://")
        let sharedRoot = absolute ? String(root.dropLast(site.folder.count)) : root + site.upToSiteRoot
        var view: View = [
            "siteTitle": settings.title,
            "siteDescription": settings.description,
            "language": settings.language,
            "direction": labels.direction,
            "root": root,
            // An absolute root (the 404 page's) is the home page's address itself.
            "homeURL": absolute ? root : root + Addresses.home,
            "stylesheetURL": sharedRoot + "assets/style.css",
            "chartsStylesheetURL": sharedRoot + "assets/charts.css",
            "iconURL": sharedRoot + "assets/icon.svg",
            "searchURL": root + searchPath,
            "dataURL": sharedRoot + "data/report.json",
        ]
        if let author = settings.author { view["author"] = author }
        if let license = settings.license { view["license"] = license }
        if let licenseURL = settings.licenseURL { view["licenseURL"] = licenseURL }
        if settings.baseURL != nil { view["feedURL"] = root + "feed.xml" }
        // Every page adds its own values to a copy of this one: room for
        // them all, so the copy is never rehashed as it fills.
        view.reserveCapacity(40)
        return view
    }

    /// In a report of several languages, the page's addresses in each:
    /// `alternates` for `<link rel="alternate" hreflang>`, those of the
    /// languages its text is in (`textIn`) and the report's own as
    /// `x-default`; and `languageSwitch`, every language (a page not
    /// translated is published in each, with a notice), the current one
    /// marked. Absolute with a `base_url`, else relative.
    private func languageLinks(path: String, root: String, textIn available: [String], into view: inout View) {
        guard site.settings.languages.count > 1 else { return }
        let languages = site.settings.languages
        let own = site.ownLanguage
        func url(_ language: String) -> String {
            let target = (language == own ? "" : language + "/") + path
            return site.rootBaseURL.map { Addresses.absolute(target, base: $0) } ?? root + shared + target
        }
        view["alternates"] =
            languages.filter(available.contains).map { ["hreflang": $0, "url": url($0)] as View } + [
                ["hreflang": "x-default", "url": url(own)] as View
            ]
        let links = languages.map { language -> View in
            [
                "code": language, "name": Labels.nativeName(language), "direction": Labels.direction(of: language),
                "url": root + shared + (language == own ? "" : language + "/") + path,
                "current": language == site.settings.language,
            ]
        }
        view["languageSwitch"] = ["languages": links] as View
    }

    /// The language of `entry`'s words when it is not the page's (an entry
    /// not translated yet): its code, direction and name in the page's
    /// language, for `lang` and `dir` on its text and the page's notice;
    /// nil when the words are the page's.
    func textLanguage(_ entry: Entry) -> View? {
        Self.textLanguage(entry, in: site, labels: labels)
    }

    static func textLanguage(_ entry: Entry, in site: Site, labels: Labels) -> View? {
        let language = site.language(of: entry)
        guard language != site.settings.language else { return nil }
        return ["code": language, "direction": Labels.direction(of: language), "name": labels.languageName(language)]
    }

    /// A link to an entry. Every key a list item may show is present, as
    /// `false` when the entry has no value: Mustache would otherwise look the
    /// key up on the enclosing page and show the page's own value.
    func link(to entry: Entry, from path: String) -> View {
        link(to: entry, root: Addresses.root(from: path))
    }

    /// The same for a page whose way back to the site's root is `root`.
    func link(to entry: Entry, root: String) -> View {
        let link = View.Link(
            title: entry.title, url: root + entry.pagePath,
            kindLabel: labels.kind(entry.kind), summary: entry.summary)
        link.textLanguage = textLanguage(entry)
        if let event = entry.event {
            link.date = labels.span(event.date, event.endDate)
            link.datetime = event.date.description
            link.status = event.status.rawValue
            link.statusLabel = labels.status(event.status)
        }
        if let actor = entry.actor {
            link.detail = actor.role ?? labels.actorKind(actor.actorKind)
            if actor.role != nil { link.detailLanguage = link.textLanguage }
        }
        if let country = entry.country { link.detail = country.code }
        if let media = entry.media { link.detail = labels.media(media.format) }
        if let source = entry.source {
            link.detail = source.publisher
            link.publisher = source.publisher
            link.date = source.date.map(labels.date)
            link.archiveURL = source.archiveURL
            switch source.urlStatus {
            case .live: link.externalURL = source.url
            case .dead: link.originalDead = source.url
            case .unfit: link.originalUnfit = source.url
            }
        }
        return View(link: link)
    }

    func links(_ keys: [PageKey], from path: String) -> [View] {
        keys.compactMap { site[$0] }.map { link(to: $0, from: path) }
    }

    /// The markup of a list: each entry's item made with `partial` (once
    /// per entry and depth: `PartialCache`), joined; `false` when no entry exists, since
    /// swift-mustache shows a section over an empty text.
    func items(_ keys: [PageKey], partial: String, from path: String) -> Any {
        items(keys.compactMap { site[$0] }, partial: partial, from: path)
    }

    /// The same for entries at hand (relations hold entries).
    func items(_ entries: [Entry], partial: String, from path: String) -> Any {
        let list = partials.list(partial, root: Addresses.root(from: path))
        var html = ""
        for entry in entries {
            html += partials.item(list, entry) { root in link(to: entry, root: root) }
        }
        return html.isEmpty ? false : html
    }

    /// The same for the entries references name, each once, in order.
    func items(_ references: [Reference], partial: String, from path: String) -> Any {
        items(references.map { PageKey($0.kind, $0.slug) }.uniqued(), partial: partial, from: path)
    }

    func updates(_ updates: [Update]) -> [View] {
        updates.map { ["date": labels.date($0.date), "datetime": $0.date.description, "note": $0.note] }
    }

    /// What every entry page shows: title, summary, body and who links here.
    func entryBase(_ entry: Entry, path: String) -> View {
        var view = layout(
            path: path, title: entry.title, description: entry.summary, current: entry.kind, languages: site.languages(of: entry.key))
        view["title"] = entry.title
        view["textLanguage"] = textLanguage(entry) ?? false
        view["kindLabel"] = labels.kind(entry.kind)
        view["bodyHTML"] = renderBody(entry, path)
        let linkers = site.relations.linkedFromEntries(entry.key)
        let listed = first(linkers)
        view["linkedFromHTML"] = items(listed, partial: Item.linkedFrom, from: path)
        view["linkedFromMore"] = more(.linkedFrom, of: entry, shown: listed.count, total: linkers.count, kind: .page, path: path)
        if let summary = entry.summary { view["summary"] = summary }
        view["sourceList"] = sourceList(entry, path: path)
        return view
    }

    /// The page's numbered sources (`CitationNumbers`): each source's item,
    /// its anchor and the way back to each place citing it; `false` when
    /// there is none.
    func sourceList(_ entry: Entry, path: String) -> Any {
        let numbers = CitationNumbers(entry, site: site)
        guard !numbers.sources.isEmpty else { return false }
        let list = partials.list(Item.citation, root: Addresses.root(from: path))
        let items = numbers.sources.enumerated().map { index, source -> View in
            var view: View = [
                "id": CitationNumbers.noteAnchor(index + 1), "number": index + 1,
                "itemHTML": partials.item(list, source) { root in link(to: source, root: root) },
            ]
            let anchors = numbers.backlinks[index]
            // One citation: one way back; several: one lettered link each.
            view["backlink"] = anchors.count == 1 ? "#" + anchors[0] : false
            view["backlinks"] =
                anchors.count > 1
                ? anchors.enumerated().map { ["url": "#" + $1, "label": CitationNumbers.letter($0, of: labels.letters)] as View } : false
            return view
        }
        return ["items": items] as View
    }
}
