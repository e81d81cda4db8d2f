import Foundation
import Testing

@testable import DossierKit

/// A throw-away project in a temporary folder for the hardening tests: files
/// written as bytes, the real theme, and a previous site in `public/` that a
/// failed build must leave exactly as it was. Kept apart from `Support/` so
/// these tests depend on nothing else in the suite.
struct HostileProject {
    let root: URL
    var content: URL { root.appendingPathComponent("content") }
    var output: URL { root.appendingPathComponent("public") }

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let templates = packageRoot.appendingPathComponent("templates")

    /// The smallest valid report: settings, one page.
    static let validSite: [String: String] = [
        "site.yaml": "title: Test report\ndescription: A report for tests.\nlanguage: en\n",
        "pages/about.md": "---\ntitle: About\n---\nAbout this report.\n",
    ]

    /// Runs `body` with a fresh project holding `files` under `content/` (a
    /// nil value skips a file of `validSite`) and a previous site in `public/`.
    static func with<T>(_ files: [String: Data?], _ body: (HostileProject) throws -> T) throws -> T {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-hostile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let project = HostileProject(root: root)
        var all: [String: Data?] = validSite.mapValues { Data($0.utf8) }
        for (path, data) in files { all[path] = data }
        for (path, data) in all {
            guard let data else { continue }
            try project.write(data, to: "content/" + path)
        }
        try project.write(Data("<p>previous site</p>\n".utf8), to: "public/index.html")
        try project.write(Data("must survive\n".utf8), to: "public/sentinel.txt")
        return try body(project)
    }

    func write(_ data: Data, to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    var project: Project { Project(content: content, templates: Self.templates, output: output) }

    /// Builds; returns the diagnostics (paths relative to the project root),
    /// and records an issue when the build succeeded or touched `public/`.
    func failingBuild(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [String] {
        let before = try Self.snapshot(of: root)
        let result = Builder(project: project).build()
        #expect(try Self.snapshot(of: root) == before, "a failed build changed the project or public/", sourceLocation: sourceLocation)
        guard case .failure(let failure) = result else {
            Issue.record("the build succeeded", sourceLocation: sourceLocation)
            return []
        }
        return lines(failure.diagnostics)
    }

    /// Builds and expects exactly `expected` (see `failingBuild`).
    func expectFailure(
        _ expected: [String], _ note: String = "", sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let lines = try failingBuild(sourceLocation: sourceLocation)
        #expect(lines == expected, "\(note)", sourceLocation: sourceLocation)
    }

    /// `diagnostics` printed, sorted, with the project root cut from paths.
    func lines(_ diagnostics: Diagnostics) -> [String] {
        let prefix = Project.displayPath(root) + "/"
        return diagnostics.sorted.map { diagnostic in
            let text = diagnostic.description
            return text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
        }
    }

    /// Every file and folder under `folder` (symbolic links as their target
    /// text), files with their bytes.
    static func snapshot(of folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let manager = FileManager.default
        for path in manager.subpaths(atPath: folder.path) ?? [] {
            let url = folder.appendingPathComponent(path)
            let attributes = try manager.attributesOfItem(atPath: url.path)
            switch attributes[.type] as? FileAttributeType {
            case .typeSymbolicLink?: result[path] = Data(("<link " + (try manager.destinationOfSymbolicLink(atPath: url.path))).utf8)
            case .typeDirectory?: result[path] = Data("<folder>".utf8)
            // An empty file is not read: Foundation's read of one leaks 4 KB (see TextFile).
            case .typeRegular?: result[path] = (attributes[.size] as? Int ?? 1) == 0 ? Data() : try Data(contentsOf: url)
            default: result[path] = Data("<special>".utf8)
            }
        }
        return result
    }

    /// Seconds `body` takes.
    static func time(_ body: () throws -> Void) rethrows -> Double {
        let start = ContinuousClock.now
        try body()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
