import Foundation

/// Everything read from `content/`: the settings, every entry that could be
/// typed, and the keys of every file found (so a reference to a file that has
/// its own errors is not reported a second time as unknown).
public struct LoadedContent: Sendable {
    public var settings: SiteSettings?
    public var entries: [Entry]
    public var knownKeys: Set<PageKey>
    public var paths: [PageKey: [String]]
    /// References held by files that could not be typed: still checked.
    public var uncheckedReferences: [Reference] = []
    /// Every file of `content/media/` that is not an item (display path, path on disk).
    public var mediaFiles: [(path: String, filePath: String)] = []
}

/// Stage 1: reads `site.yaml` and every content file, on every core.
struct ContentLoader {
    let project: Project

    func load(_ diagnostics: inout Diagnostics) -> LoadedContent {
        let settings = loadSettings(&diagnostics)
        let files = ContentWalker(root: project.content).files(&diagnostics)
        let results = files.parallelMap { file -> (Entry?, [Reference], Diagnostics) in
            var fileDiagnostics = Diagnostics()
            var unchecked: [Reference] = []
            var entry: Entry?
            if let text = TextFile.read(atPath: file.filePath, path: file.path, &fileDiagnostics) {
                entry = Self.loadEntry(file, text: text, unchecked: &unchecked, &fileDiagnostics)
            }
            return (entry, unchecked, fileDiagnostics)
        }
        var entries: [Entry] = []
        var unchecked: [Reference] = []
        for (entry, references, fileDiagnostics) in results {
            diagnostics.append(contentsOf: fileDiagnostics)
            if let entry { entries.append(entry) }
            unchecked += references
        }
        var paths: [PageKey: [String]] = [:]
        for file in files { paths[PageKey(file.kind, file.slug), default: []].append(file.path) }
        return LoadedContent(
            settings: settings, entries: entries, knownKeys: Set(paths.keys), paths: paths, uncheckedReferences: unchecked,
            mediaFiles: ContentWalker(root: project.content).mediaFiles())
    }

    /// Reads, splits, outlines and types one file.
    static func loadEntry(_ file: ContentFileRef, _ diagnostics: inout Diagnostics) -> Entry? {
        guard let text = TextFile.read(atPath: file.filePath, path: file.path, &diagnostics) else { return nil }
        return loadEntry(file, text: text, &diagnostics)
    }

    /// Splits, outlines and types one file's text (`serve` reads the bytes itself).
    static func loadEntry(_ file: ContentFileRef, text: String, _ diagnostics: inout Diagnostics) -> Entry? {
        var unchecked: [Reference] = []
        return loadEntry(file, text: text, unchecked: &unchecked, &diagnostics)
    }

    /// As `loadEntry(_:text:_:)`; a file that cannot be typed hands back its
    /// references in `unchecked`.
    static func loadEntry(
        _ file: ContentFileRef, text: String, unchecked: inout [Reference], _ diagnostics: inout Diagnostics
    ) -> Entry? {
        guard let split = FrontMatterSplitter.split(text, path: file.path, &diagnostics) else { return nil }
        let outline = Markdown.outline(of: split.body, reservedIDs: Sections.ids(for: file.kind))
        return RecordDecoder.decode(file, split: split, outline: outline, unchecked: &unchecked, &diagnostics)
    }

    func loadSettings(_ diagnostics: inout Diagnostics) -> SiteSettings? {
        let url = project.content.appendingPathComponent("site.yaml")
        let path = Project.displayPath(url)
        guard FileManager.default.fileExists(atPath: project.content.path) else { return nil }
        guard FileManager.default.fileExists(atPath: url.path) else {
            diagnostics.append(Messages.missingSiteFile(path))
            return nil
        }
        guard !ContentWalker(root: project.content).isLinkOutside(url) else {
            diagnostics.append(Messages.symlinkOutside(path: path))
            return nil
        }
        guard let text = TextFile.read(url, path: path, &diagnostics) else { return nil }
        return RecordDecoder.site(yaml: text, path: path, &diagnostics)
    }
}
