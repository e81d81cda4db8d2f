import Foundation

/// Removes a folder and everything below it, on every core: a rebuild at
/// 10,000 events replaces a site of about 17,000 files, each in its own
/// folder, and taking the previous one away on one core was most of the
/// writing stage. Entries are removed by name relative to their open
/// folder (`unlinkat`), so any name is removed as it is and symbolic links
/// are removed, never followed. What cannot be removed (below a folder
/// without write permission) is left where it is.
enum TreeRemoval {
    /// Removes `path`: a folder with everything below it, or a file.
    static func remove(_ path: String) {
        if unlink(path) == 0 || (errno != EISDIR && errno != EPERM) { return }
        let root = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard root >= 0 else { return }
        // The work is shared out one level down, below `events/`, `actors/`
        // and the like, where the page folders are: one top folder at a
        // time, its entries on every core, so few folders are open at once.
        for name in names(in: root) { removeEntry(name, in: root, sharedOut: true) }
        close(root)
        _ = rmdir(path)
    }

    /// An entry's name as the system gave it, NUL-terminated.
    struct Name: Sendable {
        let bytes: [CChar]
    }

    /// Removes the entry `name` of the open folder `folder` and, if it is a
    /// folder, everything below it: on this core, or with what it holds
    /// shared out over every core.
    private static func removeEntry(_ name: Name, in folder: Int32, sharedOut: Bool = false) {
        if unlinkat(folder, name.bytes, 0) == 0 { return }
        guard errno == EISDIR || errno == EPERM else { return }
        let below = openat(folder, name.bytes, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard below >= 0 else { return }
        let children = names(in: below)
        if sharedOut {
            _ = children.parallelMap { removeEntry($0, in: below) }
        } else {
            for child in children { removeEntry(child, in: below) }
        }
        close(below)
        _ = unlinkat(folder, name.bytes, AT_REMOVEDIR)
    }

    /// The entries of the open folder `descriptor` but `.` and `..`; the
    /// descriptor stays open.
    private static func names(in descriptor: Int32) -> [Name] {
        let copy = dup(descriptor)
        guard copy >= 0 else { return [] }
        guard let stream = fdopendir(copy) else {
            close(copy)
            return []
        }
        defer { closedir(stream) }
        rewinddir(stream)  // the copy shares the original's position
        var found: [Name] = []
        DirectoryEntries.forEach(in: stream) { name, _ in
            found.append(Name(bytes: Array(UnsafeBufferPointer(start: name, count: strlen(name) + 1))))
        }
        return found
    }
}
