import DossierKit
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// `dossier serve`: builds the site into memory, serves it over HTTP with
/// Hummingbird, and rebuilds what each edit reaches while browsers reload.
/// Stops cleanly on SIGINT or SIGTERM (swift-service-lifecycle).
public actor PreviewServer {
    public let project: Project
    public let host: String
    public let port: Int
    public let pollInterval: Duration
    private let report: @Sendable (ServeEvent) -> Void
    private var group: ServiceGroup?
    private var stopRequested = false

    /// `port` 0 picks a free port (reported by `.listening`).
    public init(
        project: Project, host: String = "127.0.0.1", port: Int = 8000, pollInterval: Duration = .milliseconds(200),
        report: @escaping @Sendable (ServeEvent) -> Void
    ) {
        self.project = project
        self.host = host
        self.port = port
        self.pollInterval = pollInterval
        self.report = report
    }

    /// Builds, then serves until stopped; signals stop it when `handlingSignals`.
    public func run(handlingSignals: Bool = true) async throws {
        let builder = IncrementalBuilder(project: project)
        let state = SiteState()
        let folders = [project.content, project.templates]
        let background = Background()
        let baseline = await background.run { TreeSnapshot.take(folders) }
        let first = await background.run { builder.rebuild() }
        await state.update(first)
        report(.built(first, changes: []))
        var logger = Logger(label: "dossier-serve")
        logger.logLevel = .warning
        let watcher = SiteWatcher(
            builder: builder, state: state, folders: folders, interval: pollInterval, baseline: baseline, report: report,
            background: background)
        let (host, report) = (host, report)
        let app = Application(
            responder: SiteResponder(state: state),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            services: [watcher],
            onServerRunning: { channel in report(.listening(host: host, port: channel.localAddress?.port ?? 0)) },
            logger: logger)
        var configuration = ServiceGroupConfiguration(
            services: [.init(service: app)], gracefulShutdownSignals: handlingSignals ? [.sigterm, .sigint] : [],
            logger: logger)
        configuration.maximumGracefulShutdownDuration = .seconds(3)
        let group = ServiceGroup(configuration: configuration)
        self.group = group
        if stopRequested { await group.triggerGracefulShutdown() }
        defer { report(.stopped) }
        try await group.run()
    }

    /// Stops the server as Ctrl-C does.
    public func stop() async {
        stopRequested = true
        await group?.triggerGracefulShutdown()
    }
}
