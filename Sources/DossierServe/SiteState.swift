import DossierKit
import Foundation

/// What the server shows: the last good site, the state of the latest
/// rebuild, and the browsers listening for changes.
actor SiteState {
    /// The last good site: path in the output → bytes.
    private(set) var files: [String: Data] = [:]
    /// Names the site the pages come from; empty before the first good build.
    /// The prefix differs per server run, so a restarted server reloads tabs.
    private(set) var build = ""
    private(set) var diagnostics: [Diagnostic] = []
    private let run = String(UInt32.random(in: 0...UInt32.max), radix: 36)
    private var listeners: [UUID: AsyncStream<String>.Continuation] = [:]
    private var closed = false

    /// Takes in a rebuild and tells every listener.
    func update(_ outcome: RebuildOutcome) {
        files = outcome.site
        build = outcome.generation == 0 ? "" : "\(run)-\(outcome.generation)"
        diagnostics = outcome.diagnostics.sorted
        let message = "data: \(build)\n\n"
        for listener in listeners.values { listener.yield(message) }
    }

    func file(_ path: String) -> Data? { files[path] }

    /// The status as `/_dossier/status` sends it.
    func statusJSON() -> Data {
        struct Problem: Encodable {
            let file: String?, line: Int?, column: Int?, message: String
        }
        struct Status: Encodable {
            let build: String, ok: Bool, errors: [Problem], warnings: [Problem]
        }
        func problems(_ severity: Diagnostic.Severity) -> [Problem] {
            diagnostics.filter { $0.severity == severity }.map {
                Problem(file: $0.location?.path, line: $0.location?.line, column: $0.location?.column, message: $0.message)
            }
        }
        let errors = problems(.error)
        let status = Status(build: build, ok: errors.isEmpty, errors: errors, warnings: problems(.warning))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(status)) ?? Data("{}".utf8)
    }

    /// A stream of change messages (Server-Sent Events lines), ending when
    /// the server stops or its continuation is finished.
    func listen() -> (AsyncStream<String>, AsyncStream<String>.Continuation) {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(8))
        guard !closed else {
            continuation.finish()
            return (stream, continuation)
        }
        let id = UUID()
        listeners[id] = continuation
        continuation.onTermination = { _ in Task { await self.forget(id) } }
        return (stream, continuation)
    }

    /// A comment line to every listener, so dead connections are noticed.
    func ping() {
        for listener in listeners.values { listener.yield(": ping\n\n") }
    }

    /// Ends every stream: the server is stopping.
    func close() {
        closed = true
        for listener in listeners.values { listener.finish() }
        listeners = [:]
    }

    var listenerCount: Int { listeners.count }

    private func forget(_ id: UUID) {
        listeners[id] = nil
    }
}
