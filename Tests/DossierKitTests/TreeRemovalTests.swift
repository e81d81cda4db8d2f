import Foundation
import Testing

@testable import DossierKit

/// `TreeRemoval` takes away a whole folder (the previous site, a staging
/// folder) on every core, and nothing outside it.
@Suite struct TreeRemovalTests {
    /// Files, nested and empty folders, a name that is not UTF-8 and
    /// symbolic links to a folder and a file outside: all of the tree goes,
    /// the links' targets stay.
    @Test func removesTheTreeAndNothingOutside() throws {
        try Fixture.withTemporaryFolder { temporary in
            let outside = temporary.appendingPathComponent("outside")
            try Fixture.write(["kept.txt": "kept\n", "deep/kept.txt": "kept\n"], into: outside)
            let tree = temporary.appendingPathComponent("site")
            var files: [String: String] = ["index.html": "home\n", "report.json": "{}\n"]
            for index in 0..<300 { files["events/event-\(index)/index.html"] = "event \(index)\n" }
            files["assets/css/deep/er/style.css"] = "body {}\n"
            try Fixture.write(files, into: tree)
            let manager = FileManager.default
            try manager.createDirectory(at: tree.appendingPathComponent("empty/inner"), withIntermediateDirectories: true)
            try manager.createSymbolicLink(atPath: tree.appendingPathComponent("outside-folder").path, withDestinationPath: outside.path)
            try manager.createSymbolicLink(atPath: tree.appendingPathComponent("events/to-outside").path, withDestinationPath: outside.path)
            try manager.createSymbolicLink(
                atPath: tree.appendingPathComponent("events/event-1/kept.txt").path,
                withDestinationPath: outside.appendingPathComponent("kept.txt").path)
            // A name of bytes that are not UTF-8 (Latin-1 "café").
            let latin1 = tree.path + "/events/caf\u{E9}"
            let name = Array((tree.path + "/events/caf").utf8CString.dropLast()) + [CChar(bitPattern: 0xE9), 0]
            #expect(mkdir(name, 0o777) == 0)
            #expect(!manager.fileExists(atPath: latin1), "the name is not the UTF-8 one")

            TreeRemoval.remove(tree.path)

            #expect(!manager.fileExists(atPath: tree.path))
            #expect(try String(contentsOf: outside.appendingPathComponent("kept.txt"), encoding: .utf8) == "kept\n")
            #expect(try String(contentsOf: outside.appendingPathComponent("deep/kept.txt"), encoding: .utf8) == "kept\n")
        }
    }

    /// A file, a symbolic link and a missing path: the first two go (the
    /// link's target stays), the last is no error.
    @Test func removesAFileOrALinkAndIgnoresAMissingPath() throws {
        try Fixture.withTemporaryFolder { temporary in
            try Fixture.write(["file.txt": "x\n", "folder/kept.txt": "kept\n"], into: temporary)
            let link = temporary.appendingPathComponent("link").path
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: temporary.appendingPathComponent("folder").path)
            TreeRemoval.remove(temporary.appendingPathComponent("file.txt").path)
            TreeRemoval.remove(link)
            TreeRemoval.remove(temporary.appendingPathComponent("missing").path)
            #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path) == ["folder"])
            #expect(FileManager.default.fileExists(atPath: temporary.appendingPathComponent("folder/kept.txt").path))
        }
    }
}
