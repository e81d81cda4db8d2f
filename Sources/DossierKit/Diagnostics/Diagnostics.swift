/// The collector every stage takes `inout`: stages never throw on bad
/// content, they record a diagnostic and go on, so one run reports everything.
public struct Diagnostics: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init(_ diagnostics: [Diagnostic] = []) {
        all = diagnostics
    }

    public mutating func append(_ diagnostic: Diagnostic) {
        all.append(diagnostic)
    }

    public mutating func append(contentsOf other: Diagnostics) {
        all.append(contentsOf: other.all)
    }

    public var hasErrors: Bool { all.contains { $0.severity == .error } }
    public var errorCount: Int { all.count { $0.severity == .error } }
    public var warningCount: Int { all.count { $0.severity == .warning } }

    /// Every diagnostic once, sorted by place: the order they are printed in.
    public var sorted: [Diagnostic] { Array(Set(all)).sorted() }

    /// Turns every warning into an error (`--strict`).
    public mutating func promoteWarnings() {
        all = all.map { $0.severity == .warning ? Diagnostic(.error, $0.message, at: $0.location) : $0 }
    }
}
