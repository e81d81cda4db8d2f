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
        /// Shared partials of the last good build's theme, per edition's language.
        var partials: [String: PartialCache] = [:]
        var good: GoodBuild?
        /// Entries changed since the last good build.
        var pending = Set<PageKey>()
        /// The theme changed since the last good build.
        var themePending = false
        var generation = 0
    }

    /// The last site built without errors, each edition of it by language,
    /// and which of its paths are pages, data files (by edition) and assets.
    private struct GoodBuild {
        let editions: [String: Site]
        let files: [String: Data]
        let pages: Set<String>
        let data: [String: Set<String>]
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
            let (theme, themeChanged) = state.theme.load(from: project.templates, languages: settings?.allLanguages ?? [], &diagnostics)
            if themeChanged { state.themePending = true }
            phases.end("theme")
            guard let site, let theme, !diagnostics.hasErrors else {
                return outcome(state, diagnostics, succeeded: false, start: start, phases: phases)
            }
            let editions = site.editions
            var plans: [ChangeImpact.Plan] = []
            for edition in editions {
                let language = edition.settings.language
                let old = state.themePending ? nil : state.good?.editions[language]
                plans.append(old.map { ChangeImpact.plan(changed: state.pending, old: $0, new: edition) } ?? .everything)
                if plans.last == .everything || state.partials[language] == nil {
                    state.partials[language] = PartialCache(theme: theme.edition(language))
                } else {
                    state.partials[language]?.forget(state.pending)
                }
            }
            phases.end("plan")
            let (good, rendered) = render(
                editions, theme, plans: plans, partials: state.partials, assets: state.theme.assets, after: state.good,
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
                all: plans[0].entries == nil, changed: changedPaths)
        }
    }

    /// Renders what each edition's plan names over the previous site, the
    /// pages and the data files in one queue per edition; returns the new
    /// site and the paths written.
    private func render(
        _ editions: [Site], _ theme: Theme, plans: [ChangeImpact.Plan], partials: [String: PartialCache], assets: [String: Data],
        after previous: GoodBuild?, media mediaChanged: Bool
    ) -> (GoodBuild, Set<String>) {
        let sink = MemorySink()
        let old = previous?.files ?? [:]
        var files = old
        var pages = Set<String>()
        var data: [String: Set<String>] = [:]
        for (edition, plan) in zip(editions, plans) {
            let language = edition.settings.language, folder = edition.folder
            // A media item read again may have a new file of the same size: its variants are made again.
            let writeData = plan.entries == nil || plan.data || previous == nil || mediaChanged
            let (jobs, generated) = pipeline.render(
                edition: edition, theme, partials: partials[language], into: sink,
                only: { job in
                    guard let entries = plan.entries, old[folder + job.path] != nil else { return true }
                    guard let key = job.key else { return plan.siteWide.contains(job.path) }
                    return entries.contains(key)
                }, data: writeData)
            pages.formUnion(jobs.map(\.path))
            // Media files go with the data files of the report's own
            // language: encoded again when those are written (docs/serve.md);
            // the probe at load refused files that cannot be decoded.
            var ignored = Diagnostics()
            let media = writeData && folder.isEmpty ? pipeline.media(edition, into: sink, &ignored) : []
            // A body edit changes only the search index among the data files.
            let search = !writeData && plan.search ? SearchIndex(site: edition).files() : []
            for file in search { sink.write(folder + file.path, bytes: file.bytes) }
            var dataPaths = previous?.data[language] ?? []
            if writeData {
                for path in dataPaths { files[path] = nil }
                dataPaths = Set(generated + media)
            } else if !search.isEmpty {
                let searchFolder = folder + "search/"
                for path in dataPaths where path.hasPrefix(searchFolder) { files[path] = nil }
                dataPaths = dataPaths.filter { !$0.hasPrefix(searchFolder) }.union(search.map { folder + $0.path })
            }
            data[language] = dataPaths
        }
        for path in previous?.pages ?? [] where !pages.contains(path) { files[path] = nil }
        // A language no longer published: its data files go too.
        for (language, paths) in previous?.data ?? [:] where data[language] == nil {
            for path in paths { files[path] = nil }
        }
        for path in previous?.assets ?? [] { files[path] = nil }
        let written = sink.files.withLock { $0 }
        files.merge(written) { $1 }
        files.merge(assets) { $1 }
        let good = GoodBuild(
            editions: Dictionary(uniqueKeysWithValues: editions.map { ($0.settings.language, $0) }), files: files, pages: pages,
            data: data, assets: Set(assets.keys))
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
