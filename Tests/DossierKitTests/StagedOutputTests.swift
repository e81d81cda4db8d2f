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

    /// Every published entry's page is written (drafts left out unless
    /// asked for), and no folder is left empty.
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

    /// Writes make the folders they need; `abandon` takes it all away and
    /// leaves no output.
    @Test func writesMakeTheirFoldersAndAbandonRemovesThem() throws {
        try Fixture.withTemporaryFolder { temporary in
            let output = temporary.appendingPathComponent("public")
            var diagnostics = Diagnostics()
            let staged = try #require(OutputWriter(output: output, protected: []).begin(&diagnostics))
            #expect(!diagnostics.hasErrors)
            staged.write("sources/c/index.html", "page\n")
            staged.write("events/a/b/index.html", "page\n")
            staged.write("index.html", "home\n")
            let manager = FileManager.default
            let made = Set(manager.subpaths(atPath: staged.staging.path) ?? [])
            #expect(
                made == [
                    "sources", "sources/c", "sources/c/index.html", "events", "events/a", "events/a/b",
                    "events/a/b/index.html", "index.html",
                ])
            #expect(staged.fileCount.withLock { $0 } == 3)
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

    /// Every file below `folder`: its bytes and its inode.
    static func files(in folder: URL) throws -> [String: (bytes: Data, inode: UInt64)] {
        var found: [String: (bytes: Data, inode: UInt64)] = [:]
        for path in FileManager.default.subpaths(atPath: folder.path) ?? [] {
            var status = stat()
            let file = folder.appendingPathComponent(path).path
            guard lstat(file, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { continue }
            found[path] = (try Data(contentsOf: URL(fileURLWithPath: file)), UInt64(status.st_ino))
        }
        return found
    }

    /// A rebuild links every file whose bytes did not change from the
    /// previous site (same inode) and writes every other one anew; the
    /// summary counts the linked ones.
    @Test func rebuildLinksUnchangedFilesOnly() throws {
        try Fixture.withTemporaryFolder { temporary in
            let content = temporary.appendingPathComponent("content")
            try FileManager.default.copyItem(at: Self.site, to: content)
            let output = temporary.appendingPathComponent("public")
            let project = Project(content: content, templates: Fixture.templates, output: output)
            let first = try Builder(project: project).build().get()
            #expect(first.unchanged == 0)
            let before = try Self.files(in: output)
            #expect(before.count == first.files)

            let again = try Builder(project: project).build().get()
            #expect(again.unchanged == again.files)
            #expect(try Self.files(in: output).mapValues(\.inode) == before.mapValues(\.inode))

            let founding = content.appendingPathComponent("events/founding.md")
            try Data((try String(contentsOf: founding, encoding: .utf8) + "It began in a rented office.\n").utf8).write(to: founding)
            let edited = try Builder(project: project).build().get()
            let after = try Self.files(in: output)
            #expect(Set(after.keys) == Set(before.keys))
            var kept = 0
            for (path, file) in after {
                let old = try #require(before[path])
                if file.bytes == old.bytes {
                    kept += 1
                    #expect(file.inode == old.inode, "\(path) is unchanged but was written again")
                } else {
                    #expect(file.inode != old.inode, "\(path) changed in place")
                }
            }
            #expect(edited.unchanged == kept)
            #expect(kept > 0 && kept < after.count, "\(kept) of \(after.count) unchanged")
            #expect(
                after["events/founding/index.html"].map { String(decoding: $0.bytes, as: UTF8.self) }?
                    .contains("It began in a rented office.") == true)
        }
    }

    /// Nothing of the previous site is written into, whatever the staging
    /// writes: a file of the same size but other bytes, a symbolic link
    /// (not followed), a path written twice. Abandoned, the previous site
    /// is as it was; committed, the new site holds the new bytes.
    @Test(arguments: [false, true])
    func previousSiteIsNeverWrittenInto(commit: Bool) throws {
        try Fixture.withTemporaryFolder { temporary in
            let output = temporary.appendingPathComponent("public")
            let outside = temporary.appendingPathComponent("outside.txt")
            try Fixture.write(["index.html": "home\n", "same.txt": "same\n", "size.txt": "abcd\n"], into: output)
            try Data("link\n".utf8).write(to: outside)
            try FileManager.default.createSymbolicLink(
                atPath: output.appendingPathComponent("link.txt").path, withDestinationPath: outside.path)
            let old = try Self.files(in: output)
            var diagnostics = Diagnostics()
            let staged = try #require(OutputWriter(output: output, protected: []).begin(&diagnostics))
            staged.write("same.txt", "same\n")
            staged.write("size.txt", "wxyz\n")
            staged.write("link.txt", "link\n")
            staged.write("index.html", "home\n")
            staged.write("index.html", "new home\n")
            #expect(staged.unchangedCount.withLock { $0 } == 2)
            let new = try Self.files(in: staged.staging)
            #expect(new["same.txt"]?.inode == old["same.txt"]?.inode)
            #expect(new["size.txt"]?.inode != old["size.txt"]?.inode)
            #expect(new["link.txt"].map { String(decoding: $0.bytes, as: UTF8.self) } == "link\n")
            #expect(new["index.html"].map { String(decoding: $0.bytes, as: UTF8.self) } == "new home\n")
            #expect(new["index.html"]?.inode != old["index.html"]?.inode)
            if commit {
                staged.commit(&diagnostics)
                #expect(!diagnostics.hasErrors)
                #expect(
                    try Self.files(in: output).mapValues { String(decoding: $0.bytes, as: UTF8.self) }
                        == ["same.txt": "same\n", "size.txt": "wxyz\n", "link.txt": "link\n", "index.html": "new home\n"])
            } else {
                staged.abandon()
                let kept = try Self.files(in: output)
                #expect(kept.mapValues(\.bytes) == old.mapValues(\.bytes))
                #expect(kept.mapValues(\.inode) == old.mapValues(\.inode))
                #expect(
                    (try? FileManager.default.destinationOfSymbolicLink(atPath: output.appendingPathComponent("link.txt").path))
                        == outside.path)
            }
            #expect(try String(contentsOf: outside, encoding: .utf8) == "link\n")
        }
    }
}
