import Foundation
import Testing

@testable import DossierKit

/// Every class of content error: exact diagnostics, and nothing written.
@Suite struct InvalidContentTests {
    @Test(arguments: InvalidCase.allCases)
    func checkReportsExactDiagnostics(_ fixture: InvalidCase) throws {
        let expected = try fixture.expectedLines()
        #expect(!expected.isEmpty, "expected.txt of \(fixture) is empty")
        let diagnostics = Builder(project: fixture.project(output: Fixture.url("unused-output"))).check()
        #expect(Fixture.lines(diagnostics, relativeTo: fixture.folder) == expected)
        #expect(diagnostics.hasErrors)
    }

    @Test(arguments: InvalidCase.allCases)
    func failedBuildLeavesOutputUntouched(_ fixture: InvalidCase) throws {
        try Fixture.withTemporaryFolder { temporary in
            // A previous site: an index.html (so the writer would replace it) and a sentinel.
            let output = temporary.appendingPathComponent("public")
            try Fixture.write(
                ["index.html": "<p>previous site</p>\n", "sentinel.txt": "must survive\n", "actors/x/index.html": "old\n"],
                into: output)
            let before = try snapshot(of: temporary)
            let result = Builder(project: fixture.project(output: output)).build()
            guard case .failure(let failure) = result else {
                Issue.record("build of \(fixture) succeeded")
                return
            }
            #expect(Fixture.lines(failure.diagnostics, relativeTo: fixture.folder) == (try fixture.expectedLines()))
            #expect(try snapshot(of: temporary) == before, "the output folder or its parent changed")
        }
    }

    @Test func everyInvalidFolderIsACase() throws {
        #expect(try Fixture.folderNames(in: "invalid") == InvalidCase.allCases.map(\.rawValue).sorted())
    }

    @Test(arguments: InvalidCase.allCases)
    func caseIsASmallCompleteProject(_ fixture: InvalidCase) throws {
        let content = fixture.folder.appendingPathComponent("content")
        let files = try Golden.files(in: content)
        #expect((1...4).contains(files.count), "\(files.count) files")
        if fixture != .missingSiteYAML { #expect(files.contains("site.yaml")) }
    }

    /// Every file and folder below `folder` (hidden ones included), files
    /// with their bytes.
    private func snapshot(of folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for path in FileManager.default.subpaths(atPath: folder.path) ?? [] {
            let url = folder.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            result[path] = isDirectory.boolValue ? Data("<folder>".utf8) : try Data(contentsOf: url)
        }
        return result
    }
}
