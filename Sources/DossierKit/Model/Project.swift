import Foundation

/// One project's folders: the content to read, the theme to use and the
/// folder the site is written into.
public struct Project: Sendable {
    public var content: URL
    public var templates: URL
    public var output: URL
    /// Include files marked `draft: true` in the site.
    public var includeDrafts: Bool
    /// Overrides `base_url` of `site.yaml` (`--base-url`).
    public var baseURL: String?

    public init(content: URL, templates: URL, output: URL, includeDrafts: Bool = false, baseURL: String? = nil) {
        self.content = content.standardizedFileURL
        self.templates = templates.standardizedFileURL
        self.output = output.standardizedFileURL
        self.includeDrafts = includeDrafts
        self.baseURL = baseURL
    }

    /// The project in `root`, with the default folder names.
    public init(root: URL) {
        self.init(
            content: root.appendingPathComponent("content"),
            templates: root.appendingPathComponent("templates"),
            output: root.appendingPathComponent("public"))
    }

    /// How a file is named in diagnostics: relative to the working directory
    /// when it lies below it, else absolute.
    public static func displayPath(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let prefix = workingDirectoryPrefix
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// The working directory with a final `/`, looked up once per call of
    /// `displayPath` before; a build never changes it.
    private static var workingDirectoryPrefix: String {
        let cwd = FileManager.default.currentDirectoryPath
        if let cached = cachedPrefix.withLock({ $0 }), cached.cwd == cwd { return cached.prefix }
        let standard = URL(fileURLWithPath: cwd).standardizedFileURL.path
        let prefix = standard.hasSuffix("/") ? standard : standard + "/"
        cachedPrefix.withLock { $0 = (cwd, prefix) }
        return prefix
    }

    private static let cachedPrefix = Mutex<(cwd: String, prefix: String)?>(nil)
}
