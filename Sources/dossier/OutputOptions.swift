import ArgumentParser
import DossierKit
import Foundation

/// How diagnostics are printed: for people, for scripts, or for GitHub.
enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, github

    /// `github` inside GitHub Actions, `text` elsewhere.
    static var automatic: DiagnosticFormat {
        ProcessInfo.processInfo.environment["GITHUB_ACTIONS"] == "true" ? .github : .text
    }
}

/// `--format`, `--quiet` and `--verbose`, shared by `build` and `check`.
struct OutputOptions: ParsableArguments {
    @Option(
        help:
            "Diagnostics as 'text', 'json' (one object per line) or 'github' (workflow annotations; the default when GITHUB_ACTIONS=true).")
    var format: DiagnosticFormat?

    @Flag(name: .shortAndLong, help: "Print errors only, and no summary.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print a summary table.")
    var verbose = false

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func validate() throws {
        if quiet && verbose { throw ValidationError(Messages.quietAndVerbose) }
    }

    var printer: DiagnosticPrinter {
        DiagnosticPrinter.standardError(format: format ?? .automatic, quiet: quiet, verbose: verbose)
    }
}
