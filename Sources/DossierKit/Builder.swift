import Foundation

/// What a successful build wrote.
public struct BuildSummary: Sendable {
    /// Entry pages written per kind.
    public let pages: [Kind: Int]
    /// Every file written (pages, indexes, assets).
    public let files: Int
    public let diagnostics: Diagnostics
}

/// The pipeline, top to bottom: load, validate, render, write.
/// `check` is `build` without the writing.
public struct Builder: Sendable {
    public let project: Project

    public init(project: Project) {
        self.project = project
    }

    /// Every check of a build; writes nothing.
    public func check() -> Diagnostics {
        var diagnostics = Diagnostics()
        _ = prepare(&diagnostics)
        return diagnostics
    }

    /// Checks everything, then writes the site; on any error the output
    /// folder is left exactly as it was.
    public func build() -> Result<BuildSummary, BuildFailed> {
        var diagnostics = Diagnostics()
        guard let (site, theme) = prepare(&diagnostics), !diagnostics.hasErrors,
            let staged = OutputWriter(output: project.output, protected: protectedFolders()).begin(&diagnostics)
        else { return .failure(BuildFailed(diagnostics: diagnostics)) }
        let jobs = Renderer(site: site, theme: theme).render(into: staged)
        for asset in theme.assets { staged.copy(asset.url, to: "assets/" + asset.path) }
        staged.commit(&diagnostics)
        guard !diagnostics.hasErrors else { return .failure(BuildFailed(diagnostics: diagnostics)) }
        var pages: [Kind: Int] = [:]
        for job in jobs { if let key = job.key { pages[key.kind, default: 0] += 1 } }
        return .success(BuildSummary(pages: pages, files: staged.fileCount.withLock { $0 }, diagnostics: diagnostics))
    }

    /// Load, validate and load the theme: everything but rendering.
    func prepare(_ diagnostics: inout Diagnostics) -> (Site, Theme)? {
        let content = ContentLoader(project: project).load(&diagnostics)
        let site = Validator(content: content, includeDrafts: project.includeDrafts).validate(&diagnostics)
        let theme = Theme.load(from: project.templates, &diagnostics)
        guard var site, let theme else { return nil }
        if let baseURL = project.baseURL {
            var settings = site.settings
            settings.baseURL = baseURL
            site = Site(settings: settings, entries: Array(site.entries.values))
        }
        return (site, theme)
    }

    /// The output may be neither these folders nor one containing them.
    private func protectedFolders() -> [(what: String, url: URL)] {
        var folders = [("content folder", project.content), ("templates folder", project.templates)]
        var candidate = project.content.deletingLastPathComponent()
        let manager = FileManager.default
        while candidate.path != "/" {
            if manager.fileExists(atPath: candidate.appendingPathComponent(".git").path) {
                folders.append(("repository root", candidate))
                break
            }
            candidate = candidate.deletingLastPathComponent()
        }
        folders.append(("project folder", project.content.deletingLastPathComponent()))
        folders.append(("working directory", URL(fileURLWithPath: manager.currentDirectoryPath)))
        return folders
    }
}

/// A build that stopped: why, in full.
public struct BuildFailed: Error, Sendable {
    public let diagnostics: Diagnostics
}
