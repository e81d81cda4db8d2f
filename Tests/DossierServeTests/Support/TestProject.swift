import DossierKit
import Foundation

/// A copy of the repository's report and theme in a temporary folder, to
/// edit freely; removed when released.
final class TestProject {
    /// The package root (holds `content/` and `templates/`), from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // DossierServeTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    let root: URL
    let project: Project
    private var builds = 0

    init() throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("dossier-serve-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["content", "templates"] {
            try FileManager.default.copyItem(
                at: Self.packageRoot.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        project = Project(root: root)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    func read(_ relative: String) throws -> String {
        try String(contentsOf: url(relative), encoding: .utf8)
    }

    /// Writes atomically (as editors do), making folders as needed.
    func write(_ relative: String, _ text: String) throws {
        let target = url(relative)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: target, options: .atomic)
    }

    /// Rewrites a file in place (same inode), as `echo >>` does.
    func overwrite(_ relative: String, _ text: String) throws {
        let handle = try FileHandle(forWritingTo: url(relative))
        defer { try? handle.close() }
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(text.utf8))
    }

    func remove(_ relative: String) throws {
        try FileManager.default.removeItem(at: url(relative))
    }

    /// Relative paths of the entries' files under `folder` (`content/events`),
    /// sorted: the originals, and with `translations` the translations
    /// (`x.fr.md`) too.
    func files(under folder: String, translations: Bool = false) -> [String] {
        let base = url(folder)
        let paths = FileManager.default.subpaths(atPath: base.path) ?? []
        return paths.filter { $0.hasSuffix(".md") && (translations || !$0.dropLast(3).contains(".")) }.map { folder + "/" + $0 }.sorted()
    }

    /// What `dossier build` does with the same files: the site written, read
    /// back, or the diagnostics of a failed build.
    func fullBuild() throws -> Result<[String: Data], BuildFailed> {
        try Self.build(project, into: nextOutput())
    }

    /// `fullBuild` on a Dispatch thread, for tests that run a server: a build
    /// holding one of the few cooperative threads starves the server's requests.
    func fullBuildAside() async throws -> Result<[String: Data], BuildFailed> {
        let project = self.project
        let output = nextOutput()
        return try await offload { try Self.build(project, into: output) }
    }

    private func nextOutput() -> URL {
        builds += 1
        return root.appendingPathComponent("public-\(builds)")
    }

    private static func build(_ project: Project, into output: URL) throws -> Result<[String: Data], BuildFailed> {
        let builder = Builder(
            project: Project(
                content: project.content, templates: project.templates, output: output, includeDrafts: project.includeDrafts))
        switch builder.build() {
        case .failure(let failure): return .failure(failure)
        case .success:
            defer { try? FileManager.default.removeItem(at: output) }
            return .success(try readTree(output))
        }
    }

    static func readTree(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in FileManager.default.subpaths(atPath: folder.path) ?? [] {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                !path.hasPrefix(".")
            else { continue }
            files[path] = try Data(contentsOf: url)
        }
        return files
    }
}
