import Dispatch

/// Runs blocking work (file scans, rebuilds) on a Dispatch queue, off the
/// cooperative threads that serve requests.
enum Background {
    private static let queue = DispatchQueue(label: "dossier.serve.background", qos: .userInitiated)

    static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }
}
