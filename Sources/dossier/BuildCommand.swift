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
    @OptionGroup var output: OutputOptions

    @Option(name: .customLong("output"), help: "The folder to write the site into (replaced as a whole).")
    var outputFolder = "public"

    @Option(name: .customLong("base-url"), help: "Absolute URL the site is published at (overrides site.yaml's base_url).")
    var baseURL: String?

    func validate() throws {
        if let baseURL {
            guard let url = URL(string: baseURL), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
                url.host?.isEmpty == false
            else { throw ValidationError(Messages.badBaseURL(baseURL)) }
        }
    }

    func run() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let builder = Builder(project: options.project(output: outputFolder, baseURL: baseURL), strict: output.strict)
        let printer = output.printer
        let progress = ProgressLine.forTerminal(quiet: output.quiet, format: output.format ?? .automatic)
        var report: BuildProgress?
        if let progress { report = { stage, done, total in progress.report(stage, done, total) } }
        let result = builder.build(progress: report)
        progress?.clear()
        switch result {
        case .success(let summary):
            printer.print(summary.diagnostics)
            let seconds = (clock.now - start) / .seconds(1)
            if output.verbose {
                print(Summary.table(summary, output: outputFolder, seconds: seconds))
            } else if !output.quiet {
                print(Summary.line(summary, output: outputFolder, seconds: seconds))
            }
        case .failure(let failure):
            printer.print(failure.diagnostics, consequence: Messages.nothingWritten)
            throw ExitCode.failure
        }
    }
}

/// What a successful build prints.
enum Summary {
    static func line(_ summary: BuildSummary, output: String, seconds: Double) -> String {
        // Media only when the report has some: most have none.
        let counts = Kind.allCases.filter { $0 != .media || summary.pages[$0] != nil }.map { kind in
            let count = summary.pages[kind] ?? 0
            return "\(count) \(count == 1 ? kind.rawValue : kind.folder)"
        }
        return Messages.built(
            pages: counts.joined(separator: ", "), files: summary.files, output: output, seconds: seconds,
            warnings: summary.diagnostics.warningCount)
    }

    static func table(_ summary: BuildSummary, output: String, seconds: Double) -> String {
        var rows = Kind.allCases.filter { $0 != .media || summary.pages[$0] != nil }.map {
            ($0.pluralTitle.lowercased(), String(summary.pages[$0] ?? 0))
        }
        rows += [
            (Messages.tableFiles, String(summary.files)),
            ("  " + Messages.tableUnchanged, String(summary.unchanged)),
            (Messages.tableWarnings, String(summary.diagnostics.warningCount)),
            (Messages.tableTime, String(format: "%.2f s", seconds)),
        ]
        rows += summary.stages.map { ("  " + $0.stage.rawValue, String(format: "%.2f s", $0.seconds)) }
        rows.append((Messages.tableOutput, output))
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }.joined(separator: "\n")
    }
}
