import Foundation

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
