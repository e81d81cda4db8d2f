import Foundation
import Testing

@testable import DossierKit

/// Symbolic links in the theme that lead out of `templates/`.
@Suite struct ThemeLinkTests {
    /// A file under `templates/assets/` linked to a file outside the theme
    /// (as a pull request could add, pointing at a secret of the machine that
    /// builds previews). Nothing of the target may reach `public/`.
    /// The theme refuses such a link, as `ContentWalker` does in `content/`:
    /// the build stops with the link's place and writes nothing.
    @Test func assetLinkedOutOfTheThemeIsNotPublished() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-theme-link-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let manager = FileManager.default
        try manager.createDirectory(at: root, withIntermediateDirectories: true)
        try manager.copyItem(at: HostileProject.templates, to: root.appendingPathComponent("templates"))
        try manager.copyItem(at: Fixture.url("sites/minimal"), to: root.appendingPathComponent("content"))
        try Data("TOP SECRET\n".utf8).write(to: root.appendingPathComponent("secret.txt"))
        try manager.createSymbolicLink(
            atPath: root.appendingPathComponent("templates/assets/leak.txt").path, withDestinationPath: "../../secret.txt")
        let output = root.appendingPathComponent("public")
        let project = Project(
            content: root.appendingPathComponent("content"), templates: root.appendingPathComponent("templates"), output: output)
        let result = Builder(project: project).build()
        guard case .failure(let failure) = result else {
            Issue.record("the build published a theme that links out of templates/")
            return
        }
        #expect(
            Fixture.lines(failure.diagnostics, relativeTo: root).filter { $0.contains("error:") } == [
                "templates/assets/leak.txt: error: symbolic link leads outside the templates folder: refused"
            ])
        #expect(!manager.fileExists(atPath: output.path))
    }
}
