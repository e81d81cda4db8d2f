import ArgumentParser
import DossierKit
import DossierServe
import Foundation

/// `dossier serve`: builds the site into memory, serves it, and rebuilds
/// what each edit reaches while open pages reload.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it locally and rebuild it on every edit.",
        discussion: """
            Pages reload by themselves after an edit; errors are printed here and shown over the page, \
            and the last good site is served until they are fixed. Nothing is written to disk. Ctrl-C stops.
            """
    )

    @OptionGroup var options: ProjectOptions

    @Option(help: "The address to listen on (loopback by default: only this machine can connect).")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 8000

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, got \(port)") }
    }

    func run() async throws {
        let log = ServeLog(printer: .standardError())
        if !["127.0.0.1", "localhost", "::1"].contains(host) && !host.hasPrefix("127.") {
            log.say("warning: serving on \(host): other machines can read the site")
        }
        let server = PreviewServer(project: options.project(), host: host, port: port) { log.report($0) }
        do {
            try await server.run()
        } catch {
            FileHandle.standardError.write(Data("error: cannot serve on \(host):\(port): \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}

/// What `serve` prints: a line per build, diagnostics when there are errors
/// and when the warnings change.
final class ServeLog: Sendable {
    let printer: DiagnosticPrinter
    private let shownWarnings = ServeLogState()

    init(printer: DiagnosticPrinter) {
        self.printer = printer
    }

    func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    func report(_ event: ServeEvent) {
        switch event {
        case .listening(let host, let port):
            let shown = host.contains(":") ? "[\(host)]" : host
            say("serving http://\(shown):\(port)/ (edits to the content and templates rebuild it; Ctrl-C stops)")
        case .stopped:
            say("stopped")
        case .built(let outcome, let changes):
            let what = changes.isEmpty ? "" : (changes.count == 1 ? changes[0] : "\(changes.count) files") + " changed: "
            guard outcome.succeeded else {
                printer.print(outcome.diagnostics, consequence: outcome.generation == 0 ? "nothing to serve yet" : "still serving the last good site")
                shownWarnings.set(nil)
                return
            }
            let warnings = outcome.diagnostics.sorted
            if shownWarnings.set(warnings.map(\.description)) { printer.print(outcome.diagnostics) }
            let milliseconds = Double(outcome.duration.components.attoseconds) / 1e15 + Double(outcome.duration.components.seconds) * 1000
            say(what + "rendered \(outcome.renderedPages) of \(outcome.totalPages) pages in " + String(format: "%.1f ms", milliseconds)
                + ", \(outcome.changedPaths.count) file\(outcome.changedPaths.count == 1 ? "" : "s") changed")
        }
    }
}

/// The warnings last printed, so a rebuild prints them only when they change.
final class ServeLogState: @unchecked Sendable {
    private var warnings: [String]?
    private let lock = NSLock()

    /// Records `warnings`; true when they differ from the last ones recorded.
    @discardableResult
    func set(_ warnings: [String]?) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let changed = self.warnings != warnings
        self.warnings = warnings
        return changed
    }
}
