import Foundation

/// Receives rendered pages; called from every core at once.
protocol PageSink: Sendable {
    func write(_ path: String, _ contents: String)
    /// A file made as bytes (the data files), written without a `String`
    /// between, which would check every byte of them again.
    func write(_ path: String, bytes: [UInt8])
}

/// Stage 3: views + theme → pages, rendered on every core and handed to the
/// sink as soon as each is ready, so the site is never held in memory whole.
struct Renderer: Sendable {
    let site: Site
    let theme: Theme
    /// Shared partials already rendered with `theme` (`serve` keeps them
    /// between rebuilds); a new cache when nil.
    var partials: PartialCache? = nil

    /// The theme's page at a former address: it sends readers on to the entry's page.
    static let movedTemplate = "moved"

    /// Every page of the site, in a fixed order.
    func jobs() -> [PageJob] {
        let events = site.entries(of: .event)
        let eventParts = ListParts.byYear(events, folder: ListParts.eventsFolder)
        let timelineParts = ListParts.byYear(events, folder: ListParts.timelineFolder)
        var movedJobs: [PageJob] = []
        var jobs: [PageJob] = [PageJob(path: Addresses.home, template: "home", key: nil) { $0.home(path: Addresses.home) }]
        for kind in Kind.allCases {
            let indexPath = Addresses.index(kind)
            if kind == .event, !eventParts.isEmpty {
                jobs.append(
                    PageJob(path: indexPath, template: ViewBuilder.ListTemplate.eventsIndex, key: nil) {
                        $0.eventsYears(eventParts, path: indexPath)
                    })
                for index in eventParts.indices {
                    let path = eventParts[index].path
                    jobs.append(
                        PageJob(path: path, template: ViewBuilder.ListTemplate.eventsPart, key: nil) {
                            $0.eventsPart(eventParts, at: index, path: path)
                        })
                }
            } else {
                let parts = ListParts.ofIndex(ListParts.indexGroups(kind, in: site).flatMap(\.entries), kind: kind)  // [] unless paged
                jobs.append(
                    PageJob(path: indexPath, template: kind.indexTemplate, key: nil) {
                        $0.index(kind, parts: parts, at: 0, path: indexPath)
                    })
                for index in parts.indices.dropFirst() {
                    let path = parts[index].path
                    jobs.append(
                        PageJob(path: path, template: kind.indexTemplate, key: nil) { $0.index(kind, parts: parts, at: index, path: path) })
                }
            }
            for entry in site.entries(of: kind) where entry.key != Addresses.homePage {
                let path = entry.pagePath
                jobs.append(
                    PageJob(path: path, template: kind.rawValue, key: entry.key) { builder in
                        switch kind {
                        case .actor: builder.actorPage(entry, path: path)
                        case .country: builder.countryPage(entry, path: path)
                        case .event: builder.eventPage(entry, path: path)
                        case .source: builder.sourcePage(entry, path: path)
                        case .page: builder.pagePage(entry, path: path)
                        case .media: builder.mediaPage(entry, path: path)
                        }
                    })
                jobs += entryListJobs(entry)
            }
            // Former addresses (`moved_from`): keyed by the entry they lead
            // to, so that `serve` renders them again when its title changes.
            for (former, entry) in site.moved where former.kind == kind {
                let path = Addresses.page(former)
                movedJobs.append(
                    PageJob(path: path, template: Self.movedTemplate, key: entry.key) { $0.movedPage(to: entry, path: path) })
            }
        }
        jobs += movedJobs.sorted { $0.path < $1.path }
        if timelineParts.isEmpty {
            jobs.append(
                PageJob(path: ViewBuilder.timelinePath, template: "timeline", key: nil) { $0.timeline(path: ViewBuilder.timelinePath) })
        } else {
            jobs.append(
                PageJob(path: ViewBuilder.timelinePath, template: ViewBuilder.ListTemplate.timelineIndex, key: nil) {
                    $0.timelineYears(timelineParts, path: ViewBuilder.timelinePath)
                })
            for index in timelineParts.indices {
                let path = timelineParts[index].path
                jobs.append(
                    PageJob(path: path, template: ViewBuilder.ListTemplate.timelinePart, key: nil) {
                        $0.timelinePart(timelineParts, at: index, path: path)
                    })
            }
        }
        jobs.append(
            PageJob(path: ViewBuilder.relationsPath, template: "relations", key: nil) {
                $0.relationsOverview(path: ViewBuilder.relationsPath)
            })
        jobs.append(PageJob(path: ViewBuilder.searchPath, template: "search", key: nil) { $0.search(path: ViewBuilder.searchPath) })
        jobs.append(PageJob(path: ViewBuilder.notFoundPath, template: "404", key: nil) { $0.notFound() })
        return jobs
    }

