import Foundation
import Testing

/// `dossier archive` against a local stand-in for the Internet Archive's
/// availability API: what it prints, what it asks, and that it writes nothing.
@Suite struct ArchiveCLITests {
    @Test func printsFoundSnapshotsAndWritesNothing() throws {
        let snapshot =
            #"{"url":"https://a.example/post","archived_snapshots":{"closest":{"status":"200","available":true,"url":"http://web.archive.org/web/20210718093000/https://a.example/post","timestamp":"20210718093000"}}}"#
        let server = try TestHTTPServer { _, path in
            if path.contains("a.example") { return .json(snapshot) }
            if path.contains("b.example") { return .json(#"{"url":"https://b.example/","archived_snapshots":{}}"#) }
            if path.contains("c.example") {
                // A snapshot of an error page is no copy of the source.
                return .json(
                    #"{"archived_snapshots":{"closest":{"status":"404","available":true,"url":"http://web.archive.org/web/2020/x","timestamp":"20200101000000"}}}"#
                )
            }
            return .status(503)
        }
        defer { server.stop() }
        try CLITests.withTemporaryFolder { folder in
            let files = [
                "content/site.yaml": "title: T\ndescription: D\nlanguage: en\n",
                "content/sources/a.md": "---\ntitle: A\npublisher: P\nurl: https://a.example/post\naccessed: 2021-07-18\n---\n",
                "content/sources/b.md": "---\ntitle: B\npublisher: P\nurl: https://b.example/\n---\n",
                "content/sources/c.md": "---\ntitle: C\npublisher: P\nurl: https://c.example/\n---\n",
                "content/sources/d.md": "---\ntitle: D\npublisher: P\nurl: https://d.example/\n---\n",
                "content/sources/kept.md":
                    "---\ntitle: K\npublisher: P\nurl: https://kept.example/\narchive_url: https://web.archive.org/web/2020/https://kept.example/\n---\n",
            ]
            for (path, text) in files {
                let url = folder.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
            let before = try CLITests.snapshot(of: folder)
            let run = try CLITests.run(["archive", "--api", server.url("/wayback/available")], in: folder)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(
                run.stdoutLines == [
                    "# content/sources/a.md",
                    "archive_url: https://web.archive.org/web/20210718093000/https://a.example/post",
                    "archive_date: 2021-07-18",
                    "# content/sources/b.md: no snapshot in the Internet Archive: save the page there first, if it is still online",
                    "# content/sources/c.md: no snapshot in the Internet Archive: save the page there first, if it is still online",
                    "# content/sources/d.md: the Internet Archive could not be asked: HTTP status 503",
                    "# 1 of 4 sources without archive_url have a snapshot: add the lines above to their front matter",
                ])
            #expect(try CLITests.snapshot(of: folder) == before, "content is never written")
            let asked = server.requests
            #expect(asked.count == 4, "a source with archive_url is not asked: \(asked)")
            #expect(asked.first == "GET /wayback/available?url=https://a.example/post&timestamp=20210718")
        }
    }
}
