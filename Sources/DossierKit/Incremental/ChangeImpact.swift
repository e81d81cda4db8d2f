/// What a rebuild must render after some entries changed, from what each
/// page shows (see `ViewBuilder`).
///
/// An entry page shows its own entry; the title, summary and details of
/// every page it points at or that points at it (lists, citations, "linked
/// from", timelines); and, on an actor's or a country's page, the actors of
/// its events (the relations picture). Site-wide pages (home, indexes,
/// timeline, relations, search, 404) and the data files show the titles,
/// summaries and details of many entries, but no body except the home
/// page's introduction; the search index holds the words of every body.
/// Each edition of the report (`Site.edition`) is planned on its own.
enum ChangeImpact {
    /// Which pages to render: entry pages by key, site-wide pages by path.
    struct Plan: Equatable {
        /// Entry pages to render; nil for every page and data file.
        var entries: Set<PageKey>?
        /// Site-wide pages to render (when `entries` is not nil).
        var siteWide: Set<String>
        /// Whether to write the data files again (when `entries` is not nil).
        var data: Bool
        /// Whether to write the search index again, when `data` is false: a
        /// body changed.
        var search = false

        static let everything = Plan(entries: nil, siteWide: [], data: true)
    }

    /// The plan after the entries `changed` were edited, added or removed
    /// between `old` and `new`. A change of the settings or of the footer's
    /// pages reaches every page.
    static func plan(changed: Set<PageKey>, old: Site, new: Site) -> Plan {
        if reachesEveryPage(old: old, new: new) { return .everything }
        let faced = changed.filter { faceChanged(old[$0], new[$0]) }
        let relinked = faced.filter { referencesChanged(old[$0], new[$0]) }
        let entries = pages(changed: changed, faced: faced, relinked: relinked, old: old, new: new)
        // The data exports carry each entry's translated title and summary.
        let retranslated = changed.contains { key in
            Set(old.translations.keys).union(new.translations.keys).contains { language in
                let before = old.translations[language]?[key], after = new.translations[language]?[key]
                return before?.title != after?.title || before?.summary != after?.summary
            }
        }
        var plan = Plan(entries: entries, siteWide: [], data: !faced.isEmpty || retranslated)
        plan.search = changed.contains { old[$0]?.body.text != new[$0]?.body.text }
        if changed.contains(Addresses.homePage) { plan.siteWide.insert(Addresses.home) }
        guard !faced.isEmpty else { return plan }  // only bodies changed: only their own pages and the search index show them
        plan.siteWide.formUnion(siteWidePages(showing: faced, relinked: relinked, old: old, new: new))
        return plan
    }

    /// The site-wide pages that show the faces of `faced`: every one when an
    /// entry came or went (counts), else those listing their kinds, and
    /// those counting references when `relinked` changed theirs.
    static func siteWidePages(showing faced: Set<PageKey>, relinked: Set<PageKey>, old: Site, new: Site) -> Set<String> {
        // The 404 page shows only the layout (settings and footer): never here.
        var pages = Set<String>()
        let kinds = Set(faced.map(\.kind)), relinkedKinds = Set(relinked.map(\.kind))
        let cameOrWent = faced.contains { (old[$0] == nil) != (new[$0] == nil) }
        if cameOrWent { pages.insert(ViewBuilder.searchPath) }
        let homeLinks = neighbours(of: Addresses.homePage, in: old).union(neighbours(of: Addresses.homePage, in: new))
        if cameOrWent || !kinds.isDisjoint(with: [.event, .page]) || !faced.isDisjoint(with: homeLinks) {
            pages.insert(Addresses.home)
        }
        for kind in Kind.allCases where cameOrWent || kinds.contains(kind) {
            pages.insert(Addresses.index(kind))
            // A paged index's pages shift with any entry of its kind.
            pages.formUnion(Renderer.indexPartPaths(new, kind))
        }
        // The countries index counts each country's events and actors.
        if !relinkedKinds.isDisjoint(with: [.event, .actor]) { pages.insert(Addresses.index(.country)) }
        if cameOrWent || kinds.contains(.event) {
            pages.insert(ViewBuilder.timelinePath)
            // The years and pages of a split list shift with any event: every part again.
            pages.formUnion(Renderer.listPartPaths(new))
        }
        // The relations overview names actors and counts the events they share.
        if cameOrWent || kinds.contains(.actor) || !relinkedKinds.isDisjoint(with: [.event, .actor]) {
            pages.insert(ViewBuilder.relationsPath)
        }
        return pages
    }

    /// The changed pages, and the pages showing the face of those in
    /// `faced`. A page whose body links to an entry shows nothing of it
    /// (but whether the link resolves): it is reached only when the entry's
    /// references changed (`relinked`), as they do when it comes or goes.
    static func pages(
        changed: Set<PageKey>, faced: Set<PageKey>, relinked: Set<PageKey>, old: Site, new: Site
    ) -> Set<PageKey> {
        var result = changed
        for key in faced {
            for site in [old, new] {
                result.formUnion(neighbours(of: key, in: site, linkers: relinked.contains(key)))
                guard key.kind == .actor else { continue }
                // Actors and countries sharing an event with an actor draw it in their relations picture.
                for event in site.relations.pages(.event, pointingAt: key, by: .involves) {
                    for reference in site[event]?.fieldReferences ?? [] where reference.kind == .actor || reference.kind == .country {
                        result.insert(PageKey(reference.kind, reference.slug))
                    }
                }
            }
        }
        return result
    }

    /// True when every page must be rendered again: the settings changed,
    /// or the pages listed in every page's footer did.
    static func reachesEveryPage(old: Site, new: Site) -> Bool {
        if old.settings != new.settings { return true }
        let footer = { (site: Site) in site.entries(of: .page).map { [$0.slug, $0.title, $0.summary ?? ""] } }
        return footer(old) != footer(new)
    }

    /// Pages `key` points at and pages pointing at it (those linking to it
    /// from their body only with `linkers`).
    static func neighbours(of key: PageKey, in site: Site, linkers: Bool = true) -> Set<PageKey> {
        var result = Set<PageKey>()
        if let entry = site[key] {
            entry.forEachReference { result.insert(PageKey($0.kind, $0.slug)) }
        }
        for (edge, sources) in site.relations.incoming(to: key) where linkers || edge != .linksTo {
            result.formUnion(sources)
        }
        return result
    }

    /// Whether an entry points at other pages differently: a change to the
    /// relations, the counts and which links resolve.
    static func referencesChanged(_ old: Entry?, _ new: Entry?) -> Bool {
        guard let old, let new else { return true }
        let targets = { (entry: Entry) in
            var targets = Set<String>()
            entry.forEachReference { targets.insert("\($0.origin) \($0.kind):\($0.slug)") }
            return targets
        }
        return old.draft != new.draft || targets(old) != targets(new)
    }

    /// Whether other pages can show a difference between two versions of an
    /// entry: anything but the body's text (and where its links and
    /// citations stand).
    /// Front-matter references keep their places when only the body changes.
    static func faceChanged(_ old: Entry?, _ new: Entry?) -> Bool {
        guard let old, let new else { return true }
        let targets = { (entry: Entry) in Set(entry.links.map { PageKey($0.kind, $0.slug) }) }
        // Citations make sources of the entry, listed and exported in order.
        return old.title != new.title || old.summary != new.summary || old.draft != new.draft
            || old.details != new.details || targets(old) != targets(new) || old.sources.map(\.slug) != new.sources.map(\.slug)
    }
}
