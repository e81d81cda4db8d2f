import Foundation

/// The listing of `content/` (`ContentWalker`), kept while no folder under
/// it changed: adding, removing or renaming a file changes its folder's
/// stamp. Listing 17,000 files costs about a second; stamping their ~20
/// folders, a few milliseconds. A tree with symbolic links is listed
/// every time (a link's target can change without its folder changing).
struct WalkCache {
    /// One content file and its absolute path (`URL.path` is slow).
    struct File: Sendable {
        let ref: ContentFileRef
        let path: String
    }

    private var stamps: [String: FileStamp]?
    private var stampedAt: Int64 = 0
    private var files: [File] = []
    private var walkDiagnostics = Diagnostics()

    /// What `ContentWalker(root:).files` returns, listed again only when needed.
    mutating func files(in root: URL, _ diagnostics: inout Diagnostics) -> [File] {
        let now = FileStamp.now()
        let current = Self.folderStamps(root.path)
        if let stamps, let current, stamps == current,
            !current.values.contains(where: { $0.isUnsettled(at: stampedAt) })
        {
            diagnostics.append(contentsOf: walkDiagnostics)
            return files
        }
        var walked = Diagnostics()
        files = ContentWalker(root: root).files(&walked).map { File(ref: $0, path: $0.url.path) }
        walkDiagnostics = walked
        stamps = current
        stampedAt = now
        diagnostics.append(contentsOf: walked)
        return files
    }

    /// The stamp of every folder under `path` (its own included), or nil
    /// when the tree holds a symbolic link or cannot be read. Like the
    /// walker, it skips names starting with `.` or `_`.
    static func folderStamps(_ path: String) -> [String: FileStamp]? {
        var stamps: [String: FileStamp] = [:]
        var pending = [path]
        while let folder = pending.popLast() {
            guard let stamp = FileStamp(path: folder, followingLinks: false) else { return nil }
            stamps[folder] = stamp
            for (name, type) in FolderScan.entries(of: folder) where !name.hasPrefix(".") && !name.hasPrefix("_") {
                switch type {
                case .directory: pending.append(folder + "/" + name)
                case .link: return nil
                case .file, .other: continue
                }
            }
        }
        return stamps
    }
}
