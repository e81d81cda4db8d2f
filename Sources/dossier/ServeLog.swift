import DossierKit
import DossierServe
import Foundation

/// What `serve` prints: a line per build, diagnostics when there are errors
/// and when the warnings change.
final class ServeLog: Sendable {
    let printer: DiagnosticPrinter
    /// Adds each stage's time to the line of a build.
    let verbose: Bool
    private let shownWarnings = ServeLogState()

    init(printer: DiagnosticPrinter, verbose: Bool) {
        self.printer = printer
        self.verbose = verbose
    }

    func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    func report(_ event: ServeEvent) {
        switch event {
        case .listening(let host, let port):
            let shown = host.contains(":") ? "[\(host)]" : host
            say(Messages.serving(url: "http://\(shown):\(port)/"))
        case .stopped:
            say(Messages.serveStopped)
        case .built(let outcome, let changes):
            guard outcome.succeeded else {
                let consequence = outcome.generation == 0 ? Messages.serveNothingYet : Messages.serveKeepsLastGood
                printer.print(outcome.diagnostics, consequence: consequence)
                shownWarnings.set(nil)
                return
            }
            if shownWarnings.set(outcome.diagnostics.sorted.map(\.description)) { printer.print(outcome.diagnostics) }
            let time = Self.milliseconds(outcome.duration)
            let stages =
                verbose ? " (" + outcome.phases.map { "\($0.name) \(Self.milliseconds($0.duration))" }.joined(separator: ", ") + ")" : ""
            guard !changes.isEmpty else {
                return say(Messages.serveBuilt(pages: outcome.totalPages, files: outcome.site.count, time: time + stages))
            }
            let files = outcome.changedPaths.count
            let changed = changes.count == 1 ? changes[0] : Messages.count(changes.count, "file")
            say(
                Messages.serveRebuilt(
                    changed: changed, rendered: outcome.renderedPages, pages: outcome.totalPages, time: time + stages, siteFiles: files))
        }
    }

    private static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.1f ms", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }
}
