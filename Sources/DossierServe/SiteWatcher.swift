import DossierKit
import Foundation
import ServiceLifecycle

/// Polls the content and templates folders and, on a change, rebuilds what
/// it reaches and tells the browsers. Polling (stat of every file every
/// `interval`) works on every system and file system, network ones too.
struct SiteWatcher: Service {
    let builder: IncrementalBuilder
    let state: SiteState
    let folders: [URL]
    let interval: Duration
    let baseline: TreeSnapshot
    let report: @Sendable (ServeEvent) -> Void
    let background: Background

    /// Time to wait for an editor to finish writing before rebuilding.
    static let settle = Duration.milliseconds(25)
    /// How often listeners get a comment line, so dead connections close.
    static let pingInterval = Duration.seconds(15)

    func run() async throws {
        await cancelWhenGracefulShutdown { [self] in await watch() }
        await state.close()
    }

    private func watch() async {
        var known = baseline
        var lastPing = ContinuousClock.now
        var pause = interval
        while !Task.isCancelled {
            try? await Task.sleep(for: pause)
            guard !Task.isCancelled else { return }
            let folders = folders
            let (scanned, scanTime) = await background.run {
                let start = ContinuousClock.now
                return (TreeSnapshot.take(folders), ContinuousClock.now - start)
            }
            var current = scanned
            // On a very large tree, scanning takes at most a tenth of the time.
            pause = min(max(interval, scanTime * 9), .seconds(2))
            if current == known {
                if ContinuousClock.now - lastPing > Self.pingInterval {
                    await state.ping()
                    lastPing = .now
                }
                continue
            }
            // Wait until two scans agree (an editor may write in steps), at most ~0.5 s.
            for _ in 0..<20 {
                try? await Task.sleep(for: Self.settle)
                let again = await background.run { TreeSnapshot.take(folders) }
                if again == current { break }
                current = again
            }
            let changes = current.changes(since: known).map { Project.displayPath(URL(fileURLWithPath: $0)) }
            known = current
            let builder = builder
            let outcome = await background.run { builder.rebuild() }
            await state.update(outcome)
            report(.built(outcome, changes: changes))
        }
    }
}
