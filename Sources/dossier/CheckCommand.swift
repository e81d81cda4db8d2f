import ArgumentParser
import DossierKit
import Foundation

/// `dossier check`: every check of `build`, writing nothing.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the content and the theme without writing anything.",
        discussion: "Exit status: 0 no errors, 1 content or template errors, 2 usage errors."
    )

    @OptionGroup var options: ProjectOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        var diagnostics = Builder(project: options.project()).check()
        if output.strict { diagnostics.promoteWarnings() }
        output.printer.print(diagnostics)
        if diagnostics.hasErrors { throw ExitCode.failure }
        guard !output.quiet, (output.format ?? .automatic) == .text else { return }
        print(Messages.checkPassed(warnings: diagnostics.warningCount))
    }
}
