import Foundation
import Testing

/// Runs the built `dossier` binary: exit status, exact output, and an output
/// folder left untouched when the content is broken.
@Suite struct CLITests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = packageRoot.appendingPathComponent("Tests/DossierKitTests/Fixtures")
    static let templates = packageRoot.appendingPathComponent("templates")

    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
        var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
        var stdoutLines: [String] { stdout.split(separator: "\n").map(String.init) }
    }

    /// The `dossier` executable of the build products folder the tests run
    /// from: next to the test bundle (`*.xctest`, a bundle on macOS, the test
    /// executable itself on Linux).
    static func binary() throws -> URL {
        var starts = Bundle.allBundles.map(\.bundleURL).filter { $0.pathExtension == "xctest" }
        if let executable = Bundle.main.executableURL { starts.append(executable) }
        var searched: [String] = []
        for start in starts {
            var folder = start.resolvingSymlinksInPath().deletingLastPathComponent()
            for _ in 0..<4 {
                let candidate = folder.appendingPathComponent("dossier")
                var isDirectory: ObjCBool = false
                searched.append(folder.path)
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                    FileManager.default.isExecutableFile(atPath: candidate.path)
                {
                    return candidate
                }
                folder = folder.deletingLastPathComponent()
            }
        }
        Issue.record("the dossier binary was not found next to the test bundle (searched \(searched)): build it with `swift build`")
        throw CocoaError(.fileNoSuchFile)
    }

    /// Runs `dossier arguments` in `folder`, with colour off.
    static func run(_ arguments: [String], in folder: URL, environment extra: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["GITHUB_ACTIONS"] = nil  // text diagnostics unless a test asks otherwise
        environment.merge(extra) { _, new in new }
        process.environment = environment
        // Output goes to files, not pipes, so a full pipe can never block the child.
        let logs = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-cli-log-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: logs) }
        let outURL = logs.appendingPathComponent("stdout"), errURL = logs.appendingPathComponent("stderr")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Run(
            status: process.terminationStatus, stdout: try String(contentsOf: outURL, encoding: .utf8),
            stderr: try String(contentsOf: errURL, encoding: .utf8))
    }

    /// A fresh temporary folder, removed when `body` returns.
    static func withTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder)
    }

    /// Every file and folder under `folder`, files with their bytes.
    static func snapshot(of folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for path in FileManager.default.subpaths(atPath: folder.path) ?? [] {
            let url = folder.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            result[path] = isDirectory.boolValue ? Data("<folder>".utf8) : try Data(contentsOf: url)
        }
        return result
    }

    @Test func version() throws {
        let run = try Self.withTemporaryFolder { try Self.run(["--version"], in: $0) }
        #expect(run.status == 0)
        #expect(run.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(run.stdout)")
        #expect(run.stderr == "")
    }

    @Test func help() throws {
        let run = try Self.withTemporaryFolder { try Self.run(["--help"], in: $0) }
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE: dossier"))
        #expect(run.stdout.contains("build") && run.stdout.contains("check"))
        #expect(run.stderr == "")
    }

    @Test(arguments: [["--bogus"], ["build", "--bogus"], ["check", "--output"], ["frobnicate"], ["build", "--base-url", "ftp://x"]])
    func usageErrorExitsTwo(_ arguments: [String]) throws {
        try Self.withTemporaryFolder { folder in
            let run = try Self.run(arguments, in: folder)
            #expect(run.status == 2)
            #expect(run.stdout == "")
            #expect(run.stderr.hasPrefix("Error: "), "\(run.stderr)")
            #expect(try Self.snapshot(of: folder).isEmpty, "a usage error wrote something")
        }
    }

    @Test(arguments: ["build", "check"])
    func brokenTreeExitsOneAndWritesNothing(_ command: String) throws {
        let fixture = Self.fixtures.appendingPathComponent("invalid/unknown-actor-in-body")
        try Self.withTemporaryFolder { folder in
            try FileManager.default.copyItem(at: fixture.appendingPathComponent("content"), to: folder.appendingPathComponent("content"))
            let output = folder.appendingPathComponent("public")
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            try Data("<p>previous site</p>\n".utf8).write(to: output.appendingPathComponent("index.html"))
            try Data("sentinel\n".utf8).write(to: output.appendingPathComponent("sentinel.txt"))
            let before = try Self.snapshot(of: folder)
            let run = try Self.run([command, "--templates", Self.templates.path], in: folder)
            #expect(run.status == 1)
            #expect(run.stdout == "")
            #expect(
                run.stderrLines == [
                    "content/events/pegasus-project.md:6:23: error: unknown actor 'nso' (did you mean 'nso-group'?)",
                    command == "build" ? "1 error: nothing was written" : "1 error",
                ])
            #expect(try Self.snapshot(of: folder) == before, "files changed")
        }
    }

    /// Files and folders get 0666 and 0777 less the umask, as Foundation's
    /// writes gave them: a group-writable umask gives a group-writable site.
    @Test(arguments: [("002", 0o664, 0o775), ("077", 0o600, 0o700)])
    func writtenFilesFollowTheUmask(_ umask: String, _ file: Int, _ folder: Int) throws {
        try Self.withTemporaryFolder { root in
            try FileManager.default.copyItem(
                at: Self.fixtures.appendingPathComponent("sites/minimal"), to: root.appendingPathComponent("content"))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = [
                "-c", "umask \(umask) && exec \"$0\" \"$@\"", try Self.binary().path,
                "build", "-q", "--templates", Self.templates.path,
            ]
            process.currentDirectoryURL = root
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            func mode(_ path: String) -> Int {
                var info = stat()
                guard stat(root.appendingPathComponent("public/" + path).path, &info) == 0 else { return -1 }
                return Int(info.st_mode & 0o777)
            }
            for path in ["index.html", "events/index.html", "assets/style.css", "data/report.json"] {
                #expect(mode(path) == file, "\(path)")
            }
            for path in ["events", "actors/acme-surveillance", "assets"] {
                #expect(mode(path) == folder, "\(path)")
            }
        }
    }

    @Test func goodTreeBuildsWithOneSummaryLine() throws {
        try Self.withTemporaryFolder { folder in
            try FileManager.default.copyItem(
                at: Self.fixtures.appendingPathComponent("sites/minimal"), to: folder.appendingPathComponent("content"))
            let run = try Self.run(["build", "--templates", Self.templates.path], in: folder)
            #expect(run.status == 0)
            #expect(run.stdoutLines.count == 1)
            let summary =
                #"^built 3 actors, 2 countries, 3 events, 2 sources, 1 page, 2 media \(\d+ files\) into public in \d+\.\d\d s, 1 warning\n$"#
            #expect(run.stdout.range(of: summary, options: .regularExpression) != nil, "\(run.stdout)")
            #expect(
                run.stderrLines == [
                    "content/events/report-published.md:16:81: warning: unsafe link 'javascript:alert(1)' is disabled: its text stays, without the link"
                ])
            let home = try String(contentsOf: folder.appendingPathComponent("public/index.html"), encoding: .utf8)
            #expect(home.contains("<title>Minimal report</title>"))
            // The file count printed is the number of files written.
            let files =
                FileManager.default.subpaths(atPath: folder.appendingPathComponent("public").path)?.filter {
                    var isDirectory: ObjCBool = false
                    let exists = FileManager.default.fileExists(
                        atPath: folder.appendingPathComponent("public/\($0)").path, isDirectory: &isDirectory)
                    return exists && !isDirectory.boolValue
                } ?? []
            #expect(run.stdout.contains("(\(files.count) files)"))

            // A second build replaces the site and says the same.
            let again = try Self.run(["build", "--templates", Self.templates.path], in: folder)
            #expect(again.status == 0 && again.stdoutLines.count == 1)
        }
    }

    @Test func checkOfAGoodTreeWritesNothing() throws {
        try Self.withTemporaryFolder { folder in
            try FileManager.default.copyItem(
                at: Self.fixtures.appendingPathComponent("sites/minimal"), to: folder.appendingPathComponent("content"))
            let before = try Self.snapshot(of: folder)
            let run = try Self.run(["check", "--templates", Self.templates.path], in: folder)
            #expect(run.status == 0)
            #expect(run.stdout == "no errors, 1 warning\n")
            #expect(try Self.snapshot(of: folder) == before)
            let strict = try Self.run(["check", "--strict", "--templates", Self.templates.path], in: folder)
            #expect(strict.status == 1)
            #expect(
                strict.stderrLines == [
                    "content/events/report-published.md:16:81: error: unsafe link 'javascript:alert(1)' is disabled: its text stays, without the link",
                    "1 error",
                ])
        }
    }

    /// A report in two languages: `check` notes how much is translated;
    /// with `-v` it lists each page not translated yet. Notes are never
    /// errors, even with `--strict`.
    @Test func checkNotesWhatIsNotTranslatedYet() throws {
        try Self.withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("content")
            try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("sites/minimal"), to: content)
            let settings = content.appendingPathComponent("site.yaml")
            let yaml = try String(contentsOf: settings, encoding: .utf8)
            try Data(yaml.replacingOccurrences(of: "language: en", with: "languages: [en, fr]").utf8).write(to: settings)
            try Data("---\ntitle: À propos\n---\nCe rapport.\n".utf8).write(to: content.appendingPathComponent("pages/about.fr.md"))
            let run = try Self.run(["check", "--strict", "--templates", Self.templates.path], in: folder)
            #expect(run.status == 1)  // the fixture's one warning, made an error
            #expect(run.stderrLines.filter { $0.contains("note:") } == ["note: 'fr': 1 of 13 pages translated, 12 not yet"])
            let verbose = try Self.run(["check", "-v", "--templates", Self.templates.path], in: folder)
            let listed = verbose.stderrLines.filter { $0.hasSuffix("note: not translated into 'fr' yet") }
            #expect(listed.count == 13)  // 12 pages and site.yaml
            #expect(listed.contains("content/actors/acme-surveillance.md: note: not translated into 'fr' yet"))
            #expect(listed.contains("content/site.yaml: note: not translated into 'fr' yet"))
            #expect(!listed.contains { $0.hasPrefix("content/pages/about") })
        }
    }

    /// `build --strict` makes each warning an error, reports it once, and
    /// writes nothing (no test covered the build's strict mode before).
    @Test func strictBuildReportsWarningsOnceAndWritesNothing() throws {
        try Self.withTemporaryFolder { folder in
            try FileManager.default.copyItem(
                at: Self.fixtures.appendingPathComponent("sites/minimal"), to: folder.appendingPathComponent("content"))
            let before = try Self.snapshot(of: folder)
            let run = try Self.run(["build", "--strict", "--templates", Self.templates.path], in: folder)
            #expect(run.status == 1)
            #expect(run.stdout == "")
            #expect(
                run.stderrLines == [
                    "content/events/report-published.md:16:81: error: unsafe link 'javascript:alert(1)' is disabled: its text stays, without the link",
                    "1 error: nothing was written",
                ])
            #expect(try Self.snapshot(of: folder) == before, "files changed")
        }
    }

    @Test func refusesAnOutputFolderHoldingTheContent() throws {
        try Self.withTemporaryFolder { folder in
            let site = folder.appendingPathComponent("site")
            try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: Self.fixtures.appendingPathComponent("sites/minimal"), to: site.appendingPathComponent("content"))
            let before = try Self.snapshot(of: folder)
            let run = try Self.run(
                ["build", "--content", "site/content", "--templates", Self.templates.path, "--output", "site"], in: folder)
            #expect(run.status == 1)
            #expect(run.stdout == "")
            #expect(run.stderrLines.contains("site: error: refusing to write the site here: it would replace the content folder"))
            #expect(run.stderrLines.last?.hasSuffix(": nothing was written") == true)
            #expect(try Self.snapshot(of: folder) == before, "files changed")
        }
    }

    @Test func machineReadableDiagnostics() throws {
        let fixture = Self.fixtures.appendingPathComponent("invalid/unknown-actor-in-body")
        try Self.withTemporaryFolder { folder in
            try FileManager.default.copyItem(at: fixture.appendingPathComponent("content"), to: folder.appendingPathComponent("content"))
            let json = try Self.run(["check", "--format", "json", "--templates", Self.templates.path], in: folder)
            #expect(json.status == 1)
            #expect(
                json.stderrLines == [
                    #"{"column":23,"file":"content/events/pegasus-project.md","line":6,"message":"unknown actor 'nso' (did you mean 'nso-group'?)","severity":"error"}"#
                ])
            let github = try Self.run(["check", "--format", "github", "--templates", Self.templates.path], in: folder)
            #expect(github.status == 1)
            #expect(
                github.stderrLines == [
                    "::error file=content/events/pegasus-project.md,line=6,col=23::unknown actor 'nso' (did you mean 'nso-group'?)"
                ])
        }
    }
}
