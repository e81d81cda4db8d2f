import Foundation
import Testing

/// `dossier new`, `dossier diff` and every `--format`, through the binary.
@Suite struct AuthoringCLITests {
    typealias CLI = CLITests

    /// A broken copy of the fixture tree: one unknown actor at 6:23.
    static func brokenTree(in folder: URL) throws {
        let fixture = CLI.fixtures.appendingPathComponent("invalid/unknown-actor-in-body/content")
        try FileManager.default.copyItem(at: fixture, to: folder.appendingPathComponent("content"))
    }

    @Test func checkFormatsJSONAndGitHub() throws {
        try CLI.withTemporaryFolder { folder in
            try Self.brokenTree(in: folder)
            let json = try CLI.run(["check", "--templates", CLI.templates.path, "--format", "json"], in: folder)
            #expect(json.status == 1)
            #expect(
                json.stderrLines == [
                    #"{"column":23,"file":"content/events/pegasus-project.md","line":6,"message":"unknown actor 'nso' (did you mean 'nso-group'?)","severity":"error"}"#
                ])
            let object = try JSONSerialization.jsonObject(with: Data(json.stderrLines[0].utf8)) as? [String: Any]
            #expect(object?["line"] as? Int == 6)

            let github = try CLI.run(["check", "--templates", CLI.templates.path, "--format", "github"], in: folder)
            #expect(github.status == 1)
            #expect(
                github.stderrLines == [
                    "::error file=content/events/pegasus-project.md,line=6,col=23::unknown actor 'nso' (did you mean 'nso-group'?)"
                ])
            let text = try CLI.run(["check", "--templates", CLI.templates.path, "--format", "text"], in: folder)
            #expect(
                text.stderrLines.first == "content/events/pegasus-project.md:6:23: error: unknown actor 'nso' (did you mean 'nso-group'?)")
        }
    }

    @Test func githubIsTheDefaultInsideGitHubActions() throws {
        try CLI.withTemporaryFolder { folder in
            try Self.brokenTree(in: folder)
            let run = try CLI.run(["check", "--templates", CLI.templates.path], in: folder, environment: ["GITHUB_ACTIONS": "true"])
            #expect(run.stderrLines.first?.hasPrefix("::error file=content/events/pegasus-project.md,line=6,col=23::") == true)
        }
    }

    @Test func badFormatIsAUsageError() throws {
        try CLI.withTemporaryFolder { folder in
            let run = try CLI.run(["check", "--format", "xml"], in: folder)
            #expect(run.status == 2)
        }
    }

    @Test func newWritesAFileThatPassesCheck() throws {
        try CLI.withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("content")
            try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
            try Data("title: T\ndescription: D\nlanguage: en\n".utf8).write(to: content.appendingPathComponent("site.yaml"))
            let made = [
                try CLI.run(["new", "actor", "jane-doe", "--title", "Jane \"JD\" Doe"], in: folder),
                try CLI.run(["new", "country", "norway", "--code", "NO"], in: folder),
                try CLI.run(["new", "source", "a-report"], in: folder),
                try CLI.run(["new", "page", "about"], in: folder),
                try CLI.run(["new", "event", "a-meeting"], in: folder),
            ]
            #expect(made.map(\.status) == [0, 0, 0, 0, 0])
            #expect(
                made.map(\.stdout) == [
                    "content/actors/jane-doe.md\n", "content/countries/norway.md\n", "content/sources/a-report.md\n",
                    "content/pages/about.md\n", "content/events/a-meeting.md\n",
                ])
            // The event needs its sources: the one error until they are filled in.
            let first = try CLI.run(["check", "--templates", CLI.templates.path], in: folder)
            #expect(first.status == 1)
            #expect(
                first.stderrLines.filter { $0.contains("error:") } == [
                    "content/events/a-meeting.md:7:10: error: event has no sources: list at least one source slug in 'sources', or cite one in the body with [@slug]"
                ])
            let event = content.appendingPathComponent("events/a-meeting.md")
            let text = try String(contentsOf: event, encoding: .utf8)
                .replacingOccurrences(of: "sources: []", with: "sources: [a-report]")
                .replacingOccurrences(of: "actors: []", with: "actors: [jane-doe]")
                .replacingOccurrences(of: "countries: []", with: "countries: [norway]")
            try Data(text.utf8).write(to: event)
            let second = try CLI.run(["check", "--templates", CLI.templates.path, "--strict"], in: folder)
            #expect(second.status == 0, "\(second.stderr)")
            let actor = try String(contentsOf: content.appendingPathComponent("actors/jane-doe.md"), encoding: .utf8)
            #expect(actor.contains(#"name: "Jane \"JD\" Doe""#))
        }
    }

    /// `dossier new media`: the starter names a file to put beside it; with
    /// the file there and a page showing it, the report checks clean.
    @Test func newMediaPassesCheckOnceItsFileIsThere() throws {
        try CLI.withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("content")
            try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
            try Data("title: T\ndescription: D\nlanguage: en\n".utf8).write(to: content.appendingPathComponent("site.yaml"))
            let made = try CLI.run(["new", "media", "harbour-photo"], in: folder)
            #expect(made.status == 0 && made.stdout == "content/media/harbour-photo.md\n")
            let first = try CLI.run(["check", "--templates", CLI.templates.path], in: folder)
            #expect(
                first.stderrLines.filter { $0.contains("error:") } == [
                    "content/media/harbour-photo.md:2:7: error: media file 'harbour-photo.jpg' does not exist beside this file"
                ])
            let photo = CLI.packageRoot.appendingPathComponent("Tests/DossierKitTests/Fixtures/media/photo-gps.jpg")
            try FileManager.default.copyItem(at: photo, to: content.appendingPathComponent("media/harbour-photo.jpg"))
            try FileManager.default.createDirectory(at: content.appendingPathComponent("pages"), withIntermediateDirectories: true)
            try Data("---\ntitle: About\n---\n![The harbour](media:harbour-photo)\n".utf8)
                .write(to: content.appendingPathComponent("pages/about.md"))
            let second = try CLI.run(["check", "--templates", CLI.templates.path, "--strict"], in: folder)
            #expect(second.status == 0, "\(second.stderr)")
        }
    }

    @Test func newRefusesBadSlugsExistingSlugsAndMissingCodes() throws {
        try CLI.withTemporaryFolder { folder in
            let sub = folder.appendingPathComponent("content/actors/2021")
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            try Data("---\nname: X\nkind: person\n---\n".utf8).write(to: sub.appendingPathComponent("taken.md"))
            let taken = try CLI.run(["new", "actor", "taken"], in: folder)
            #expect(taken.status == 1)
            #expect(taken.stderr == "error: content/actors/2021/taken.md already exists: choose another slug\n")
            let bad = try CLI.run(["new", "event", "Bad_Slug"], in: folder)
            #expect(bad.status == 1)
            #expect(bad.stderr.contains("invalid slug 'Bad_Slug'") && bad.stderr.contains("did you mean 'bad-slug'?"))
            let country = try CLI.run(["new", "country", "norway"], in: folder)
            #expect(country.status == 1 && country.stderr.contains("--code"))
            let kind = try CLI.run(["new", "person", "x"], in: folder)
            #expect(kind.status == 2)
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("content/events/Bad_Slug.md").path))
        }
    }

    @Test func diffListsAddedChangedAndRemovedInEveryFormat() throws {
        try CLI.withTemporaryFolder { folder in
            let old = folder.appendingPathComponent("old"), new = folder.appendingPathComponent("new")
            for (site, files) in [
                (old, ["a.html": "1", "b/index.html": "same", "gone.css": "x"]),
                (new, ["a.html": "2", "b/index.html": "same", "added/index.html": "y"]),
            ] {
                for (path, text) in files {
                    let url = site.appendingPathComponent(path)
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try Data(text.utf8).write(to: url)
                }
            }
            let text = try CLI.run(["diff", "old", "new"], in: folder)
            #expect(text.status == 0)
            #expect(text.stdoutLines == ["added    added/index.html", "changed  a.html", "removed  gone.css"])
            let json = try CLI.run(["diff", "old", "new", "--format", "json"], in: folder)
            #expect(
                json.stdout
                    == #"{"added":["added/index.html"],"changed":["a.html"],"moved":[],"removed":["gone.css"],"removedPages":[]}"# + "\n")
            let markdown = try CLI.run(["diff", "old", "new", "--format", "markdown"], in: folder)
            #expect(markdown.stdout.contains("1 added, 1 changed, 0 moved, 1 removed"))
            #expect(markdown.stdout.contains("- `added/index.html`"))
            let same = try CLI.run(["diff", "old", "old"], in: folder)
            #expect(same.stdout == "no changes\n")
            let missing = try CLI.run(["diff", "old", "nowhere"], in: folder)
            #expect(missing.status == 1)
        }
    }

    @Test func twoBuildsOfTheReportDiffEmpty() throws {
        try CLI.withTemporaryFolder { folder in
            let content = CLI.packageRoot.appendingPathComponent("content").path
            let one = try CLI.run(["build", "--content", content, "--templates", CLI.templates.path, "--output", "one", "-q"], in: folder)
            let two = try CLI.run(["build", "--content", content, "--templates", CLI.templates.path, "--output", "two", "-q"], in: folder)
            #expect(one.status == 0 && two.status == 0)
            #expect(one.stdout == "" && one.stderr == "", "-q prints nothing on success")
            let diff = try CLI.run(["diff", "one", "two"], in: folder)
            #expect(diff.stdout == "no changes\n")
        }
    }

    @Test func verboseBuildPrintsASummaryTable() throws {
        try CLI.withTemporaryFolder { folder in
            let content = CLI.packageRoot.appendingPathComponent("content").path
            let run = try CLI.run(["build", "--content", content, "--templates", CLI.templates.path, "-v"], in: folder)
            #expect(run.status == 0)
            let rows = run.stdoutLines.map { $0.split(separator: " ", omittingEmptySubsequences: true).first.map(String.init) ?? "" }
            #expect(
                rows == [
                    "actors", "countries", "events", "sources", "pages", "files", "unchanged", "warnings", "time",
                    "reading", "checking", "rendering", "writing", "output",
                ])
            // A second build over the first finds every file unchanged.
            func count(_ row: String, _ lines: [String]) -> Int? {
                lines.first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(row + " ") }
                    .flatMap { $0.split(separator: " ").last.flatMap { Int($0) } }
            }
            let again = try CLI.run(["build", "--content", content, "--templates", CLI.templates.path, "-v"], in: folder)
            #expect(count("unchanged", run.stdoutLines) == 0)
            let written = try #require(count("files written", again.stdoutLines))
            #expect(written > 100 && count("unchanged", again.stdoutLines) == written, "\(again.stdout)")
        }
    }
}
