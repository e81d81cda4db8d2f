import Foundation

/// The pipeline of `Builder.build()` kept warm for `dossier serve`: the site
/// lives in memory, and each rebuild reads only the files that changed,
/// validates everything (it is cheap), and renders only the pages a change
/// can reach (`ChangeImpact`) plus the site-wide pages and data files. The
/// result equals, byte for byte, what `dossier build` writes for the same
/// files. Rebuilds run one at a time.
public final class IncrementalBuilder: @unchecked Sendable {
    public let project: Project
    private let state = Mutex(State())

    private struct State {
        var content = ContentCache()
        var theme = ThemeCache()
        var good: GoodBuild?
        /// Entries changed since the last good build.
        var pending = Set<PageKey>()
        /// The theme changed since the last good build.
        var themePending = false
        var generation = 0
    }

    /// The last site built without errors.
    private struct GoodBuild {
        let site: Site
        let files: [String: Data]
        let pages: Int
    }

    public init(project: Project) {
        self.project = project
    }

    /// Reads what changed, checks everything and, without errors, renders
    /// what the changes reach. With errors the last good site is kept.
    public func rebuild() -> RebuildOutcome {
        let clock = ContinuousClock()
        let start = clock.now
        return state.withLock { state in
            var diagnostics = Diagnostics()
            let loader = ContentLoader(project: project)
            let settings = loader.loadSettings(&diagnostics)
            let files = ContentWalker(root: project.content).files(&diagnostics)
            let (content, changed) = state.content.load(files, settings: settings, &diagnostics)
            state.pending.formUnion(changed)
            let site = Validator(content: content, includeDrafts: project.includeDrafts).validate(&diagnostics)
            let (theme, themeChanged) = state.theme.load(from: project.templates, &diagnostics)
            if themeChanged { state.themePending = true }
            guard var site, let theme, !diagnostics.hasErrors else {
                return outcome(state, diagnostics, succeeded: false, rendered: 0, all: false, start: start)
            }
            if let baseURL = project.baseURL {
                var settings = site.settings
                settings.baseURL = baseURL
                site = Site(settings: settings, entries: Array(site.entries.values))
            }
            let all = state.themePending || state.good.map { ChangeImpact.reachesEveryPage(old: $0.site, new: site) } ?? true
            let reached = all ? nil : state.good.map { ChangeImpact.pages(changed: state.pending, old: $0.site, new: site) }
            let result = render(site, theme, assets: state.theme.assets, previous: state.good?.files ?? [:], only: reached)
            if !result.changed.isEmpty { state.generation += 1 }
            state.good = GoodBuild(site: site, files: result.files, pages: result.pages)
            state.pending = []
            state.themePending = false
            return outcome(state, diagnostics, succeeded: true, rendered: result.rendered, all: all, start: start,
                           changed: result.changed)
        }
    }

    /// What one render produced: the whole site and what changed in it.
    private struct Rendered {
        var files: [String: Data]
        var changed: [String]
        var rendered: Int
        var pages: Int
    }

    /// Renders the entry pages of `reached` (all when nil) and those missing
    /// from `old`, the site-wide pages and the data files; every other page
    /// keeps its bytes from `old`.
    private func render(
        _ site: Site, _ theme: Theme, assets: [String: Data], previous old: [String: Data], only reached: Set<PageKey>?
    ) -> Rendered {
        let sink = MemorySink()
        var rendered = 0
        let jobs = Renderer(site: site, theme: theme).render(into: sink) { job in
            guard let reached, let key = job.key, old[job.path] != nil else {
                rendered += 1
                return true
            }
            if reached.contains(key) { rendered += 1 }
            return reached.contains(key)
        }
        var files: [String: Data] = [:]
        for job in jobs { files[job.path] = old[job.path] }
        var changed = Set<String>()
        for (path, data) in sink.files.withLock({ $0 }).merging(assets, uniquingKeysWith: { $1 }) {
            files[path] = data
            if old[path] != data { changed.insert(path) }
        }
        for path in old.keys where files[path] == nil { changed.insert(path) }
        return Rendered(files: files, changed: changed.sorted(), rendered: rendered, pages: jobs.count)
    }

    private func outcome(
        _ state: State, _ diagnostics: Diagnostics, succeeded: Bool, rendered: Int, all: Bool,
        start: ContinuousClock.Instant, changed: [String] = []
    ) -> RebuildOutcome {
        let pages = state.good?.pages ?? 0
        return RebuildOutcome(
            diagnostics: diagnostics, succeeded: succeeded, site: state.good?.files ?? [:], generation: state.generation,
            changedPaths: changed, renderedPages: rendered, totalPages: pages, renderedAll: all,
            duration: ContinuousClock.now - start)
    }
}
