import Foundation
import Testing

/// The progress line of a long build: drawn on a terminal only, erased
/// before the summary, absent with `--quiet`, in pipes and on a dumb terminal.
@Suite(.serialized) struct ProgressTests {
    static let erase = "\r\u{1B}[K"

    /// `dossier ARGUMENTS` under a pseudo-terminal (util-linux `script`):
    /// everything the terminal received, both streams merged. The line shows
    /// after `delay` seconds (`DOSSIER_PROGRESS_DELAY`): from the start by
    /// default, so that what the tests see does not depend on the machine's speed.
    static func onTerminal(
        _ arguments: [String], in folder: URL, term: String = "xterm", delay: String = "0"
    ) throws -> String {
        let quoted = ([try CLITests.binary().path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", quoted.joined(separator: " "), "/dev/null"]
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = term
        environment["DOSSIER_PROGRESS_DELAY"] = delay
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }

    static func arguments(_ content: URL, _ folder: URL, _ extra: [String] = []) -> [String] {
        [
            "build", "--content", content.path, "--templates", CLITests.templates.path,
            "--output", folder.appendingPathComponent("public").path,
        ] + extra
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs util-linux script"))
    func longBuildShowsProgressOnATerminal() throws {
        try FaultTests.withTemporaryFolder { folder in
            // 500 events: 1013 pages (the media index and the event and connection lists of busy entries among
            // them). Shown from the start here, redrawn at most ten times a second.
            let content = try FaultTests.generate(events: 500, in: folder)
            let shown = try Self.onTerminal(Self.arguments(content, folder), in: folder)
            // Counting up to every page, then the last stage, then erased before the summary.
            #expect(shown.contains(Self.erase + "rendering 1013/1013 pages"), "\(shown.prefix(400))")
            #expect(shown.contains(Self.erase + "writing…"))
            let draws = shown.components(separatedBy: Self.erase + "rendering ").count - 1
            #expect(draws >= 2 && draws < 100, "drawn \(draws) times")
            // Erased before the warnings and the summary, and never drawn after them.
            let summary = try #require(shown.range(of: "built 100 actors"))
            #expect(shown.contains("writing…" + Self.erase + "content/"), "\(shown.suffix(300))")
            let lastDraw = try #require(shown.range(of: Self.erase, options: .backwards))
            #expect(lastDraw.upperBound < summary.lowerBound)
            #expect(!shown.contains("1013/1013 pages" + Self.erase + "rendering 1013/1013"), "the same count drawn twice")

            for quiet in [["-q"], ["--format", "json"]] {
                let run = try Self.onTerminal(Self.arguments(content, folder, quiet), in: folder)
                #expect(!run.contains("\u{1B}[K"), "progress shown with \(quiet)")
            }
            #expect(!(try Self.onTerminal(Self.arguments(content, folder), in: folder, term: "dumb")).contains("\u{1B}[K"))
            // A build shorter than the delay never shows the line.
            let short = try Self.onTerminal(Self.arguments(content, folder), in: folder, delay: "3600")
            #expect(short.contains("built 100 actors") && !short.contains("\u{1B}[K"), "\(short.suffix(300))")
            // Not a terminal: nothing but the summary and diagnostics.
            let piped = try CLITests.run(Self.arguments(content, folder), in: folder)
            #expect(piped.status == 0)
            #expect(!piped.stderr.contains("\u{1B}[K") && !piped.stdout.contains("\u{1B}[K"))
        }
    }

    /// `-v` lists the time of each stage under the total.
    @Test func verboseSummaryTimesEachStage() throws {
        try FaultTests.withTemporaryFolder { folder in
            let content = try FaultTests.smallSite(in: folder)
            let run = try CLITests.run(Self.arguments(content, folder, ["-v"]), in: folder)
            #expect(run.status == 0)
            let names = run.stdoutLines.compactMap { line -> String? in
                guard line.hasPrefix("  "), line.hasSuffix(" s") else { return nil }
                return line.trimmingCharacters(in: .whitespaces).components(separatedBy: "  ").first
            }
            #expect(names == ["reading content", "checking", "rendering", "writing"], "\(run.stdout)")
        }
    }
}
