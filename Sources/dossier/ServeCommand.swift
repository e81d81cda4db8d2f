import ArgumentParser
import DossierKit
import DossierServe
import Foundation

/// `dossier serve`: builds the site into memory, serves it, and rebuilds
/// what each edit reaches while open pages reload.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it locally and rebuild it on every edit.",
        discussion: """
            Pages reload by themselves after an edit; errors are printed here and shown over the page, \
            and the last good site is served until they are fixed. Nothing is written to disk. Ctrl-C stops.
            """
    )

    @OptionGroup var options: ProjectOptions

    @Option(help: "The address to listen on (loopback by default: only this machine can connect).")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 8000

    @Flag(name: .shortAndLong, help: "Print how long each stage of every rebuild took.")
    var verbose = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError(Messages.badPort(port)) }
    }

    func run() async throws {
        let log = ServeLog(printer: .standardError(), verbose: verbose)
        if !["127.0.0.1", "localhost", "::1"].contains(host) && !host.hasPrefix("127.") {
            log.say(Messages.servingOutsideLoopback(host))
        }
        let server = PreviewServer(project: options.project(), host: host, port: port) { log.report($0) }
        do {
            try await server.run()
        } catch {
            FileHandle.standardError.write(Data((Messages.cannotServe(host: host, port: port, reason: "\(error)") + "\n").utf8))
            throw ExitCode.failure
        }
    }
}
