import Foundation

/// What one rebuild of `IncrementalBuilder` did.
public struct RebuildOutcome: Sendable {
    /// Every diagnostic of the rebuild, as `dossier build` would report them.
    public let diagnostics: Diagnostics
    /// False when the rebuild had errors: `site` is then the last good site.
    public let succeeded: Bool
    /// The site, as `dossier build` writes it: path in the output → bytes.
    /// Empty until a rebuild succeeds.
    public let site: [String: Data]
    /// Counts the rebuilds that changed `site`; 0 before the first success.
    public let generation: Int
    /// Paths added, changed or removed by this rebuild, sorted.
    public let changedPaths: [String]
    /// Pages rendered by this rebuild, and pages in the site.
    public let renderedPages: Int
    public let totalPages: Int
    /// True when every page was rendered (first build, theme or settings change).
    public let renderedAll: Bool
    public let duration: Duration
    /// How long each stage took: list, load, validate, theme, plan, render.
    public let phases: [(name: String, duration: Duration)]
}
