import Foundation
import Testing

@testable import DossierKit

/// A build begins its staging folder while the report is checked and makes
/// the pages' folders there ahead of the pages (`Builder.build`): the
/// folders must be exactly those pages land in, and a build that fails must
/// leave nothing.
@Suite struct StagedOutputTests {
    static let site = Fixture.url("sites/minimal")

    /// Folders below `folder` with nothing in them.
    static func emptyFolders(in folder: URL) -> [String] {
        let manager = FileManager.default
        return (manager.subpaths(atPath: folder.path) ?? []).filter { path in
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            return manager.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
                && ((try? manager.contentsOfDirectory(atPath: url.path)) ?? []).isEmpty
        }.sorted()
    }

    /// The folders made ahead are those of the published entries' pages
    /// (drafts left out unless asked for): each must hold its page.
    @Test(arguments: [false, true])
    func everyPublishedEntryGetsItsPage(includeDrafts: Bool) throws {
        try Fixture.withTemporaryFolder { temporary in
            let output = temporary.appendingPathComponent("public")
            var project = Project(content: Self.site, templates: Fixture.templates, output: output)
            project.includeDrafts = includeDrafts
            _ = try Builder(project: project).build().get()
            var diagnostics = Diagnostics()
            let (site, _) = try #require(Builder(project: project).prepare(&diagnostics))
            let published = Kind.allCases.flatMap { site.entries(of: $0) }
            #expect(published.contains { $0.draft } == includeDrafts)
            for entry in published {
                #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(entry.pagePath).path), "\(entry.pagePath)")
            }
            #expect(Self.emptyFolders(in: output) == [])
        }
    }

    /// `makeFolders` makes each page's folder (and those above it) until
    /// told to stop, skips paths with no folder, and the writes that follow
    /// use what it made; `abandon` takes it all away.
    @Test func foldersAheadStopWhenToldAndAbandonRemovesThem() throws {
        try Fixture.withTemporaryFolder { temporary in
            let output = temporary.appendingPathComponent("public")
            var diagnostics = Diagnostics()
            let staged = try #require(OutputWriter(output: output, protected: []).begin(&diagnostics))
            #expect(!diagnostics.hasErrors)
            var asked = 0
            staged.makeFolders(of: ["index.html", "events/a/index.html", "actors/b/index.html", "sources/c/index.html"]) {
                asked += 1
                return asked > 2
            }
            let manager = FileManager.default
            let made = Set(manager.subpaths(atPath: staged.staging.path) ?? [])
            #expect(made == ["events", "events/a", "actors", "actors/b"])
            staged.write("sources/c/index.html", "page\n")
            staged.write("events/a/index.html", "page\n")
            #expect(staged.fileCount.withLock { $0 } == 2)
            #expect(manager.fileExists(atPath: staged.staging.appendingPathComponent("sources/c/index.html").path))
            staged.abandon()
            #expect(!manager.fileExists(atPath: staged.staging.path))
            #expect(!manager.fileExists(atPath: output.path))
        }
    }

    /// A theme error is known before the staging folder would begin: the
    /// failed build leaves the output's parent as it was (no lock file, no
    /// staging folder).
    @Test func failedBuildBeginsNoStaging() throws {
        try Fixture.withTemporaryFolder { temporary in
            let templates = temporary.appendingPathComponent("templates")
            try FileManager.default.copyItem(at: Fixture.templates, to: templates)
            try Data("{{> partials/missing}}\n".utf8).write(to: templates.appendingPathComponent("event.mustache"))
            let parent = temporary.appendingPathComponent("site")
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            let project = Project(content: Self.site, templates: templates, output: parent.appendingPathComponent("public"))
            guard case .failure(let failure) = Builder(project: project).build() else {
                Issue.record("the build succeeded")
                return
            }
            #expect(failure.diagnostics.hasErrors)
            #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == [])
        }
    }
}
