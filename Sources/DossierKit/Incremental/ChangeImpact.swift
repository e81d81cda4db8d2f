/// Which entry pages an edit can alter, from what each page shows (see
/// `ViewBuilder`): its own entry; the title, summary and details of every
/// page it points at or that points at it (lists, citations, "linked from",
/// timelines); and, through shared events, the actors and countries in its
/// relations picture. Site-wide pages (home, indexes, timeline, relations,
/// search, 404) and the data files are rendered on every rebuild.
enum ChangeImpact {
    /// The pages to render again after the entries `changed` were edited,
    /// added or removed between `old` and `new`.
    static func pages(changed: Set<PageKey>, old: Site, new: Site) -> Set<PageKey> {
        var result = changed
        for key in changed where faceChanged(old[key], new[key]) {
            for site in [old, new] {
                let near = neighbours(of: key, in: site)
                result.formUnion(near)
                for event in near.union([key]) where event.kind == .event {
                    result.formUnion(neighbours(of: event, in: site))
                }
            }
        }
        return result
    }

    /// True when every page must be rendered again: the settings changed,
    /// or the pages listed in every page's footer did.
    static func reachesEveryPage(old: Site, new: Site) -> Bool {
        let a = old.settings, b = new.settings
        if (a.title, a.description, a.language, a.baseURL, a.author) != (b.title, b.description, b.language, b.baseURL, b.author) {
            return true
        }
        let footer = { (site: Site) in site.entries(of: .page).map { [$0.slug, $0.title, $0.summary ?? ""] } }
        return footer(old) != footer(new)
    }

    /// Pages `key` points at and pages pointing at it.
    static func neighbours(of key: PageKey, in site: Site) -> Set<PageKey> {
        var result = Set<PageKey>()
        if let entry = site[key] {
            for reference in entry.fieldReferences + entry.links { result.insert(PageKey(reference.kind, reference.slug)) }
        }
        for sources in (site.relations.incoming[key] ?? [:]).values { result.formUnion(sources) }
        return result
    }

    /// Whether other pages can show a difference between two versions of an
    /// entry: anything but the body's text (and where its links stand).
    /// Front-matter references keep their places when only the body changes.
    static func faceChanged(_ old: Entry?, _ new: Entry?) -> Bool {
        guard let old, let new else { return true }
        let targets = { (entry: Entry) in Set(entry.links.map { PageKey($0.kind, $0.slug) }) }
        return old.title != new.title || old.summary != new.summary || old.draft != new.draft
            || String(describing: old.details) != String(describing: new.details) || targets(old) != targets(new)
    }
}
