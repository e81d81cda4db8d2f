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

    init(jobs: [PageJob], output: StagedOutput, diagnostics: Diagnostics, stages: [(stage: BuildStage, seconds: Double)]) {
        var pages: [Kind: Int] = [:]
        // An entry's own page only: not its former addresses nor its list of events.
        for job in jobs { if let key = job.key, job.path == Addresses.page(key) { pages[key.kind, default: 0] += 1 } }
        self.pages = pages
        files = output.fileCount.withLock { $0 }
        unchanged = output.unchangedCount.withLock { $0 }
        self.diagnostics = diagnostics
        self.stages = stages
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

/// The pipeline, top to bottom: load, validate, render, write (`Pipeline`
/// has the stages). `check` is `build` without rendering and writing.
public struct Builder: Sendable {
    public let project: Project
    private let pipeline: Pipeline

    /// `strict`: warnings count as errors.
    public init(project: Project, strict: Bool = false) {
        self.project = project
        pipeline = Pipeline(project: project, strict: strict)
    }

    /// Every check of a build; writes nothing.
    public func check() -> Diagnostics {
        var diagnostics = Diagnostics()
        _ = prepare(&diagnostics)
        return diagnostics
    }

    /// Every check of a build, and what `check --external` asks: the
    /// external links of every file that could be read (drafts included),
    /// less the `url` of sources whose `url_status` says it is gone, and
    /// the hosts `site.yaml` skips.
    public func checkCollectingLinks() -> (diagnostics: Diagnostics, links: [ExternalLink], skipHosts: [String]) {
        var diagnostics = Diagnostics()
        let content = pipeline.load(&diagnostics)
        _ = pipeline.check(content, &diagnostics)
        var links: [ExternalLink] = []
        for entry in content.entries.sorted(by: { $0.path < $1.path }) {
            let gone = entry.source?.urlStatus.isGone ?? false
            links += entry.externalLinks.filter { !(gone && $0.role == .sourceURL) }
        }
        return (diagnostics, links, content.settings?.linkCheckSkip ?? [])
    }

    /// The entries that could be read (drafts included), for `dossier archive`.
    public func loadEntries() -> (diagnostics: Diagnostics, entries: [Entry]) {
        var diagnostics = Diagnostics()
        let content = pipeline.load(&diagnostics)
        return (diagnostics, content.entries)
    }

    /// Checks everything, then writes the site; on any error the output
    /// folder is left exactly as it was.
    public func build(progress: BuildProgress? = nil) -> Result<BuildSummary, BuildFailed> {
        var diagnostics = Diagnostics()
        var clock = StageClock(progress: progress)
        clock.enter(.read)
        let content = pipeline.load(&diagnostics)
        clock.enter(.check)
        guard let (site, theme) = pipeline.check(content, &diagnostics), let output = pipeline.beginOutput(&diagnostics) else {
            return .failure(BuildFailed(diagnostics: diagnostics))
        }
        clock.enter(.render)
        let editions = site.editions
        let sink = progress.map { progress in
            let total = editions.reduce(0) { $0 + Renderer(site: $1, theme: theme).pageCount }
            return CountingSink(output, total: total, progress: progress)
        }
        let (jobs, _) = pipeline.render(editions, theme, into: sink ?? output)
        pipeline.media(site, into: output, &diagnostics)
        guard !diagnostics.hasErrors else {
            output.abandon()
            return .failure(BuildFailed(diagnostics: diagnostics))
        }
        clock.enter(.write)
        pipeline.write(output, assets: theme, &diagnostics)
        clock.finish()
        guard !diagnostics.hasErrors else { return .failure(BuildFailed(diagnostics: diagnostics)) }
        return .success(BuildSummary(jobs: jobs, output: output, diagnostics: diagnostics, stages: clock.times))
    }

    /// Load and validate (with the theme): everything before rendering.
    func prepare(_ diagnostics: inout Diagnostics) -> (site: Site, theme: Theme)? {
        pipeline.check(pipeline.load(&diagnostics), &diagnostics)
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
