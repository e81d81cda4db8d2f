import Foundation
import Testing

@testable import DossierKit

/// Paths of the test fixtures and of the package's own content and theme,
/// found from this file's path so tests run from any working directory.
enum Fixture {
    /// `Tests/DossierKitTests/Fixtures`.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // DossierKitTests
        .appendingPathComponent("Fixtures", isDirectory: true)

    /// The package root (holds `Package.swift`, `content/`, `templates/`).
    static let packageRoot =
        root
        .deletingLastPathComponent()  // DossierKitTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// The real theme.
    static let templates = packageRoot.appendingPathComponent("templates", isDirectory: true)

    /// The real report.
    static let content = packageRoot.appendingPathComponent("content", isDirectory: true)

    static func url(_ relative: String) -> URL {
        root.appendingPathComponent(relative)
    }

    /// Names of the sub-folders of a fixture folder, sorted; dot-folders left out.
    static func folderNames(in relative: String) throws -> [String] {
        let folder = url(relative)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return !name.hasPrefix(".")
                && FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }.sorted()
    }

    /// A fresh, empty folder under the system's temporary folder, removed
    /// when `body` returns.
    static func withTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("dossier-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder)
    }

    /// Writes `files` (relative path → text) under `folder`.
    static func write(_ files: [String: String], into folder: URL) throws {
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// A diagnostic as printed, with `folder`'s prefix taken off every path
    /// (its place and any path in its message), so
    /// `Tests/.../invalid/x/content/a.md:1:1: ...` reads `content/a.md:1:1: ...`
    /// whatever the working directory is.
    static func line(_ diagnostic: Diagnostic, relativeTo folder: URL) -> String {
        let prefix = Project.displayPath(folder) + "/"
        var diagnostic = diagnostic
        if var location = diagnostic.location {
            if location.path.hasPrefix(prefix) { location.path.removeFirst(prefix.count) }
            diagnostic.location = location
        }
        diagnostic.message = diagnostic.message.replacingOccurrences(of: prefix, with: "")
        return diagnostic.description
    }

    /// Every diagnostic of `diagnostics`, in print order, relative to `folder`.
    static func lines(_ diagnostics: Diagnostics, relativeTo folder: URL) -> [String] {
        diagnostics.sorted.map { line($0, relativeTo: folder) }
    }
}
