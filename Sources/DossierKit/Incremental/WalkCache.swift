import Foundation

/// The listing of `content/` (`ContentWalker`), kept while the names in its
/// folders stay the same. The walker's answer depends only on those names
/// and on what each entry is, so one `readdir` per folder (a few
/// milliseconds for 17,000 files) tells whether to ask it again (a second
/// there: it asks `FileManager` about every file). An editor's save through
/// a temporary file leaves the names as they were. A tree holding symbolic
/// links is listed every time (a link's target can change unseen).
struct WalkCache {
    /// One content file and its absolute path (`URL.path` is slow).
    struct File: Sendable {
        let ref: ContentFileRef
        let path: String
    }

    /// Folder → its entries' names and types, as the walker sees them.
    typealias Listing = [String: [String]]

    private var listing: Listing?
    private var files: [File] = []
    private var walkDiagnostics = Diagnostics()

    /// What `ContentWalker(root:).files` returns, listed again only when needed.
    mutating func files(in root: URL, _ diagnostics: inout Diagnostics) -> [File] {
        let current = Self.listing(of: root.path)
        if let listing, let current, listing == current {
            diagnostics.append(contentsOf: walkDiagnostics)
            return files
        }
        var walked = Diagnostics()
        files = ContentWalker(root: root).files(&walked).map { File(ref: $0, path: $0.filePath) }
        walkDiagnostics = walked
        listing = current
        diagnostics.append(contentsOf: walked)
        return files
    }

    /// The names and types in every folder under `path`, skipping names
    /// starting with `.` or `_` as the walker does; nil when the tree holds
    /// a symbolic link or `path` is not a readable folder.
    static func listing(of path: String) -> Listing? {
        var listing: Listing = [:]
        var pending = [path]
        while let folder = pending.popLast() {
            guard let stamp = FileStamp(path: folder, followingLinks: false), stamp.isFolder else { return nil }
            var names: [String] = []
            for (name, type) in FolderScan.entries(of: folder) where !name.hasPrefix(".") && !name.hasPrefix("_") {
                switch type {
                case .directory:
                    pending.append(folder + "/" + name)
                    names.append(name + "/")
                case .file: names.append(name)
                case .link: return nil
                case .other: names.append(name + "?")
                }
            }
            listing[folder] = names.sorted()
        }
        return listing
    }
}
