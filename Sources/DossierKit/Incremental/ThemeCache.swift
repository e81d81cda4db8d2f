import Foundation

/// The theme as last loaded, kept between rebuilds of `serve`. The theme is
/// small, so every file under `templates/` is read on each rebuild and the
/// theme is loaded again only when one of them changed.
struct ThemeCache {
    private var sources: [String: Data]?
    private var languages: [String] = []
    private var theme: Theme?
    private var themeDiagnostics = Diagnostics()
    /// The theme's assets as the site serves them: `assets/…` → bytes.
    private(set) var assets: [String: Data] = [:]

    /// The theme with the labels of `languages`, and whether it changed since the last call.
    mutating func load(from folder: URL, languages: [String], _ diagnostics: inout Diagnostics) -> (theme: Theme?, changed: Bool) {
        let current = Self.read(folder)
        if let sources, sources == current, self.languages == languages {
            diagnostics.append(contentsOf: themeDiagnostics)
            return (theme, false)
        }
        sources = current
        self.languages = languages
        var loaded = Diagnostics()
        theme = Theme.load(from: folder, languages: languages, &loaded)
        assets = [:]
        for asset in theme?.assets ?? [] {
            do {
                assets["assets/" + asset.path] = try Data(contentsOf: asset.url)
            } catch {
                loaded.append(Messages.unreadableAsset(path: Project.displayPath(asset.url), reason: OutputWriter.reason(error)))
            }
        }
        themeDiagnostics = loaded
        diagnostics.append(contentsOf: loaded)
        return (theme, true)
    }

    /// Every readable file under `folder`, by relative path.
    private static func read(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        for path in FileManager.default.subpaths(atPath: folder.path) ?? [] {
            if let data = try? Data(contentsOf: folder.appendingPathComponent(path)) { files[path] = data }
        }
        return files
    }
}
