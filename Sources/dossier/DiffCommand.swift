import ArgumentParser
import DossierKit
import Foundation

/// `dossier diff OLD NEW`: files added, changed and removed between two builds.
struct DiffCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "List the files added, changed and removed between two built sites.",
        discussion: "Exit status: 0 (with or without differences), 1 when a folder cannot be read."
    )

    @Argument(help: "The older site folder.")
    var old: String

    @Argument(help: "The newer site folder.")
    var new: String

    @Option(help: "text, json or markdown.")
    var format: Format = .text

    func run() throws {
        let diff: SiteDiff
        do {
            diff = try SiteDiff.compare(old: URL(fileURLWithPath: old), new: URL(fileURLWithPath: new))
        } catch {
            FileHandle.standardError.write(Data((Messages.cannotCompare(error.localizedDescription) + "\n").utf8))
            throw ExitCode.failure
        }
        switch format {
        case .text: print(diff.text(), terminator: "")
        case .json: print(diff.json(), terminator: "")
        case .markdown: print(diff.markdown(), terminator: "")
        }
    }
}