    /// The pages of an entry's complete lists, when its page shows only
    /// part of one (`ListParts.EntryList`): keyed by the entry, so that
    /// `serve` renders them with its page.
    private func entryListJobs(_ entry: Entry) -> [PageJob] {
        let relations = site.relations
        var lists: [(ListParts.EntryList, [Entry])] = [(.linkedFrom, relations.linkedFromEntries(entry.key))]
        if entry.kind == .actor { lists.append((.members, relations.entries(.actor, pointingAt: entry.key, by: .affiliatedWith))) }
        if entry.kind == .country { lists.append((.actors, relations.entries(.actor, pointingAt: entry.key, by: .belongsTo))) }
        // Counted once for every page of the list: a hub's connections
        // take all its events to count.
        var weights: [PageKey: Int] = [:]
        if entry.kind == .actor || entry.kind == .country {
            lists.append((.events, relations.entries(.event, pointingAt: entry.key, by: .involves)))
            let connections = Connections(site: site).actors(around: entry)
            for item in connections { weights[item.entry.key] = item.weight }
            lists.append((.connections, connections.map(\.entry)))
        }
        return lists.flatMap { list, entries in
            let parts = ListParts.ofEntry(entries, folder: ListParts.entryFolder(entry.key, list))
            let weights = list == .connections ? weights : [:]
            return parts.indices.map { index in
                let path = parts[index].path
                return PageJob(path: path, template: ViewBuilder.ListTemplate.entryList, key: entry.key) {
                    $0.entryList(entry, list, parts, at: index, path: path, weights: weights)
                }
            }
        }
    }

    /// The paths of the pages of `kind`'s index when it is paged (none in a
    /// small report).
    static func indexPartPaths(_ site: Site, _ kind: Kind) -> [String] {
        ListParts.ofIndex(ListParts.indexGroups(kind, in: site).flatMap(\.entries), kind: kind).map(\.path)
    }

    /// The paths of the parts of the split events index and timeline (none
    /// in a small report): `serve` renders them all again when events change.
    static func listPartPaths(_ site: Site) -> [String] {
        let events = site.entries(of: .event)
        return [ListParts.eventsFolder, ListParts.timelineFolder].flatMap { folder in
            ListParts.byYear(events, folder: folder).map { $0.path }
        }
    }

    /// How many pages `render(into:)` writes (the data files come after).
    var pageCount: Int { jobs().count }

    /// The files that are not pages: data exports, search index, feed,
    /// sitemap and robots.txt, as tasks that can run on any core. Another
    /// language's edition has its own search, feed and sitemap; the data
    /// exports and robots.txt are the site root's.
    func dataTasks(pagePaths: [String]) -> [@Sendable () -> [(path: String, bytes: [UInt8])]] {
        let site = site
        // Redirect pages are no pages of the report: not in the sitemap.
        let moved = Set(site.moved.keys.map(Addresses.page))
        let pages = pagePaths.filter { $0 != ViewBuilder.notFoundPath && !moved.contains($0) }
        let discovery: @Sendable () -> [(path: String, bytes: [UInt8])] = {
            Discovery.files(for: site, paths: pages).map { ($0.path, Array($0.text.utf8)) }
        }
        guard site.folder.isEmpty else { return [{ SearchIndex(site: site).files() }, discovery] }
        return [
            {
                let export = DataExport(site: site)
                return [("data/report.json", export.bytes())] + CSVExport.files(for: export)
            },
            { SearchIndex(site: site).files() },
            discovery,
        ]
    }

