import ArgumentParser
import DossierKit
import Foundation

/// `dossier build`: check everything, then write the site.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Check the content and write the site into the output folder.",
        discussion: """
            Nothing is written when any check fails: the output folder keeps the previous site. \
            Exit status: 0 built, 1 content or template errors, 2 usage errors.
            """
    )

    @OptionGroup var options: ProjectOptions

    @Option(help: "The folder to write the site into (replaced as a whole).")
    var output = "public"

    @Option(name: .customLong("base-url"), help: "Absolute URL the site is published at (overrides site.yaml's base_url).")
    var baseURL: String?

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func validate() throws {
        if let baseURL {
            guard let url = URL(string: baseURL), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
                url.host?.isEmpty == false
            else { throw ValidationError("--base-url must be an absolute http or https URL, got '\(baseURL)'") }
        }
    }

    func run() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let builder = Builder(project: options.project(output: output, baseURL: baseURL))
        if strict {
            var diagnostics = builder.check()
            diagnostics.promoteWarnings()
            if diagnostics.hasErrors {
                DiagnosticPrinter.standardError.print(diagnostics, consequence: "nothing was written")
                throw ExitCode.failure
            }
        }
        switch builder.build() {
        case .success(let summary):
            DiagnosticPrinter.standardError.print(summary.diagnostics)
            let seconds = (clock.now - start) / .seconds(1)
            print(Summary.line(summary, output: output, seconds: seconds))
        case .failure(let failure):
            DiagnosticPrinter.standardError.print(failure.diagnostics, consequence: "nothing was written")
            throw ExitCode.failure
        }
    }
}

/// The one line a successful build prints.
enum Summary {
    static func line(_ summary: BuildSummary, output: String, seconds: Double) -> String {
        let counts = Kind.allCases.map { kind in
            let count = summary.pages[kind] ?? 0
            return "\(count) \(count == 1 ? kind.rawValue : kind.folder)"
        }
        let warnings = summary.diagnostics.warningCount
        let warningText = warnings == 0 ? "" : ", \(warnings) warning\(warnings == 1 ? "" : "s")"
        return "built \(counts.joined(separator: ", ")) (\(summary.files) files) into \(output) in "
            + String(format: "%.2f s", seconds) + warningText
    }
}
