import Foundation

/// What a successful build wrote.
public struct BuildSummary: Sendable {
    /// Entry pages written per kind.
    public let pages: [Kind: Int]
    /// Every file written (pages, indexes, assets).
    public let files: Int
    /// Of `files`, those whose bytes were the previous site's: linked from
    /// it, not written again.
    public let unchanged: Int
    public let diagnostics: Diagnostics
    /// How long each stage took, in order: read, check, render, write.
    public let stages: [(stage: BuildStage, seconds: Double)]
    /// The report as it was built (entries, relations, page list), held
    /// by the summary: freeing it takes tens of milliseconds at 10,000
    /// events, which a command about to exit need not spend.
    public let report: BuiltReport
}

/// What a build made, opaque: kept alive by whoever holds it.
public final class BuiltReport: @unchecked Sendable {
    // @unchecked: set once in `init`, never changed, never read.
    private let parts: (Renderer, [PageJob])

    init(_ renderer: Renderer, _ jobs: [PageJob]) {
        parts = (renderer, jobs)
    }
}

/// The stages of a build, as progress reports and the summary name them.
public enum BuildStage: String, Sendable {
    case read = "reading content"
    case check = "checking"
    case render = "rendering"
    case write = "writing"
}

/// What a build reports while it runs: the stage it enters, and during
/// rendering the files done so far out of all. Called from any core.
public typealias BuildProgress = @Sendable (_ stage: BuildStage, _ done: Int, _ total: Int) -> Void

/// The pipeline, top to bottom: load, validate, render, write.
/// `check` is `build` without the writing.
public struct Builder: Sendable {
    public let project: Project

    public init(project: Project) {
        self.project = project
    }

    /// Every check of a build; writes nothing.
    public func check() -> Diagnostics {
        var diagnostics = Diagnostics()
        var stages = StageClock(progress: nil)
        _ = prepare(&diagnostics, stages: &stages, renderBodies: false)
        return diagnostics
    }

    /// Checks everything, then writes the site; on any error the output
    /// folder is left exactly as it was.
    public func build(progress: BuildProgress? = nil) -> Result<BuildSummary, BuildFailed> {
        var diagnostics = Diagnostics()
        var stages = StageClock(progress: progress)
        // The staging folder is begun while the report is checked, and the
        // pages' folders made in it on the core the checks leave idle (else
        // their `mkdir`s are about 3% of the build's CPU, inside rendering).
        // A build whose checks fail throws it away and says nothing about
        // the output.
        let writer = OutputWriter(output: project.output, protected: protectedFolders())
        let early = Mutex<(staged: StagedOutput?, diagnostics: Diagnostics)?>(nil)
        let prepared = prepare(&diagnostics, stages: &stages) { published, siteBuilt in
            var outputDiagnostics = Diagnostics()
            let staged = writer.begin(&outputDiagnostics)
            early.withLock { $0 = (staged, outputDiagnostics) }
            staged?.makeFolders(of: published.map(\.pagePath), until: siteBuilt)
        }
        let begun = early.withLock { $0 }
        guard let (site, theme) = prepared, !diagnostics.hasErrors else {
            begun?.staged?.abandon()
            return .failure(BuildFailed(diagnostics: diagnostics))
        }
        let staged: StagedOutput?
        if let begun {
            diagnostics.append(contentsOf: begun.diagnostics)
            staged = begun.staged
        } else {
            staged = writer.begin(&diagnostics)
        }
        guard let staged else { return .failure(BuildFailed(diagnostics: diagnostics)) }
        stages.enter(.render)
        // The renderer keeps its cache of partials, and the report keeps the
        // renderer: a one-shot build exits without taking them apart.
        let renderer = Renderer(site: site, theme: theme, partials: PartialCache(theme: theme))
        let sink: PageSink = progress.map { CountingSink(staged, total: renderer.pageCount, progress: $0) } ?? staged
        let jobs = renderer.render(into: sink).jobs
        for asset in theme.assets { staged.copy(asset.url, to: "assets/" + asset.path) }
        stages.enter(.write)
        staged.commit(&diagnostics)
        stages.finish()
        guard !diagnostics.hasErrors else { return .failure(BuildFailed(diagnostics: diagnostics)) }
        var pages: [Kind: Int] = [:]
        for job in jobs { if let key = job.key { pages[key.kind, default: 0] += 1 } }
        return .success(BuildSummary(
            pages: pages, files: staged.fileCount.withLock { $0 }, unchanged: staged.unchangedCount.withLock { $0 },
            diagnostics: diagnostics, stages: stages.times,
            report: BuiltReport(renderer, jobs)))
    }

