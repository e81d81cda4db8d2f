import DossierKit
import Foundation

/// The progress of a long build on a terminal: one line on standard error
/// with the stage and, while rendering, the pages done out of all. It
/// appears only after the build has run for a moment (short builds never
/// flicker), is redrawn at most ten times a second, and is erased before
/// anything else is printed. Never shown with `--quiet`, with a
/// non-text format, when standard error is not a terminal, or on a `dumb` one.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let start = ContinuousClock.now
    private var lastDraw: ContinuousClock.Instant?
    private var lastDone = 0
    private var lastText = ""
    private var shown = false
    private var stage: BuildStage = .read

    static let delay = Duration.milliseconds(300)
    static let interval = Duration.milliseconds(100)

    static func forTerminal(quiet: Bool, format: DiagnosticFormat) -> ProgressLine? {
        guard !quiet, format == .text, isatty(STDERR_FILENO) == 1,
            ProcessInfo.processInfo.environment["TERM"] != "dumb"
        else { return nil }
        return ProgressLine()
    }

    /// A `BuildProgress` callback.
    func report(_ stage: BuildStage, _ done: Int, _ total: Int) {
        let now = ContinuousClock.now
        lock.lock()
        defer { lock.unlock() }
        let entered = stage != self.stage
        self.stage = stage
        guard now - start >= Self.delay else { return }
        let finished = total > 0 && done == total && lastDone != total
        if !entered, !finished, let lastDraw, now - lastDraw < Self.interval { return }
        let text = total > 0 ? "\(stage.rawValue) \(done)/\(total) pages" : "\(stage.rawValue)…"
        guard text != lastText else { return }
        lastDraw = now
        lastDone = done
        lastText = text
        shown = true
        Self.write("\r\u{1B}[K" + text)
    }

    /// Erases the line, if it was drawn.
    func clear() {
        lock.lock()
        defer { lock.unlock() }
        guard shown else { return }
        shown = false
        lastText = ""
        Self.write("\r\u{1B}[K")
    }

    private static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
