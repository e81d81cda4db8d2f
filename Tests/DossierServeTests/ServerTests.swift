import DossierKit
import Foundation
import Testing

@testable import DossierServe

/// `dossier serve` end to end, over a real loopback socket.
@Suite struct ServerTests {
    /// Build, serve, edit (change, add, delete, template), break and fix:
    /// every page served equals the full build's, apart from the script tag.
    @Test func servesWhatTheBuildWritesThroughEdits() async throws {
        let project = try TestProject()
        let running = try await RunningServer.start(project.project)
        let client = running.client
        try await expectServedSiteMatchesFullBuild(client, project)
        let events = try await client.openEvents()
        var status = try Status(await client.request("/_dossier/status").body)
        #expect(status.ok && !status.build.isEmpty)

        /// Waits for the rebuild after an edit: a new build, announced on the event stream.
        func rebuilt() async throws -> Status {
            let previous = status.build
            status = try await waitForStatus(events, client) { $0.ok && $0.build != previous }
            #expect(events.received.contains("data: \(status.build)\n\n"))
            return status
        }

        let event = project.files(under: "content/events")[0]
        let eventPage = try pagePath(of: event)
        let good = try project.read(event)
        try project.write(
            event,
            good.replacingOccurrences(
                of: #"(?m)^title: .*$"#, with: "title: \"A changed title\"", options: .regularExpression))
        _ = try await rebuilt()
        #expect(try await client.request("/" + eventPage).text.contains("A changed title"))
        try await expectServedSiteMatchesFullBuild(client, project)

        let source = project.files(under: "content/sources")[0].split(separator: "/").last!.dropLast(3)
        try project.write(
            "content/events/added-in-test.md",
            """
            ---
            title: "An added event"
            date: 2021-08
            actors: [nso-group]
            countries: [israel]
            sources: [\(source)]
            status: reported
            ---
            Added while serving.

            """)
        _ = try await rebuilt()
        #expect(try await client.request("/events/added-in-test/").status == 200)
        try await expectServedSiteMatchesFullBuild(client, project)

        try project.remove("content/events/added-in-test.md")
        _ = try await rebuilt()
        #expect(try await client.request("/events/added-in-test/").status == 404)
        try await expectServedSiteMatchesFullBuild(client, project)

        let template = "templates/partials/link-item.mustache"
        try project.write(template, try project.read(template).replacingOccurrences(of: "<li>", with: "<li class=\"edited\">"))
        _ = try await rebuilt()
        #expect(try await client.request("/actors/nso-group/").text.contains("<li class=\"edited\">"))
        try await expectServedSiteMatchesFullBuild(client, project)

        // An error keeps the last good site and is reported with its place.
        let before = try await client.request("/" + eventPage).body
        let changed = try project.read(event)
        try project.write(event, changed.replacingOccurrences(of: "actors: [", with: "actors: [no-such-actor, "))
        let failed = try await waitForStatus(events, client) { !$0.ok }
        let error = try #require(failed.errors.first)
        let line = changed.components(separatedBy: "\n").firstIndex { $0.hasPrefix("actors: [") }.map { $0 + 1 }
        #expect(error.file?.hasSuffix(event) == true)
        #expect(error.line == line && error.column == 10)
        #expect(error.message.contains("no-such-actor"))
        #expect(failed.build == status.build)
        #expect(try await client.request("/" + eventPage).body == before)

        try project.write(event, changed)
        let fixed = try await waitForStatus(events, client) { $0.ok }
        #expect(fixed.errors.isEmpty)
        try await expectServedSiteMatchesFullBuild(client, project)

        try await running.stop()
        #expect(await events.closes(within: 5))
    }

    @Test func answersWithTypesRedirectsAndTheNotFoundPage() async throws {
        let project = try TestProject()
        let running = try await RunningServer.start(project.project)
        let client = running.client
        let expectations: [(String, String)] = [
            ("/", "text/html; charset=utf-8"),
            ("/assets/style.css", "text/css; charset=utf-8"),
            ("/search/search-index.js", "text/javascript; charset=utf-8"),
            ("/data/report.json", "application/json"),
            ("/data/actors.csv", "text/csv; charset=utf-8"),
            ("/robots.txt", "text/plain; charset=utf-8"),
            ("/_dossier/live.js", "text/javascript; charset=utf-8"),
            ("/_dossier/status", "application/json"),
        ]
        for (path, type) in expectations {
            let reply = try await client.request(path)
            #expect(reply.status == 200, "\(path)")
            #expect(reply.headers["content-type"] == type, "\(path)")
            #expect(reply.headers["cache-control"] == "no-store", "\(path)")
        }
        let folder = try await client.request("/actors/nso-group/")
        #expect(folder.status == 200 && folder.text.contains("</html>"))
        let redirect = try await client.request("/actors/nso-group?x=1")
        #expect(redirect.status == 302 && redirect.headers["location"] == "/actors/nso-group/?x=1")
        let missing = try await client.request("/actors/no-such-actor/")
        let notFound = try #require(try await project.fullBuildAside().get()["404.html"])
        #expect(missing.status == 404)
        #expect(stripLiveTag(missing.body) == notFound)
        #expect(try await client.request("/", method: "HEAD").body.isEmpty)
        #expect(try await client.request("/", method: "POST").status == 405)
        let script = try await client.request("/_dossier/live.js").text
        #expect(script.contains("EventSource") && !script.contains("innerHTML"))
        try await running.stop()
    }

    @Test func neverServesAnythingOutsideTheSite() async throws {
        let project = try TestProject()
        try project.write("secret.txt", "TOP SECRET")
        // (A theme file linked out of templates/ is refused when the theme
        // loads: HostileRequestTests covers it.)
        let running = try await RunningServer.start(project.project)
        let attempts = [
            "/../Package.swift", "/../../../../etc/passwd", "/%2e%2e/", "/%2e%2e/secret.txt", "/..%2f..%2fetc/passwd",
            "/actors/..\\..\\x", "/actors/%2e%2e/%2e%2e/secret.txt", "/assets/..%5c..%5csecret.txt", "/%00",
            "/index.html%00.txt", "//etc/passwd", "/./index.html", "/actors/./nso-group/", "/%252e%252e/secret.txt",
            "/../secret.txt", "/.%2e/secret.txt", "/%2E%2E%2Fsecret.txt",
        ]
        for path in attempts {
            let reply = try await running.client.request(path)
            #expect([400, 404].contains(reply.status), "\(path) → \(reply.status)")
            #expect(!reply.text.contains("TOP SECRET") && !reply.text.contains("root:x:0"), "\(path)")
            #expect(!reply.text.contains("swift-tools-version"), "\(path)")
        }
        try await running.stop()
    }
}

/// `/_dossier/status`.
struct Status: Decodable {
    struct Problem: Decodable {
        let file: String?, line: Int?, column: Int?, message: String
    }
    let build: String, ok: Bool, errors: [Problem], warnings: [Problem]

    init(_ data: Data) throws {
        self = try JSONDecoder().decode(Status.self, from: data)
    }
}

/// The HTML as built: the served page without the live-reload tag.
func stripLiveTag(_ data: Data) -> Data {
    let text = String(decoding: data, as: UTF8.self)
    return Data(
        text.replacingOccurrences(
            of: #"<script src="/_dossier/live\.js" data-build="[^"]*"></script>"#,
            with: "", options: .regularExpression
        ).utf8)
}

/// `content/events/2021/x.md` → `events/x/index.html`.
func pagePath(of file: String) throws -> String {
    let parts = file.split(separator: "/")
    return "\(parts[1])/\(parts.last!.dropLast(3))/index.html"
}

/// Every file of a full build, fetched over HTTP, equals the built one.
func expectServedSiteMatchesFullBuild(
    _ client: HTTPClient, _ project: TestProject, sourceLocation: Testing.SourceLocation = #_sourceLocation
) async throws {
    let expected = try await project.fullBuildAside().get()
    var differing: [String] = []
    for (path, data) in expected.sorted(by: { $0.key < $1.key }) {
        let reply = try await client.request("/" + path)
        let served = path.hasSuffix(".html") ? stripLiveTag(reply.body) : reply.body
        if reply.status != 200 || served != data { differing.append(path) }
    }
    #expect(differing.isEmpty, "served files differ from the build: \(differing.prefix(10))", sourceLocation: sourceLocation)
}

/// Reads `/_dossier/status` after each message of the event stream until
/// `done` accepts it.
func waitForStatus(
    _ events: HTTPClient.EventStream, _ client: HTTPClient, timeout: Double = 60, until done: (Status) -> Bool
) async throws -> Status {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
        let status = try Status(await client.request("/_dossier/status").body)
        if done(status) { return status }
        guard deadline.timeIntervalSinceNow > 0 else { throw HTTPClient.Failure(description: "no such status in time: \(status)") }
        _ = try? await events.waitFor("\n\n", timeout: min(1, deadline.timeIntervalSinceNow))
    }
}
