/// One problem found in the content or the theme, printed in compiler form:
/// `content/events/x.md:7:12: error: unknown actor 'nso' (did you mean 'nso-group'?)`.
public struct Diagnostic: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// How bad a problem is: errors stop a build, warnings do not.
    public enum Severity: String, Sendable, Comparable {
        case error, warning, note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    public var location: SourceLocation?
    public var message: String

    public init(_ severity: Severity, _ message: String, at location: SourceLocation?) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    /// An error at a location.
    public static func error(_ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, message, at: location)
    }

    /// A note: neither a problem nor a likely mistake (what is not translated yet).
    public static func note(_ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.note, message, at: location)
    }

    /// A warning at a location.
    public static func warning(_ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }

    public var description: String {
        (location.map { "\($0): " } ?? "") + "\(severity.rawValue): \(message)"
    }

    /// Sorted by path, line and column; problems without a place come first.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        switch (lhs.location, rhs.location) {
        case (nil, nil): return (lhs.severity, lhs.message) < (rhs.severity, rhs.message)
        case (nil, _): return true
        case (_, nil): return false
        case let (l?, r?):
            if l != r { return l < r }
            return (lhs.severity, lhs.message) < (rhs.severity, rhs.message)
        }
    }
}