    /// Load, validate and load the theme: everything but rendering.
    func prepare(_ diagnostics: inout Diagnostics) -> (Site, Theme)? {
        var stages = StageClock(progress: nil)
        return prepare(&diagnostics, stages: &stages)
    }

    /// `renderBodies`: whether loading also makes each body's HTML (for a
    /// build, from the same parse; `check` renders nothing).
    /// `beside`: see `Validator.beside`.
    private func prepare(
        _ diagnostics: inout Diagnostics, stages: inout StageClock, renderBodies: Bool = true,
        beside: (@Sendable (_ published: [Entry], _ siteBuilt: () -> Bool) -> Void)? = nil
    ) -> (Site, Theme)? {
        stages.enter(.read)
        let content = ContentLoader(project: project, renderBodies: renderBodies).load(&diagnostics)
        stages.enter(.check)
        // The theme first: `beside` runs only while no error is known.
        let theme = Theme.load(from: project.templates, &diagnostics)
        var validator = Validator(content: content, includeDrafts: project.includeDrafts)
        validator.beside = beside
        let site = validator.validate(&diagnostics)
        guard var site, let theme else { return nil }
        if let baseURL = project.baseURL {
            var settings = site.settings
            settings.baseURL = baseURL
            site = site.with(settings)
        }
        return (site, theme)
    }

    /// The output may be neither these folders nor one containing them.
    private func protectedFolders() -> [(what: String, url: URL)] {
        var folders = [("content folder", project.content), ("templates folder", project.templates)]
        var candidate = project.content.deletingLastPathComponent()
        let manager = FileManager.default
        while candidate.path != "/" {
            if manager.fileExists(atPath: candidate.appendingPathComponent(".git").path) {
                folders.append(("repository root", candidate))
                break
            }
            candidate = candidate.deletingLastPathComponent()
        }
        folders.append(("project folder", project.content.deletingLastPathComponent()))
        folders.append(("working directory", URL(fileURLWithPath: manager.currentDirectoryPath)))
        return folders
    }
}

/// A build that stopped: why, in full.
public struct BuildFailed: Error, Sendable {
    public let diagnostics: Diagnostics
}

/// Times the stages of a build and reports each as it starts.
private struct StageClock {
    let progress: BuildProgress?
    private(set) var times: [(stage: BuildStage, seconds: Double)] = []
    private var current: (stage: BuildStage, start: ContinuousClock.Instant)?

    init(progress: BuildProgress?) {
        self.progress = progress
    }

    mutating func enter(_ stage: BuildStage) {
        finish()
        current = (stage, .now)
        progress?(stage, 0, 0)
    }

    mutating func finish() {
        guard let current else { return }
        times.append((current.stage, (ContinuousClock.now - current.start) / .seconds(1)))
        self.current = nil
    }
}

/// Passes files on to the staged output and reports how many files are
/// done (the count shown stops at the pages' total: the data files are
/// written too).
private final class CountingSink: PageSink, Sendable {
    private let sink: PageSink
    private let total: Int
    private let progress: BuildProgress
    private let done = Mutex(0)

    init(_ sink: PageSink, total: Int, progress: @escaping BuildProgress) {
        self.sink = sink
        self.total = total
        self.progress = progress
    }

    func write(_ path: String, _ contents: String) {
        sink.write(path, contents)
        count()
    }

    func write(_ path: String, bytes: [UInt8]) {
        sink.write(path, bytes: bytes)
        count()
    }

    private func count() {
        let count = done.withLock { count in
            count += 1
            return count
        }
        progress(.render, min(count, total), total)
    }
}
