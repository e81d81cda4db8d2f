import Foundation

/// The pipeline of `Builder.build()` kept warm for `dossier serve`: the site
/// lives in memory, and each rebuild reads only the files that changed,
/// validates everything (it is cheap), and renders only what the changes
/// reach (`ChangeImpact`). The result equals, byte for byte, what
/// `dossier build` writes for the same files. Rebuilds run one at a time.
public final class IncrementalBuilder: @unchecked Sendable {
    public let project: Project
    private let pipeline: Pipeline
    private let state = Mutex(State())

    private struct State {
        var walk = WalkCache()
        var content = ContentCache()
        var theme = ThemeCache()
        /// Shared partials of the last good build's theme.
        var partials: PartialCache?
        var good: GoodBuild?
        /// Entries changed since the last good build.
        var pending = Set<PageKey>()
        /// The theme changed since the last good build.
        var themePending = false
        var generation = 0
    }

    /// The last site built without errors, and which of its paths are pages,
    /// data files and assets.
    private struct GoodBuild {
        let site: Site
        let files: [String: Data]
        let pages: Set<String>
        let data: Set<String>
        let assets: Set<String>
    }

    public init(project: Project) {
        self.project = project
        pipeline = Pipeline(project: project)
    }

    /// Reads what changed, checks everything and, without errors, renders
    /// what the changes reach. With errors the last good site is kept.
    public func rebuild() -> RebuildOutcome {
        let start = ContinuousClock.now
        var phases = Phases()
        return state.withLock { state in
            var diagnostics = Diagnostics()
            let settings = ContentLoader(project: project).loadSettings(&diagnostics)
            let files = state.walk.files(in: project.content, &diagnostics)
            phases.end("list")
            let (loaded, changed) = state.content.load(files, settings: settings, &diagnostics)
            var content = loaded
            content.mediaFiles = ContentWalker(root: project.content).mediaFiles()
            state.pending.formUnion(changed)
            phases.end("load")
            let site = pipeline.validate(content, &diagnostics)
            phases.end("validate")
            let (theme, themeChanged) = state.theme.load(from: project.templates, language: settings?.language, &diagnostics)
            if themeChanged { state.themePending = true }
            phases.end("theme")
            guard let site, let theme, !diagnostics.hasErrors else {
                return outcome(state, diagnostics, succeeded: false, start: start, phases: phases)
            }
            let plan =
                state.themePending
                ? .everything
                : state.good.map { ChangeImpact.plan(changed: state.pending, old: $0.site, new: site) } ?? .everything
            phases.end("plan")
            if state.themePending || state.partials == nil {
                state.partials = PartialCache(theme: theme)
            } else {
                state.partials?.forget(state.pending)
            }
            let (good, rendered) = render(
                site, theme, partials: state.partials, assets: state.theme.assets, plan: plan, after: state.good,
                media: state.pending.contains { $0.kind == .media })
            phases.end("render")
            let changedPaths = Self.changes(from: state.good?.files ?? [:], to: good.files, among: rendered.union(state.good?.assets ?? []))
            if !changedPaths.isEmpty { state.generation += 1 }
            state.good = good
            state.pending = []
            state.themePending = false
            let pages = rendered.count { good.pages.contains($0) }
            return outcome(
                state, diagnostics, succeeded: true, start: start, phases: phases, rendered: pages,
                all: plan.entries == nil, changed: changedPaths)
        }
    }

    /// Renders what `plan` names over the previous site, the pages and the
    /// data files in one queue; returns the new site and the paths written.
    private func render(
        _ site: Site, _ theme: Theme, partials: PartialCache?, assets: [String: Data], plan: ChangeImpact.Plan,
        after previous: GoodBuild?, media mediaChanged: Bool
    ) -> (GoodBuild, Set<String>) {
        // A media item read again may have a new file of the same size: its variants are made again.
        let writeData = plan.entries == nil || plan.data || previous == nil || mediaChanged
        let sink = MemorySink()
        let old = previous?.files ?? [:]
        let (jobs, generated) = pipeline.render(
            site, theme, partials: partials, into: sink,
            only: { job in
                guard let entries = plan.entries, old[job.path] != nil else { return true }
                guard let key = job.key else { return plan.siteWide.contains(job.path) }
                return entries.contains(key)
            }, data: writeData)
        // Media files go with the data files: encoded again when those are
        // written (docs/serve.md); the probe at load refused files that cannot be decoded.
        var ignored = Diagnostics()
        let media = writeData ? pipeline.media(site, into: sink, &ignored) : []
        // A body edit changes only the search index among the data files.
        let search = !writeData && plan.search ? SearchIndex(site: site).files() : []
        for file in search { sink.write(file.path, bytes: file.bytes) }
        let pages = Set(jobs.map(\.path))
        var files = old
        for path in previous?.pages ?? [] where !pages.contains(path) { files[path] = nil }
        let written = sink.files.withLock { $0 }
        var dataPaths = previous?.data ?? []
        if writeData {
            for path in dataPaths { files[path] = nil }
            dataPaths = Set(generated + media)
        } else if !search.isEmpty {
            for path in dataPaths where path.hasPrefix("search/") { files[path] = nil }
            dataPaths = dataPaths.filter { !$0.hasPrefix("search/") }.union(search.map(\.path))
        }
        for path in previous?.assets ?? [] { files[path] = nil }
        files.merge(written) { $1 }
        files.merge(assets) { $1 }
        let good = GoodBuild(site: site, files: files, pages: pages, data: dataPaths, assets: Set(assets.keys))
        return (good, Set(written.keys).union(assets.keys))
    }

    /// Paths added, changed or removed: only `candidates` can have changed
    /// bytes; any path can have disappeared.
    private static func changes(from old: [String: Data], to new: [String: Data], among candidates: Set<String>) -> [String] {
        var paths = Set<String>()
        for path in candidates where old[path] != new[path] { paths.insert(path) }
        for path in old.keys where new[path] == nil { paths.insert(path) }
        return paths.sorted()
    }

    private func outcome(
        _ state: State, _ diagnostics: Diagnostics, succeeded: Bool, start: ContinuousClock.Instant, phases: Phases,
        rendered: Int = 0, all: Bool = false, changed: [String] = []
    ) -> RebuildOutcome {
        RebuildOutcome(
            diagnostics: diagnostics, succeeded: succeeded, site: state.good?.files ?? [:], generation: state.generation,
            changedPaths: changed, renderedPages: rendered, totalPages: state.good?.pages.count ?? 0, renderedAll: all,
            duration: ContinuousClock.now - start, phases: phases.all)
    }

    /// How long each stage of a rebuild took.
    private struct Phases {
        private(set) var all: [(name: String, duration: Duration)] = []
        private var last = ContinuousClock.now

        mutating func end(_ name: String) {
            let now = ContinuousClock.now
            all.append((name, now - last))
            last = now
        }
    }
}
