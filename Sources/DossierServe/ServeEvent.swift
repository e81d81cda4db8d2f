import DossierKit

/// What the preview server reports, for the command line to print.
public enum ServeEvent: Sendable {
    /// A build finished: the first one (`changes` empty) or one after
    /// `changes`, the files (paths as shown in diagnostics) seen changing.
    case built(RebuildOutcome, changes: [String])
    /// The server listens: `port` is the one bound (useful with port 0).
    case listening(host: String, port: Int)
    /// The server stopped (Ctrl-C, SIGTERM or `stop()`).
    case stopped
}
