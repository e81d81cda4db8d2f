#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The entries of an open folder listing (`opendir`, `fdopendir`), read
/// straight from `readdir`: the listing's entry types spare a `stat` per
/// file.
enum DirectoryEntries {
    /// Calls `body` with each entry's name (NUL-terminated, valid during the
    /// call) and its type as the listing gives it (`DT_UNKNOWN` on file
    /// systems that do not say), but `.` and `..`.
    @inline(__always)
    static func forEach(in listing: OpaquePointer, _ body: (UnsafePointer<CChar>, UInt8) -> Void) {
        // A record can be shorter than `dirent` (`d_reclen`): its fields are
        // read in place, never by copying `pointee` whole (past its end).
        let nameOffset = MemoryLayout<dirent>.offset(of: \.d_name) ?? 0
        let typeOffset = MemoryLayout<dirent>.offset(of: \.d_type) ?? 0
        while let entry = readdir(listing) {
            let record = UnsafeRawPointer(entry)
            let name = record.advanced(by: nameOffset).assumingMemoryBound(to: CChar.self)
            if name[0] == 0x2E, name[1] == 0 || (name[1] == 0x2E && name[2] == 0) { continue }
            body(name, record.load(fromByteOffset: typeOffset, as: UInt8.self))
        }
    }
}
