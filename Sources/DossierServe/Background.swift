import Dispatch

/// Runs blocking work (file scans, rebuilds) on a serial Dispatch queue of
/// one server, off the cooperative threads that serve requests.
struct Background: Sendable {
    private let queue = DispatchQueue(label: "dossier.serve.background", qos: .userInitiated)

    func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }
}
