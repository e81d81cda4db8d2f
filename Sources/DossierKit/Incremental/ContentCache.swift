import Foundation

/// The content files as last read, kept between rebuilds of `serve`: a file
/// is read again only when its stamp changed or was unsettled, and parsed
/// again only when its bytes changed, so one edit costs one parse.
struct ContentCache {
    /// One file as last read.
    struct Item: Sendable {
        let key: PageKey
        let stamp: FileStamp?
        /// When the file was read (for `FileStamp.isUnsettled`).
        let readAt: Int64
        /// Nil when the file could not be read.
        let bytes: Data?
        let file: ContentFile?
        var entry: Entry? { file?.entry }
        let diagnostics: Diagnostics
        /// A media item's file's stamp when it was looked at: a new image
        /// under the same item is read (and probed) again.
        var mediaStamp: FileStamp? = nil
    }

    private var items: [String: Item] = [:]

    /// What `ContentLoader.load` returns for `files`, plus the keys of the
    /// files that were added, removed or changed since the last call.
    mutating func load(
        _ files: [WalkCache.File], settings: SiteSettings?, _ diagnostics: inout Diagnostics
    ) -> (content: LoadedContent, changed: Set<PageKey>) {
        let previous = items
        let results = files.parallelMap { file -> (item: Item, changed: Bool) in
            Self.refresh(file.ref, path: file.path, previous: previous[file.path])
        }
        var changed = Set<PageKey>()
        var next: [String: Item] = [:]
        var entries: [Entry] = []
        var translations: [Translation] = []
        var paths: [PageKey: [String]] = [:]
        for (file, result) in zip(files, results) {
            next[file.path] = result.item
            if result.changed { changed.insert(result.item.key) }
            diagnostics.append(contentsOf: result.item.diagnostics)
            if let entry = result.item.entry { entries.append(entry) }
            if let translation = result.item.file?.translation { translations.append(translation) }
            if file.ref.language == nil { paths[result.item.key, default: []].append(file.ref.path) }
        }
        for (path, item) in previous where next[path] == nil { changed.insert(item.key) }
        items = next
        var content = LoadedContent(settings: settings, entries: entries, knownKeys: Set(paths.keys), paths: paths)
        content.translations = translations
        return (content, changed)
    }

    /// The cached item when the file is unchanged, else the file read again.
    private static func refresh(_ file: ContentFileRef, path: String, previous: Item?) -> (item: Item, changed: Bool) {
        let key = PageKey(file.kind, file.slug)
        let readAt = FileStamp.now()
        let stamp = FileStamp(path: path)
        // A media item is read again when its file changed, or when it had errors (its file may have come since).
        let mediaSame =
            file.kind != .media
            || (previous?.entry?.media.map { FileStamp(path: $0.filePath) == previous?.mediaStamp } ?? false)
        if let previous, let stamp, previous.stamp == stamp, !stamp.isUnsettled(at: previous.readAt), mediaSame {
            return (previous, false)
        }
        var diagnostics = Diagnostics()
        guard let bytes = try? Data(contentsOf: file.url) else {
            _ = TextFile.read(atPath: file.filePath, path: file.path, &diagnostics)  // for its diagnostic
            let item = Item(key: key, stamp: stamp, readAt: readAt, bytes: nil, file: nil, diagnostics: diagnostics)
            return (item, true)
        }
        if let previous, previous.bytes == bytes, mediaSame {
            var item = Item(
                key: key, stamp: stamp, readAt: readAt, bytes: bytes, file: previous.file, diagnostics: previous.diagnostics)
            item.mediaStamp = previous.mediaStamp
            return (item, false)
        }
        var loaded: ContentFile?
        if let text = TextFile.decode(bytes, path: file.path, &diagnostics) {
            var unchecked: [Reference] = []
            loaded = ContentLoader.loadFile(file, text: text, unchecked: &unchecked, &diagnostics)
        }
        var item = Item(key: key, stamp: stamp, readAt: readAt, bytes: bytes, file: loaded, diagnostics: diagnostics)
        item.mediaStamp = loaded?.entry?.media.flatMap { FileStamp(path: $0.filePath) }
        return (item, true)
    }
}
