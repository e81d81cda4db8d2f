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
        let theme = Theme.load(from: project.templates, languages: content.settings?.allLanguages ?? [], &diagnostics)
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

    /// 3. Render: every page and data file of each edition of the report
    /// (`Site.editions`: its own language at the root, each other in its
    /// folder), into `sink` as each is ready. Returns every page of the site.
    @discardableResult
    func render(_ editions: [Site], _ theme: Theme, into sink: PageSink) -> (jobs: [PageJob], dataPaths: [String]) {
        var rendered: (jobs: [PageJob], dataPaths: [String]) = ([], [])
        for edition in editions {
            let (jobs, dataPaths) = render(edition: edition, theme, into: sink)
            rendered.jobs += jobs
            rendered.dataPaths += dataPaths
        }
        return rendered
    }

    /// One edition: the pages `only` accepts (given paths within the
    /// edition) and, with `data`, its data files, into its folder. Returns
    /// the edition's every page, paths from the site's root.
    @discardableResult
    func render(
        edition: Site, _ theme: Theme, partials: PartialCache? = nil, into sink: PageSink,
        only include: (PageJob) -> Bool = { _ in true }, data: Bool = true
    ) -> (jobs: [PageJob], dataPaths: [String]) {
        let folder = edition.folder
        let renderer = Renderer(site: edition, theme: theme.edition(edition.settings.language), partials: partials)
        guard !folder.isEmpty else { return renderer.render(into: sink, only: include, data: data) }
        let (jobs, dataPaths) = renderer.render(into: FolderSink(folder: folder, sink: sink), only: include, data: data)
        return (
            jobs.map { PageJob(path: folder + $0.path, template: $0.template, key: $0.key, makeView: $0.makeView) },
            dataPaths.map { folder + $0 }
        )
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

    /// Passes each file on into `folder` (an edition's).
    struct FolderSink: PageSink {
        let folder: String
        let sink: PageSink

        func write(_ path: String, _ contents: String) { sink.write(folder + path, contents) }
        func write(_ path: String, bytes: [UInt8]) { sink.write(folder + path, bytes: bytes) }
    }

    /// … and, once every page is in it, the theme's assets, then the swap.
    func write(_ output: StagedOutput, assets theme: Theme, _ diagnostics: inout Diagnostics) {
        for asset in theme.assets { output.copy(asset.url, to: "assets/" + asset.path) }
        output.commit(&diagnostics)
    }
}
