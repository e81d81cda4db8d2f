import ArgumentParser
import DossierKit
import Foundation

/// `dossier new KIND SLUG`: a valid starter file at the right place.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a starter file for a new actor, country, event, source or page.",
        discussion: "Prints the new file's path. Refuses a bad slug or one the kind already uses."
    )

    @Argument(help: "actor, country, event, source or page.")
    var kind: Kind

    @Argument(help: "The slug: 1 to 80 characters of a-z, 0-9 and '-'.")
    var slug: String

    @Option(help: "The name or title (default: made from the slug).")
    var title: String?

    @Option(help: "A country's ISO 3166-1 alpha-2 code, such as FR (required for countries).")
    var code: String?

    @Option(help: "The content folder.")
    var content = "content"

    func run() throws {
        do {
            let url = try Scaffold.create(kind, slug: slug, title: title, code: code, content: URL(fileURLWithPath: content))
            print(Project.displayPath(url))
        } catch {
            FileHandle.standardError.write(Data((Messages.cannotCreate("\(error)") + "\n").utf8))
            throw ExitCode.failure
        }
    }
}

extension Kind: ExpressibleByArgument {}
