import ArgumentParser
import DossierKit
import DossierLinks
import Foundation

/// `dossier archive`: the Internet Archive's snapshots of the sources that
/// have none yet, printed as the lines to add; content is never written.
struct ArchiveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Find archived copies of sources without archive_url, and print the lines to add.",
        discussion: """
            Asks the Internet Archive's availability API, one source at a time, for the snapshot closest to the \\
            source's 'accessed' (or 'date') day. Prints what it finds; never writes into content files.
            Exit status: 0 (with or without snapshots), 1 when the content cannot be read.
            """
    )

    @OptionGroup var options: ProjectOptions

    @Option(help: ArgumentHelp("The availability API's address.", visibility: .hidden))
    var api = ArchiveLookup.availabilityAPI

    func run() async throws {
        let (diagnostics, entries) = Builder(project: options.project()).loadEntries()
        if diagnostics.hasErrors {
            DiagnosticPrinter.standardError().print(diagnostics)
            throw ExitCode.failure
        }
        let candidates = ArchiveLookup.candidates(entries)
        let fetcher = URLSessionFetcher()
        let lookup = ArchiveLookup(api: api, fetcher: fetcher)
        var found = 0
        for entry in candidates {
            switch await lookup.find(for: entry) {
            case .snapshot(let url, let date):
                found += 1
                print(Messages.archiveFound(path: entry.path, url: url, date: date))
            case .none: print(Messages.archiveNotFound(path: entry.path))
            case .failed(let reason): print(Messages.archiveLookupFailed(path: entry.path, reason: reason))
            }
        }
        fetcher.invalidate()
        print(Messages.archiveSummary(found: found, of: candidates.count))
    }
}
