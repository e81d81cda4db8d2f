import Foundation

/// Everything read from `content/`: the settings, every entry that could be
/// typed, and the keys of every file found (so a reference to a file that has
/// its own errors is not reported a second time as unknown).
public struct LoadedContent: Sendable {
    public var settings: SiteSettings?
    public var entries: [Entry]
    public var knownKeys: Set<PageKey>
    public var paths: [PageKey: [String]]
}

/// Stage 1: reads `site.yaml` and every content file, on every core.
struct ContentLoader {
    let project: Project

    func load(_ diagnostics: inout Diagnostics) -> LoadedContent {
        let settings = loadSettings(&diagnostics)
        let files = ContentWalker(root: project.content).files(&diagnostics)
        let results = files.parallelMap { file -> (Entry?, Diagnostics) in
            var fileDiagnostics = Diagnostics()
            let entry = Self.loadEntry(file, &fileDiagnostics)
            return (entry, fileDiagnostics)
        }
        var entries: [Entry] = []
        for (entry, fileDiagnostics) in results {
            diagnostics.append(contentsOf: fileDiagnostics)
            if let entry { entries.append(entry) }
        }
        var paths: [PageKey: [String]] = [:]
        for file in files { paths[PageKey(file.kind, file.slug), default: []].append(file.path) }
        return LoadedContent(settings: settings, entries: entries, knownKeys: Set(paths.keys), paths: paths)
    }

    /// Reads, splits, outlines and types one file.
    static func loadEntry(_ file: ContentFileRef, _ diagnostics: inout Diagnostics) -> Entry? {
        guard let text = TextFile.read(file.url, path: file.path, &diagnostics) else { return nil }
        return loadEntry(file, text: text, &diagnostics)
    }

    /// Splits, outlines and types one file's text (`serve` reads the bytes itself).
    static func loadEntry(_ file: ContentFileRef, text: String, _ diagnostics: inout Diagnostics) -> Entry? {
        guard let split = FrontMatterSplitter.split(text, path: file.path, &diagnostics) else { return nil }
        let outline = Markdown.outline(of: split.body, reservedIDs: Sections.ids(for: file.kind))
        return RecordDecoder.decode(file, split: split, outline: outline, &diagnostics)
    }

    func loadSettings(_ diagnostics: inout Diagnostics) -> SiteSettings? {
        let url = project.content.appendingPathComponent("site.yaml")
        let path = Project.displayPath(url)
        guard FileManager.default.fileExists(atPath: project.content.path) else { return nil }
        guard FileManager.default.fileExists(atPath: url.path) else {
            diagnostics.append(Messages.missingSiteFile(path))
            return nil
        }
        guard let text = TextFile.read(url, path: path, &diagnostics) else { return nil }
        return RecordDecoder.site(yaml: text, path: path, &diagnostics)
    }
}
