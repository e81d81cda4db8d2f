import DossierKit
import DossierServe
import Foundation

/// A `PreviewServer` on a free loopback port, for one test.
final class RunningServer: Sendable {
    let server: PreviewServer
    let client: HTTPClient
    let events: AsyncStream<ServeEvent>
    private let task: Task<Void, any Error>

    /// Starts the server and waits until it listens.
    static func start(_ project: Project) async throws -> RunningServer {
        let (events, continuation) = AsyncStream<ServeEvent>.makeStream()
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        let server = PreviewServer(project: project, port: 0, pollInterval: .milliseconds(50)) { event in
            continuation.yield(event)
            if case .listening(_, let port) = event { portContinuation.yield(port) }
            if case .stopped = event { continuation.finish() }
        }
        let task = Task { try await server.run(handlingSignals: false) }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw HTTPClient.Failure(description: "server did not start") }
        return RunningServer(server: server, client: HTTPClient(port: port), events: events, task: task)
    }

    /// Runs `body` against a started server and stops the server afterwards,
    /// also when `body` throws, so no server outlives its test.
    static func with(_ project: Project, _ body: (RunningServer) async throws -> Void) async throws {
        let running = try await start(project)
        do {
            try await body(running)
        } catch {
            try? await running.stop()
            throw error
        }
        try await running.stop()
    }

    private init(server: PreviewServer, client: HTTPClient, events: AsyncStream<ServeEvent>, task: Task<Void, any Error>) {
        self.server = server
        self.client = client
        self.events = events
        self.task = task
    }

    /// Stops the server as Ctrl-C does, and waits until `run` returns.
    func stop() async throws {
        await server.stop()
        try await task.value
    }
}
