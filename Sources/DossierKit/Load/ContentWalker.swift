import Foundation

/// A content file found on disk, before it is read.
struct ContentFileRef: Sendable {
    let kind: Kind
    let slug: String
    /// Where the file is on disk: a path string, not a `URL`, which costs
    /// several times more to make and to read back, once per content file.
    let filePath: String
    /// The path shown in diagnostics.
    let path: String

    /// A translation's language (`<slug>.<language>.md`); nil for an original.
    let language: String?

    init(kind: Kind, slug: String, filePath: String, path: String, language: String? = nil) {
        self.kind = kind
        self.slug = slug
        self.filePath = filePath
        self.path = path
        self.language = language
    }

    init(kind: Kind, slug: String, url: URL, path: String) {
        self.init(kind: kind, slug: slug, filePath: url.path, path: path)
    }

    var url: URL { URL(fileURLWithPath: filePath) }
}

/// Lists `content/<kind>/**`: skips names starting with `.` or `_`, flags
/// files that are not `.md`, bad slugs and links leading out of `content/`.
struct ContentWalker {
    let root: URL

    func files(_ diagnostics: inout Diagnostics) -> [ContentFileRef] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            diagnostics.append(Messages.missingContentFolder(Project.displayPath(root)))
            return []
        }
        checkTopLevel(&diagnostics)
        // The kinds' folders are listed on every core (events, the largest,
        // beside the others); their findings are joined in kind order.
        let perKind = Kind.allCases.parallelMap { kind -> ([ContentFileRef], Diagnostics) in
            var found: [ContentFileRef] = []
            var diagnostics = Diagnostics()
            let folder = root.appendingPathComponent(kind.folder)
            // The kind's folder itself may be a link: the same rules as inside it.
            guard (try? FileManager.default.attributesOfItem(atPath: folder.path)) != nil,
                fileType(folder, path: Project.displayPath(folder), &diagnostics) == .typeDirectory
            else { return (found, diagnostics) }
            walk(folder.path, shown: Project.displayPath(folder), kind: kind, into: &found, &diagnostics)
            return (found, diagnostics)
        }
        var found: [ContentFileRef] = []
        for (files, kindDiagnostics) in perKind {
            found += files
            diagnostics.append(contentsOf: kindDiagnostics)
        }
        return found.sorted { $0.path < $1.path }
    }

    /// `folder` is the folder's path on disk, `shown` the same as
    /// diagnostics show it.
    private func walk(_ folder: String, shown: String, kind: Kind, into found: inout [ContentFileRef], _ diagnostics: inout Diagnostics) {
        for (name, type) in Self.entries(of: folder).sorted(by: { $0.name < $1.name })
        where !name.hasPrefix(".") && !name.hasPrefix("_") {
            let path = shown + "/" + name
            let filePath = folder + "/" + name
            // The folder listing gives the type of most entries: no `lstat` for them.
            let known: FileAttributeType? =
                switch Int32(type) {
                case Int32(DT_REG): .typeRegular
                case Int32(DT_DIR): .typeDirectory
                default: nil
                }
            guard let type = known ?? fileType(URL(fileURLWithPath: filePath), path: path, &diagnostics) else { continue }
            if type == .typeDirectory {
                walk(filePath, shown: path, kind: kind, into: &found, &diagnostics)
                continue
            }
            guard name.hasSuffix(".md") else {
                // Media files sit beside the items that describe them.
                if kind == .media { continue }
                diagnostics.append(Messages.notMarkdown(path: path, name: name))
                continue
            }
            var slug = String(name.dropLast(3))
            var language: String?
            // `pegasus-project.fr.md`: a translation (a slug has no dot).
            if let dot = slug.lastIndex(of: "."), Slug.isValid(String(slug[..<dot])),
                FieldReader.isLanguageTag(String(slug[slug.index(after: dot)...]))
            {
                language = String(slug[slug.index(after: dot)...])
                slug = String(slug[..<dot])
            }
            guard Slug.isValid(slug) else {
                diagnostics.append(Messages.badFileSlug(path: path, slug: slug, suggestion: Slug.make(from: slug)))
                continue
            }
            found.append(ContentFileRef(kind: kind, slug: slug, filePath: filePath, path: path, language: language))
        }
    }

    /// Every file under `content/media/` that is not a `.md` file (nor
    /// hidden), as diagnostics show it: each should be some item's `file`.
    func mediaFiles() -> [(path: String, filePath: String)] {
        let folder = root.appendingPathComponent(Kind.media.folder)
        guard let names = FileManager.default.subpaths(atPath: folder.path) else { return [] }
        return names.sorted().compactMap { name in
            let parts = name.split(separator: "/")
            guard !name.hasSuffix(".md"), !parts.contains(where: { $0.hasPrefix(".") || $0.hasPrefix("_") }) else { return nil }
            let filePath = folder.path + "/" + name
            var info = stat()
            guard stat(filePath, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
            return (Project.displayPath(folder) + "/" + name, filePath)
        }
    }

    /// The names in a folder with their types as the listing gives them
    /// (`DT_UNKNOWN` on file systems that do not say); empty when it cannot be read.
    private static func entries(of folder: String) -> [(name: String, type: UInt8)] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var entries: [(name: String, type: UInt8)] = []
        DirectoryEntries.forEach(in: directory) { name, type in entries.append((String(cString: name), type)) }
        return entries
    }

    /// The type of the entry, following a symbolic link only when it stays
    /// inside the content folder; nil (with a diagnostic) for anything else
    /// than a regular file or a folder.
    private func fileType(_ url: URL, path: String, _ diagnostics: inout Diagnostics) -> FileAttributeType? {
        let manager = FileManager.default
        // lstat, not FileManager's attributes: this runs once per content file.
        var info = stat()
        guard lstat(url.path, &info) == 0 else {
            diagnostics.append(Messages.unreadable(path: path, reason: "cannot read its attributes"))
            return nil
        }
        var type: FileAttributeType
        switch info.st_mode & S_IFMT {
        case S_IFREG: type = .typeRegular
        case S_IFDIR: type = .typeDirectory
        case S_IFLNK: type = .typeSymbolicLink
        default: type = .typeUnknown
        }
        if type == .typeSymbolicLink {
            let target = url.resolvingSymlinksInPath().standardizedFileURL
            guard !isLinkOutside(url) else {
                diagnostics.append(Messages.symlinkOutside(path: path))
                return nil
            }
            // Links that go round in a loop resolve to nothing, as a dangling link does; stat tells which.
            var status = stat()
            guard stat(url.path, &status) == 0 || errno != ELOOP else {
                diagnostics.append(Messages.unreadable(path: path, reason: "its link goes round in a loop"))
                return nil
            }
            guard let resolved = try? manager.attributesOfItem(atPath: target.path)[.type] as? FileAttributeType,
                resolved != .typeSymbolicLink
            else {
                diagnostics.append(Messages.unreadable(path: path, reason: "its link leads nowhere"))
                return nil
            }
            guard resolved != .typeDirectory else {
                diagnostics.append(Messages.symlinkToFolder(path: path))
                return nil
            }
            type = resolved
        }
        guard type == .typeRegular || type == .typeDirectory else {
            diagnostics.append(Messages.unreadable(path: path, reason: "it is neither a file nor a folder"))
            return nil
        }
        return type
    }

    /// Whether `url` is a symbolic link whose target lies outside the
    /// content folder (`site.yaml` is checked with it too).
    func isLinkOutside(_ url: URL) -> Bool {
        guard (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil else { return false }
        let target = url.resolvingSymlinksInPath().standardizedFileURL
        let base = root.resolvingSymlinksInPath().standardizedFileURL.path + "/"
        return !target.path.hasPrefix(base)
    }

    /// The language of `site.<language>.yaml` (the site's words translated), else nil.
    static func siteTranslationLanguage(_ name: String) -> String? {
        guard name.hasPrefix("site."), name.hasSuffix(".yaml"), name.count > "site..yaml".count else { return nil }
        let language = String(name.dropFirst("site.".count).dropLast(".yaml".count))
        return FieldReader.isLanguageTag(language) ? language : nil
    }

    /// Warns about entries of `content/` that the format does not know, so a
    /// misspelt folder (`actor/`) does not vanish silently.
    private func checkTopLevel(_ diagnostics: inout Diagnostics) {
        let known = Set(Kind.allCases.map(\.folder) + ["site.yaml"])
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        for name in names.sorted()
        where !name.hasPrefix(".") && !name.hasPrefix("_") && !known.contains(name) && Self.siteTranslationLanguage(name) == nil {
            let path = Project.displayPath(root.appendingPathComponent(name))
            diagnostics.append(Messages.unknownTopLevel(path: path, name: name, suggestion: Suggestions.closest(to: name, in: known)))
        }
    }
}
