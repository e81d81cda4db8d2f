import DossierKit
import Foundation

/// The stamps of every file under the watched folders, compared poll after
/// poll to notice edits. Names starting with `.` are skipped (editors' swap
/// and backup files); a file whose stamp is unsettled (`FileStamp`) is also
/// hashed, so two writes within one timestamp tick are still seen.
struct TreeSnapshot: Equatable, Sendable {
    private(set) var files: [String: Mark] = [:]

    /// A file's stamp, and a hash of its bytes while the stamp is unsettled.
    struct Mark: Equatable, Sendable {
        let stamp: FileStamp
        let digest: Int?

        /// Same stamp, and same bytes when both were hashed: a stamp that
        /// settled between two polls is not a change.
        static func == (a: Mark, b: Mark) -> Bool {
            a.stamp == b.stamp && (a.digest == nil || b.digest == nil || a.digest == b.digest)
        }
    }

    /// Walks `folders` (symbolic links to files followed, to folders not).
    static func take(_ folders: [URL]) -> TreeSnapshot {
        var snapshot = TreeSnapshot()
        let now = FileStamp.now()
        for folder in folders { snapshot.walk(folder.path, now: now, depth: 0) }
        return snapshot
    }

    /// The paths added, removed or changed between two snapshots, sorted.
    func changes(since old: TreeSnapshot) -> [String] {
        var paths = Set<String>()
        for (path, mark) in files where old.files[path] != mark { paths.insert(path) }
        for path in old.files.keys where files[path] == nil { paths.insert(path) }
        return paths.sorted()
    }

    private mutating func walk(_ folder: String, now: Int64, depth: Int) {
        guard depth < 32 else { return }
        for (name, type) in FolderScan.entries(of: folder) where !name.hasPrefix(".") {
            let path = folder + "/" + name
            switch type {
            case .directory:
                walk(path, now: now, depth: depth + 1)
            case .file, .other:
                if let stamp = FileStamp(path: path, followingLinks: false) { note(path, stamp, now: now) }
            case .link:
                if let stamp = FileStamp(path: path) ?? FileStamp(path: path, followingLinks: false) { note(path, stamp, now: now) }
            }
        }
    }

    private mutating func note(_ path: String, _ stamp: FileStamp, now: Int64) {
        files[path] = Mark(stamp: stamp, digest: stamp.isUnsettled(at: now) ? Self.digest(path) : nil)
    }

    private static func digest(_ path: String) -> Int? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var hasher = Hasher()
        hasher.combine(data)
        return hasher.finalize()
    }
}
