import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `stat` says about a file: enough to notice a change without reading
/// it. Timestamps tick coarsely (a few milliseconds on Linux, seconds on some
/// file systems), so a file written twice within one tick keeps its stamp:
/// a stamp taken less than `settleTime` after the file's modification is
/// *unsettled*, and its file must be read again to be sure.
public struct FileStamp: Hashable, Sendable {
    public let device: UInt64
    public let inode: UInt64
    public let size: Int64
    /// Modification and status-change times, in nanoseconds since 1970.
    public let modified: Int64
    public let changed: Int64
    /// True for a folder.
    public let isFolder: Bool

    /// How long after its last modification a stamp can be trusted.
    public static let settleTime: Int64 = 2_000_000_000

    /// The stamp of the file at `path`, or nil; a symbolic link is followed
    /// unless `followingLinks` is false.
    public init?(path: String, followingLinks: Bool = true) {
        var info = stat()
        guard (followingLinks ? stat(path, &info) : lstat(path, &info)) == 0 else { return nil }
        self.init(info)
    }

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        isFolder = (info.st_mode & S_IFMT) == S_IFDIR
        #if canImport(Darwin)
            modified = Self.nanoseconds(info.st_mtimespec)
            changed = Self.nanoseconds(info.st_ctimespec)
        #else
            modified = Self.nanoseconds(info.st_mtim)
            changed = Self.nanoseconds(info.st_ctim)
        #endif
    }

    /// True when the file may still change without changing this stamp:
    /// it was modified less than `settleTime` before `now`.
    public func isUnsettled(at now: Int64) -> Bool {
        now - max(modified, changed) < Self.settleTime
    }

    /// The wall clock in nanoseconds since 1970, the timestamps' scale.
    public static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return nanoseconds(time)
    }

    private static func nanoseconds(_ time: timespec) -> Int64 {
        Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
