import Foundation
import Testing

/// `dossier check --external` against a server of the test's own on
/// 127.0.0.1, answering each way a real host may: nothing here touches the
/// internet.
@Suite(.serialized) struct ExternalLinksCLITests {
    /// Counts the requests for one path (the 429 that passes the second time).
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var counts: [String: Int] = [:]
        func next(_ path: String) -> Int {
            lock.withLock {
                counts[path, default: 0] += 1
                return counts[path] ?? 0
            }
        }
    }

    static func server() throws -> TestHTTPServer {
        let counter = Counter()
        let server = try TestHTTPServer { method, path in
            switch path {
            case "/ok", "/ok2", "/archive", "/final": return .status(200)
            case "/chain": return .status(301, headers: ["Location": "/chain2"])
            case "/chain2": return .status(308, headers: ["Location": "/final"])
            case "/temp": return .status(302, headers: ["Location": "/ok"])
            case "/404": return .status(404)
            case "/410": return .status(410)
            case "/429-once": return counter.next(path) == 1 ? .status(429, headers: ["Retry-After": "1"]) : .status(200)
            case "/429-always": return .status(429, headers: ["Retry-After": "100"])
            case "/500": return .status(500)
            case "/reset": return .reset
            case "/silent", "/silent2", "/silent3": return .silent
            case "/head-refused": return method == "HEAD" ? .status(405) : .status(200)
            default: return .status(404)
            }
        }
        return server
    }

    static let bodyPaths = [
        "/chain", "/temp", "/410", "/429-once", "/429-always", "/500", "/reset", "/silent", "/head-refused",
    ]

    /// A project whose links all lead to `server`, and one to a skipped host.
    static func writeProject(in folder: URL, server: TestHTTPServer) throws {
        var files: [String: String] = [
            "content/site.yaml": "title: T\ndescription: D\nlanguage: en\nlink_check_skip: [skipped.example]\n",
            "content/sources/fine.md":
                "---\ntitle: Fine\npublisher: P\nurl: \(server.url("/ok"))\narchive_url: \(server.url("/archive"))\n---\n",
            "content/sources/gone.md": "---\ntitle: Gone\npublisher: P\nurl: \(server.url("/404"))\n---\n",
            "content/sources/dead.md":
                "---\ntitle: Dead\npublisher: P\nurl: \(server.url("/never-asked"))\narchive_url: \(server.url("/ok2"))\nurl_status: dead\n---\n",
            "content/events/e.md": "---\ntitle: E\ndate: 2020\nsources: [fine, gone, dead]\n---\n",
        ]
        let body = (bodyPaths.map { server.url($0) } + ["http://skipped.example/x"]).map { "[a](\($0))" }.joined(separator: "\n\n")
        files["content/pages/links.md"] = "---\ntitle: Links\n---\n" + body + "\n"
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// The line of the body's link to `path` (one link per paragraph from line 4).
    static func line(_ path: String) -> Int { 4 + 2 * (bodyPaths.firstIndex(of: path) ?? 0) }

    @Test func everyKindOfAnswerInEveryFormatAndTheCache() throws {
        let server = try Self.server()
        defer { server.stop() }
        try CLITests.withTemporaryFolder { folder in
            try Self.writeProject(in: folder, server: server)
            let arguments = ["check", "--external", "--timeout", "2", "--templates", CLITests.templates.path]
            let run = try CLITests.run(arguments, in: folder)
            #expect(run.status == 0, "warnings only: \(run.stderr)")
            let links = "content/pages/links.md"
            let warnings = run.stderrLines.filter { $0.contains("external link") || $0.contains("archive_url") }
            #expect(warnings.count == 7, "\(warnings)")
            #expect(
                Array(warnings.prefix(3)) == [
                    "\(links):\(Self.line("/chain")):5: warning: external link '\(server.url("/chain"))' has moved permanently to '\(server.url("/final"))': link to the new address",
                    "\(links):\(Self.line("/410")):5: warning: external link '\(server.url("/410"))' is broken: gone (410)",
                    "\(links):\(Self.line("/500")):5: warning: external link '\(server.url("/500"))' is broken: server error (500)",
                ])
            #expect(
                warnings.dropFirst(3).first?.hasPrefix(
                    "\(links):\(Self.line("/reset")):5: warning: external link '\(server.url("/reset"))' is broken: connection failed")
                    == true)
            #expect(
                warnings.dropFirst(4).first
                    == "\(links):\(Self.line("/silent")):5: warning: external link '\(server.url("/silent"))' is broken: no answer in time")
            #expect(
                Array(warnings.suffix(2)) == [
                    "content/sources/gone.md:4:6: warning: external link '\(server.url("/404"))' is broken: not found (404)",
                    "content/sources/gone.md:4:6: warning: this source's url is broken and it has no archive_url: add an archived copy, and 'url_status: dead' if the original is gone",
                ])
            #expect(
                run.stdoutLines.first
                    == "external links: 12 checked (0 from the cache), 5 broken, 2 redirected, 2 skipped; 1 source has a broken url and no archive_url"
            )
            let asked = server.requests
            #expect(asked.contains("HEAD /head-refused") && asked.contains("GET /head-refused"), "HEAD falls back to GET")
            #expect(asked.filter { $0.hasSuffix(" /429-once") } == ["HEAD /429-once", "HEAD /429-once"], "asked again after Retry-After")
            #expect(asked.filter { $0.hasSuffix(" /429-always") } == ["HEAD /429-always"], "a long Retry-After is not waited for")
            #expect(!asked.contains { $0.hasSuffix("/never-asked") }, "a dead source's original is not asked")
            #expect(asked.contains("HEAD /chain2") && asked.contains("HEAD /final"), "redirects are followed")
            // The cache: beside content/, ignored by git, and a second run asks only what may have changed since.
            let ignore = try String(contentsOf: folder.appendingPathComponent(".dossier-cache/.gitignore"), encoding: .utf8)
            #expect(ignore == "*\n")
            let before = asked.count
            let json = try CLITests.run(arguments + ["--format", "json"], in: folder)
            let again = Set(server.requests.dropFirst(before).map { $0.split(separator: " ")[1] })
            #expect(again == ["/429-always", "/500", "/reset", "/silent"], "transient failures only")
            #expect(
                json.stdoutLines
                    == [#"{"externalLinks":{"broken":5,"cached":9,"checked":12,"redirected":2,"skipped":2,"sourcesWithoutArchive":1}}"#])
            #expect(
                json.stderrLines.contains(
                    #"{"column":5,"file":"content/pages/links.md","line":\#(Self.line("/410")),"message":"external link '\#(server.url("/410"))' is broken: gone (410)","severity":"warning"}"#
                ))
            // --strict and GitHub annotations, without the cache.
            let github = try CLITests.run(arguments + ["--format", "github", "--strict", "--no-cache"], in: folder)
            #expect(github.status == 1)
            #expect(
                github.stderrLines.contains(
                    "::error file=content/pages/links.md,line=\(Self.line("/410")),col=5::external link '\(server.url("/410"))' is broken: gone (410)"
                ))
            #expect(
                github.stdoutLines.first?.hasPrefix("::notice title=External links::external links: 12 checked (0 from the cache)") == true)
        }
    }

    /// A run's time limit: addresses whose server never answers are skipped
    /// when it runs out, and the run ends.
    @Test func timeLimitSkipsWhatIsNotAnswered() throws {
        let server = try Self.server()
        defer { server.stop() }
        try CLITests.withTemporaryFolder { folder in
            let body = ["/silent", "/silent2", "/silent3"].map { "[a](\(server.url($0)))" }.joined(separator: "\n\n")
            for (path, text) in [
                "content/site.yaml": "title: T\ndescription: D\nlanguage: en\n",
                "content/pages/slow.md": "---\ntitle: Slow\n---\n\(body)\n",
            ] {
                let url = folder.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
            let run = try CLITests.run(
                ["check", "--external", "--timeout", "60", "--time-limit", "2", "--templates", CLITests.templates.path], in: folder)
            #expect(run.status == 0)
            #expect(run.stdoutLines.first == "external links: 0 checked (0 from the cache), 0 broken, 0 redirected, 3 skipped")
            #expect(!run.stderr.contains("external link"))
        }
    }

    @Test func badTimesAreUsageErrors() throws {
        try CLITests.withTemporaryFolder { folder in
            let run = try CLITests.run(["check", "--external", "--timeout", "0"], in: folder)
            #expect(run.status == 64 || run.status == 2)
            #expect(run.stderr.contains("--timeout and --time-limit must be positive numbers of seconds"))
        }
    }
}
