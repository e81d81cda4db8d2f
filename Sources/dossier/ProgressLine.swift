import DossierKit
import Foundation

/// The progress of a long build on a terminal: one line on standard error
/// with the stage and, while rendering, the pages done out of all. It
/// appears only after the build has run for a moment (short builds never
/// flicker), is redrawn at most ten times a second, and is erased before
/// anything else is printed. Never shown with `--quiet`, with a
/// non-text format, when standard error is not a terminal, or on a `dumb` one.
///
/// `DOSSIER_PROGRESS_DELAY` sets the moment in seconds (`0` shows the line
/// from the start); the tests use it so that what they see does not depend
/// on how fast the machine builds.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let start = ContinuousClock.now
    private let delay: Duration
    private var lastDraw: ContinuousClock.Instant?
    private var lastDone = 0
    private var lastText = ""
    private var shown = false
    private var stage: BuildStage = .read

    static let defaultDelay = Duration.milliseconds(300)
    static let interval = Duration.milliseconds(100)

    init(delay: Duration) {
        self.delay = delay
    }

    static func forTerminal(quiet: Bool, format: DiagnosticFormat) -> ProgressLine? {
        let environment = ProcessInfo.processInfo.environment
        guard !quiet, format == .text, isatty(STDERR_FILENO) == 1, environment["TERM"] != "dumb"
        else { return nil }
        return ProgressLine(delay: delay(environment["DOSSIER_PROGRESS_DELAY"]))
    }

    /// The setting's seconds, or the default when unset or not a number of
    /// seconds from 0 to a day.
    static func delay(_ setting: String?) -> Duration {
        guard let setting, let seconds = Double(setting), seconds >= 0, seconds <= 86_400 else {
            return defaultDelay
        }
        return .milliseconds(Int((seconds * 1000).rounded()))
    }

    /// A `BuildProgress` callback.
    func report(_ stage: BuildStage, _ done: Int, _ total: Int) {
        let now = ContinuousClock.now
        lock.lock()
        defer { lock.unlock() }
        let entered = stage != self.stage
        self.stage = stage
        guard now - start >= delay else { return }
        let finished = total > 0 && done == total && lastDone != total
        if !entered, !finished, let lastDraw, now - lastDraw < Self.interval { return }
        let text = Messages.progress(stage: stage.rawValue, done: done, total: total)
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