    /// Renders the pages `include` accepts (`serve` re-renders a few) and,
    /// with `data`, the data files into `sink`, in one queue on every core,
    /// longest first: the data files, so that the longest of them runs
    /// beside the pages rather than after them, then the index pages.
    /// Returns every page job of the site and the paths of the data files
    /// written.
    @discardableResult
    func render(
        into sink: PageSink, only include: (PageJob) -> Bool = { _ in true }, data: Bool = true
    ) -> (jobs: [PageJob], dataPaths: [String]) {
        let jobs = jobs()
        let builder = viewBuilder()
        let theme = theme
        enum Work: Sendable {
            case data(@Sendable () -> [(path: String, bytes: [UInt8])])
            case page(PageJob)
        }
        let tasks = data ? dataTasks(pagePaths: jobs.map(\.path)) : []
        // The longest tasks first, so that no core is left with one at the
        // end while the other idles: the data files, then the pages of no
        // single entry (indexes, home, timeline: lists of thousands of
        // entries each), then the entry pages.
        let pages = jobs.filter(include)
        let work = tasks.map(Work.data) + (pages.filter { $0.key == nil } + pages.filter { $0.key != nil }).map(Work.page)
        let dataPaths = Mutex<[String]>([])
        _ = work.parallelMap { item -> Bool in
            switch item {
            case .data(let task):
                let files = task()
                for file in files { sink.write(file.path, bytes: file.bytes) }
                dataPaths.withLock { $0 += files.map(\.path) }
            case .page(let job):
                sink.write(job.path, theme.render(job.makeView(builder), template: job.template))
            }
            return true
        }
        return (jobs, dataPaths.withLock { $0 }.sorted())
    }

    private func viewBuilder() -> ViewBuilder {
        ViewBuilder(
            site: site, renderBody: { [site, theme] entry, path in Self.bodyHTML(entry, path: path, site: site, theme: theme) },
            partials: partials ?? PartialCache(theme: theme), labels: theme.labels, map: theme.map)
    }

    /// The body as HTML, its `KIND:SLUG` links made relative to `path`
    /// (fragment kept; a link to no entry of the site stays as written) and,
    /// with `theme`, its citations shown by the theme's marker partial and
    /// each `![alt](media:slug)` by the theme's figure.
    static func bodyHTML(_ entry: Entry, path: String, site: Site, theme: Theme? = nil) -> String {
        let numbers = entry.citations.isEmpty ? nil : CitationNumbers(entry, site: site)
        let figure = theme.map { theme in
            { (destination: String, alt: String, block: Bool, index: Int) -> String? in
                guard let (kind, slug, _) = Reference.parse(destination: destination), kind == .media,
                    let item = site[PageKey(kind, slug)],
                    let view = ViewBuilder.figure(item, alt: alt, path: path, lazy: index > 0, site: site, labels: theme.labels)
                else { return nil }
                var figureView = view
                figureView["block"] = block
                return theme.render(figureView, template: ViewBuilder.figure)
            }
        }
        return Markdown.html(
            of: entry.body.text, reservedIDs: Sections.ids(for: entry.kind),
            rewrite: { destination in
                // A former slug (`moved_from`) leads to the entry's page, not its redirect.
                guard let (kind, slug, fragment) = Reference.parse(destination: destination),
                    let target = site[PageKey(kind, slug)] ?? site.moved[PageKey(kind, slug)]
                else { return nil }
                var url = Addresses.relative(from: path, to: target.pagePath)
                // A text not translated yet names a heading of a translated
                // page by its id in the original: that heading is on the
                // original's page.
                if let fragment, target.language != entry.language, !target.headingIDs.contains(fragment),
                    !Sections.ids(for: target.kind).contains(fragment)
                {
                    url = Addresses.root(from: path) + site.upToSiteRoot + target.pagePath
                }
                return fragment.map { url + "#" + $0 } ?? url
            },
            cite: { group in
                guard let theme, let view = numbers?.markerView(group) else { return nil }
                return theme.render(view, template: ViewBuilder.citationMarker)
            }, figure: figure)
    }
}
