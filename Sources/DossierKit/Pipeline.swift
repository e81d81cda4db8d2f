import Foundation

/// The four stages, each taking the previous one's value and the
/// `Diagnostics` collector. `Builder` runs them once over the whole report;
/// `IncrementalBuilder` (`serve`) keeps their values between rebuilds and
/// renders only the pages an edit reaches. Neither orders them any other way.
struct Pipeline: Sendable {
    let project: Project
    /// Warnings count as errors (`--strict`).
    var strict = false

    /// 1. Load: `site.yaml` and every content file, typed and outlined.
    func load(_ diagnostics: inout Diagnostics) -> LoadedContent {
        ContentLoader(project: project).load(&diagnostics)
    }

    /// 2. Validate: the report checked as a whole, and the theme; nil when
    /// anything is wrong, so that nothing is rendered.
    func check(_ content: LoadedContent, _ diagnostics: inout Diagnostics) -> (site: Site, theme: Theme)? {
        let site = validate(content, &diagnostics)
        let theme = Theme.load(from: project.templates, language: content.settings?.language, &diagnostics)
        if strict { diagnostics.promoteWarnings() }
        guard let site, let theme, !diagnostics.hasErrors else { return nil }
        return (site, theme)
    }

    /// The validated `Site`, published at `--base-url` when one is given.
    func validate(_ content: LoadedContent, _ diagnostics: inout Diagnostics) -> Site? {
        let site = Validator(content: content, includeDrafts: project.includeDrafts).validate(&diagnostics)
        guard let site, let baseURL = project.baseURL else { return site }
        var settings = site.settings
        settings.baseURL = baseURL
        return site.with(settings)
    }

    /// 3. Render: the pages `only` accepts and, with `data`, the data files,
    /// into `sink` as each is ready. Returns every page of the site.
    @discardableResult
    func render(
        _ site: Site, _ theme: Theme, partials: PartialCache? = nil, into sink: PageSink,
        only include: (PageJob) -> Bool = { _ in true }, data: Bool = true
    ) -> (jobs: [PageJob], dataPaths: [String]) {
        Renderer(site: site, theme: theme, partials: partials).render(into: sink, only: include, data: data)
    }

    /// … and the media files (image variants, PDFs), into `sink`; a file
    /// that cannot be made is an error. Returns the paths written.
    @discardableResult
    func media(_ site: Site, into sink: PageSink, _ diagnostics: inout Diagnostics) -> [String] {
        var paths: [String] = []
        for outcome in MediaFiles.render(site) {
            switch outcome {
            case .success(let file):
                sink.write(file.path, bytes: file.bytes)
                paths.append(file.path)
            case .failure(let failure):
                diagnostics.append(Messages.mediaCannotEncode(path: failure.itemPath, reason: failure.reason))
            }
        }
        return paths.sorted()
    }

    /// 4. Write: the staging folder the pages are rendered into (nil with a
    /// diagnostic when the output cannot be written) …
    func beginOutput(_ diagnostics: inout Diagnostics) -> StagedOutput? {
        OutputWriter(output: project.output, protected: OutputWriter.protectedFolders(of: project)).begin(&diagnostics)
    }

    /// … and, once every page is in it, the theme's assets, then the swap.
    func write(_ output: StagedOutput, assets theme: Theme, _ diagnostics: inout Diagnostics) {
        for asset in theme.assets { output.copy(asset.url, to: "assets/" + asset.path) }
        output.commit(&diagnostics)
    }
}
