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
    /// Every translation that could be read (`<slug>.<language>.md`).
    public var translations: [Translation] = []
}

/// What one content file is once read: an entry, or a translation of one.
enum ContentFile: Sendable {
    case entry(Entry)
    case translation(Translation)

    var entry: Entry? {
        if case .entry(let entry) = self { return entry }
        return nil
    }

    var translation: Translation? {
        if case .translation(let translation) = self { return translation }
        return nil
    }
}

/// Stage 1: reads `site.yaml` and every content file, on every core.
struct ContentLoader {
    let project: Project

    func load(_ diagnostics: inout Diagnostics) -> LoadedContent {
        let settings = loadSettings(&diagnostics)
        let files = ContentWalker(root: project.content).files(&diagnostics)
        let results = files.parallelMap { file -> (ContentFile?, [Reference], Diagnostics) in
            var fileDiagnostics = Diagnostics()
            var unchecked: [Reference] = []
            var loaded: ContentFile?
            if let text = TextFile.read(atPath: file.filePath, path: file.path, &fileDiagnostics) {
                loaded = Self.loadFile(file, text: text, unchecked: &unchecked, &fileDiagnostics)
            }
            return (loaded, unchecked, fileDiagnostics)
        }
        var entries: [Entry] = []
        var translations: [Translation] = []
        var unchecked: [Reference] = []
        for (loaded, references, fileDiagnostics) in results {
            diagnostics.append(contentsOf: fileDiagnostics)
            if let entry = loaded?.entry { entries.append(entry) }
            if let translation = loaded?.translation { translations.append(translation) }
            unchecked += references
        }
        var paths: [PageKey: [String]] = [:]
        for file in files where file.language == nil { paths[PageKey(file.kind, file.slug), default: []].append(file.path) }
        var content = LoadedContent(
            settings: settings, entries: entries, knownKeys: Set(paths.keys), paths: paths, uncheckedReferences: unchecked,
            mediaFiles: ContentWalker(root: project.content).mediaFiles())
        content.translations = translations
        return content
    }

    /// Splits, outlines and types one file's text: an entry, or with a
    /// language in its name a translation.
    static func loadFile(
        _ file: ContentFileRef, text: String, unchecked: inout [Reference], _ diagnostics: inout Diagnostics
    ) -> ContentFile? {
        guard let language = file.language else {
            return loadEntry(file, text: text, unchecked: &unchecked, &diagnostics).map(ContentFile.entry)
        }
        guard let split = FrontMatterSplitter.split(text, path: file.path, &diagnostics) else { return nil }
        let outline = Markdown.outline(of: split.body, reservedIDs: Sections.ids(for: file.kind))
        return RecordDecoder.translation(file, language: language, split: split, outline: outline, &diagnostics)
            .map(ContentFile.translation)
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
        guard var settings = RecordDecoder.site(yaml: text, path: path, &diagnostics) else { return nil }
        settings.translations = loadSiteTranslations(of: settings, &diagnostics)
        return settings
    }

    /// `site.<language>.yaml` beside `site.yaml`, for each of the report's
    /// other languages; one for a language it does not list is an error.
    private func loadSiteTranslations(of settings: SiteSettings, _ diagnostics: inout Diagnostics) -> [String: SiteText] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: project.content.path)) ?? []
        var translations: [String: SiteText] = [:]
        for name in names.sorted() {
            guard let language = ContentWalker.siteTranslationLanguage(name) else { continue }
            let url = project.content.appendingPathComponent(name)
            let path = Project.displayPath(url)
            let original = Project.displayPath(project.content.appendingPathComponent("site.yaml"))
            if let refused = settings.translationRefused(into: language, original: original, path: path) {
                diagnostics.append(refused)
                continue
            }
            guard !ContentWalker(root: project.content).isLinkOutside(url) else {
                diagnostics.append(Messages.symlinkOutside(path: path))
                continue
            }
            guard let text = TextFile.read(url, path: path, &diagnostics) else { continue }
            translations[language] = RecordDecoder.siteTranslation(yaml: text, path: path, &diagnostics)
        }
        for language in settings.allLanguages.dropFirst() where !names.contains("site.\(language).yaml") {
            let original = Project.displayPath(project.content.appendingPathComponent("site.yaml"))
            diagnostics.append(Messages.notTranslated(language: language, path: original))
        }
        return translations
    }
}
