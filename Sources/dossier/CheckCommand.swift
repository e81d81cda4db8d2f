import ArgumentParser
import DossierKit
import DossierLinks
import Foundation

/// `dossier check`: every check of `build`, writing nothing; with
/// `--external`, every external link asked too.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the content and the theme without writing anything.",
        discussion: """
            Exit status: 0 no errors, 1 content or template errors, 2 usage errors.
            With --external, broken and permanently moved external links are warnings (errors with --strict); \
            verdicts are kept in .dossier-cache/ beside the content folder.
            """
    )

    @OptionGroup var options: ProjectOptions
    @OptionGroup var output: OutputOptions

    @Flag(help: "Also check every external link (sources' url and archive_url, links in bodies). Needs the network.")
    var external = false

    @Option(help: "With --external: seconds to wait for each answer.")
    var timeout: Double = 15

    @Option(help: "With --external: seconds for the whole check; links not asked by then are skipped.")
    var timeLimit: Double = 600

    @Flag(help: "With --external: neither read nor write the cache of earlier verdicts.")
    var noCache = false

    func validate() throws {
        try output.validate()
        if !(timeout > 0) || !(timeLimit > 0) { throw ValidationError(Messages.badLinkTimes) }
    }

    func run() async throws {
        let project = options.project()
        var diagnostics: Diagnostics
        var summary: ExternalLinkCheck.Summary?
        if external {
            let collected = Builder(project: project).checkCollectingLinks()
            diagnostics = collected.diagnostics
            var settings = ExternalLinkCheck.Options()
            settings.timeout = timeout
            settings.timeLimit = timeLimit
            settings.skipHosts = collected.skipHosts
            var cache = noCache ? LinkCache() : LinkCache(beside: project.content)
            let fetcher = URLSessionFetcher()
            let (found, figures) = await ExternalLinkCheck(options: settings, fetcher: fetcher).run(collected.links, cache: &cache)
            fetcher.invalidate()
            diagnostics.append(contentsOf: found)
            summary = figures
            if let problem = cache.save() { FileHandle.standardError.write(Data((Messages.cannotSaveLinkCache(problem) + "\n").utf8)) }
        } else {
            diagnostics = Builder(project: project).check()
        }
        if output.strict { diagnostics.promoteWarnings() }
        output.printer.print(diagnostics)
        if let summary, !output.quiet { printSummary(summary) }
        if diagnostics.hasErrors { throw ExitCode.failure }
        guard !output.quiet, (output.format ?? .automatic) == .text else { return }
        print(Messages.checkPassed(warnings: diagnostics.warningCount))
    }

    /// The figures of `--external`, on standard output: a line of text, a
    /// JSON object, or a GitHub notice.
    private func printSummary(_ summary: ExternalLinkCheck.Summary) {
        let text = Messages.externalLinkSummary(
            checked: summary.checked, broken: summary.broken, redirected: summary.redirected, skipped: summary.skipped,
            cached: summary.cached, sourcesWithoutArchive: summary.sourcesWithoutArchive)
        switch output.format ?? .automatic {
        case .text: print(text)
        case .github: print("::notice title=External links::" + text)
        case .json:
            let figures = [
                "checked": summary.checked, "broken": summary.broken, "redirected": summary.redirected, "skipped": summary.skipped,
                "cached": summary.cached, "sourcesWithoutArchive": summary.sourcesWithoutArchive,
            ]
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let line = (try? encoder.encode(["externalLinks": figures])).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
            print(line)
        }
    }
}
