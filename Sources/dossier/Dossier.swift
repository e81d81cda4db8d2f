import ArgumentParser
import DossierKit
import Foundation

/// The `dossier` command: thin commands over DossierKit's `Builder`.
@main
struct Dossier: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Build a linked, checked report site from Markdown files.",
        version: version,
        subcommands: [
            BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self, DiffCommand.self, ArchiveCommand.self,
        ]
    )

    /// Exit status 0 on success, 1 for content or template errors, 2 for
    /// usage errors (swift-argument-parser's own usage status is 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                Foundation.exit(0)
            }
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
