import Foundation
import Testing

@testable import DossierKit

/// `moved_from` and `url_status` through whole builds, and `SiteDiff` on
/// a rename, a removal and a rename kept by `moved_from`.
@Suite struct RenamedPagesTests {
    static let actor = "---\nname: NSO Group\nkind: company\nmoved_from: [nso]\n---\n## History\n"
    static let source = """
        ---
        title: A blog post
        publisher: Blog
        url: https://example.org/post
        archive_url: https://web.archive.org/web/2020/https://example.org/post
        url_status: unfit
        ---

        """
    static let event = """
        ---
        title: Launch
        date: 2016
        actors: [nso-group]
        sources: [post]
        ---
        [NSO](actor:nso#history) was founded in 2010.

        """

    /// A body link to a former slug is a warning and leads to the current
    /// page; an `unfit` source links its archived copy only.
    @Test func bodyLinkToFormerSlugLeadsToTheCurrentPage() throws {
        let files = ["actors/nso-group.md": Self.actor, "sources/post.md": Self.source, "events/launch.md": Self.event]
        try HostileProject.with(files.mapValues { Data($0.utf8) }) { project in
            guard case .success(let summary) = Builder(project: project.project).build() else {
                Issue.record("the build failed")
                return
            }
            #expect(
                project.lines(summary.diagnostics) == [
                    "content/events/launch.md:7:7: warning: actor 'nso' was renamed 'nso-group': link to 'actor:nso-group'"
                ])
            #expect(summary.pages[.actor] == 1, "a redirect page is not an entry page")
            let event = try String(contentsOf: project.output.appendingPathComponent("events/launch/index.html"), encoding: .utf8)
            #expect(event.contains(#"<a href="../../actors/nso-group/index.html#history">NSO</a>"#))
            #expect(event.contains("· the original no longer shows this source</li>"))
            #expect(!event.contains(#"href="https://example.org/post""#), "an unfit original is not linked")
            let source = try String(contentsOf: project.output.appendingPathComponent("sources/post/index.html"), encoding: .utf8)
            #expect(source.contains("<dt>Original</dt><dd>https://example.org/post, no longer shows this source</dd>"))
            let redirect = project.output.appendingPathComponent("actors/nso/index.html")
            #expect(FileManager.default.fileExists(atPath: redirect.path))
        }
    }

    /// Two builds compared: a page renamed with `moved_from` is "moved", one
    /// renamed without it is "removed" (its links break), and data files
    /// that disappear are removed without that warning.
    @Test func diffTellsMovedFromRemovedPages() throws {
        try Fixture.withTemporaryFolder { folder in
            let old = folder.appendingPathComponent("old"), new = folder.appendingPathComponent("new")
            try Fixture.write(
                [
                    "actors/nso/index.html": "<!DOCTYPE html><title>NSO</title><p>A long page about NSO.</p>\n",
                    "actors/q-cyber/index.html": "<!DOCTYPE html><title>Q</title>\n",
                    "data/old.csv": "a\n",
                ], into: old)
            try Fixture.write(
                [
                    "actors/nso/index.html":
                        "<html><head><meta http-equiv=\"refresh\" content=\"0; url=../../actors/nso-group/index.html\"></head></html>\n",
                    "actors/nso-group/index.html": "<!DOCTYPE html><title>NSO</title><p>A long page about NSO.</p>\n",
                ], into: new)
            let diff = try SiteDiff.compare(old: old, new: new)
            #expect(diff.added == ["actors/nso-group/index.html"])
            #expect(diff.changed.isEmpty)
            #expect(diff.moved == [SiteDiff.Move(from: "actors/nso/index.html", to: "actors/nso-group/index.html")])
            #expect(diff.removed == ["actors/q-cyber/index.html", "data/old.csv"])
            #expect(
                diff.text() == """
                    added    actors/nso-group/index.html
                    moved    actors/nso/index.html -> actors/nso-group/index.html
                    removed  actors/q-cyber/index.html: links to it will break
                    removed  data/old.csv

                    """)
            #expect(
                diff.json()
                    == #"{"added":["actors/nso-group/index.html"],"changed":[],"moved":[{"from":"actors/nso/index.html","to":"actors/nso-group/index.html"}],"removed":["actors/q-cyber/index.html","data/old.csv"],"removedPages":["actors/q-cyber/index.html"]}"#
                    + "\n")
            let markdown = diff.markdown()
            #expect(markdown.contains("1 added, 0 changed, 1 moved, 2 removed"))
            #expect(markdown.contains("- `actors/nso/index.html` → `actors/nso-group/index.html`"))
            #expect(markdown.contains("- `actors/q-cyber/index.html`: links to it will break"))
            #expect(markdown.contains("- `data/old.csv`\n"))
            // A redirect page that stays one is no change, and is never "moved" again.
            #expect(try SiteDiff.compare(old: new, new: new).isEmpty)
        }
    }

    /// A real rename: the first build has `nso`, the second names it
    /// `nso-group` with `moved_from: [nso]`; the diff says moved, not removed.
    @Test func renameWithMovedFromIsReportedAsMoved() throws {
        let before = ["actors/nso.md": "---\nname: NSO Group\nkind: company\n---\n"]
        let after = ["actors/nso-group.md": Self.actor]
        try Fixture.withTemporaryFolder { folder in
            for (name, files) in [("one", before), ("two", after)] {
                let content = folder.appendingPathComponent(name + "-content")
                try Fixture.write(files.merging(HostileProject.validSite) { $1 }, into: content)
                let project = Project(content: content, templates: Fixture.templates, output: folder.appendingPathComponent(name))
                guard case .success = Builder(project: project).build() else {
                    Issue.record("build \(name) failed")
                    return
                }
            }
            let diff = try SiteDiff.compare(old: folder.appendingPathComponent("one"), new: folder.appendingPathComponent("two"))
            #expect(diff.moved == [SiteDiff.Move(from: "actors/nso/index.html", to: "actors/nso-group/index.html")])
            #expect(diff.removedPages.isEmpty)
            #expect(diff.added.contains("actors/nso-group/index.html"))
        }
    }
}
