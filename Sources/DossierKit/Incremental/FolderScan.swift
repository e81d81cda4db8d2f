#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A folder's entries straight from `readdir`, whose entry types spare a
/// `stat` per file: listing large trees through `FileManager` costs tens of
/// microseconds a file.
public enum FolderScan {
    /// What an entry is, without following symbolic links.
    public enum EntryType: Sendable {
        case directory, file, link, other
    }

    /// The entries of the folder at `path` (not `.` and `..`), unsorted;
    /// empty when it cannot be read.
    public static func entries(of path: String) -> [(name: String, type: EntryType)] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var result: [(String, EntryType)] = []
        DirectoryEntries.forEach(in: directory) { bytes, code in
            let name = String(cString: bytes)
            result.append((name, type(Int32(code), path: path + "/" + name)))
        }
        return result
    }

    private static func type(_ code: Int32, path: String) -> EntryType {
        switch code {
        case Int32(DT_DIR): return .directory
        case Int32(DT_REG): return .file
        case Int32(DT_LNK): return .link
        case Int32(DT_UNKNOWN):
            var info = stat()
            guard lstat(path, &info) == 0 else { return .other }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: return .directory
            case S_IFREG: return .file
            case S_IFLNK: return .link
            default: return .other
            }
        default: return .other
        }
    }
}
