import CDossierSystem
import Foundation

/// A site being written: files go into the staging folder (from any core);
/// `commit` swaps it with the output, `abandon` throws it away.
///
/// A file whose bytes are those of the same file in the previous site is
/// hard-linked from it instead of written: its data is not written again,
/// and it keeps its modification time, so a publisher that syncs by size
/// and time (`rsync`) sends only what changed. Nothing is ever written into
/// an existing file, so the previous site's files stay as they were until
/// the swap, whatever happens to this build.
final class StagedOutput: PageSink, @unchecked Sendable {
    let target: URL
    let staging: URL
    /// `staging.path`, made once: `URL.path` builds a new string per call.
    private let stagingPath: String
    /// The previous site's path, when there is one to link from.
    private let previousPath: String?
    private let lock: Int32
    private let shown: String
    /// Files that could not be written, reported at `commit`.
    private let failures = Mutex<[Diagnostic]>([])
    private let createdFolders = Mutex<Set<String>>([])
    let fileCount = Mutex(0)
    /// Files linked from the previous site (counted in `fileCount` too).
    let unchangedCount = Mutex(0)

    init(target: URL, staging: URL, lock: Int32, shown: String) {
        self.target = target
        self.staging = staging
        stagingPath = staging.path
        var status = stat()
        previousPath = stat(target.path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR ? target.path : nil
        self.lock = lock
        self.shown = shown
    }

    deinit { close(lock) }

    func write(_ path: String, _ contents: String) {
        var contents = contents
        contents.withUTF8 { write(path, bytes: UnsafeRawBufferPointer($0)) }
    }

    func write(_ path: String, bytes: [UInt8]) {
        bytes.withUnsafeBytes { write(path, bytes: $0) }
    }

    func write(_ path: String, _ data: Data) {
        data.withUnsafeBytes { write(path, bytes: $0) }
    }

    /// One file with plain system calls: a build writes tens of thousands,
    /// and Foundation's `Data.write` and `createDirectory` cost several
    /// extra `stat`s and allocations each. Modes are theirs (0666 for
    /// files, 0777 for folders, less the umask).
    private func write(_ path: String, bytes: UnsafeRawBufferPointer) {
        let file = stagingPath + "/" + path
        if let error = makeFolder(Self.folder(of: file)) {
            return fail(path, error)
        }
        if let previousPath {
            let previous = previousPath + "/" + path
            if Self.holds(previous, bytes), link(previous, file) == 0 {
                fileCount.withLock { $0 += 1 }
                unchangedCount.withLock { $0 += 1 }
                return
            }
        }
        // A new file, never an existing one opened for writing: that could
        // be a link to the previous site's file (a path written twice).
        var descriptor = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        if descriptor < 0, errno == EEXIST, unlink(file) == 0 {
            descriptor = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        }
        guard descriptor >= 0 else { return fail(path, errno) }
        var written = 0
        while written < bytes.count {
            let count = Foundation.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            if count < 0 {
                guard errno == EINTR else {
                    let error = errno
                    close(descriptor)
                    return fail(path, error)
                }
                continue
            }
            written += count
        }
        guard close(descriptor) == 0 else { return fail(path, errno) }
        fileCount.withLock { $0 += 1 }
    }

    /// Whether `file` is a regular file (not a symbolic link) of this user's
    /// holding exactly `bytes`. Any failure to tell is a no: the file is
    /// then written.
    private static func holds(_ file: String, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let descriptor = open(file, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_uid == geteuid(),
            status.st_size == bytes.count
        else {
            return false
        }
        let chunk = 64 * 1024
        return withUnsafeTemporaryAllocation(byteCount: chunk, alignment: 16) { buffer in
            var compared = 0
            // One read past the expected end: the file may have grown since `fstat`.
            while true {
                let count = read(descriptor, buffer.baseAddress!, chunk)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                if count == 0 { return compared == bytes.count }
                guard compared + count <= bytes.count,
                    memcmp(buffer.baseAddress!, bytes.baseAddress! + compared, count) == 0
                else { return false }
                compared += count
            }
        }
    }

    private func fail(_ path: String, _ error: Int32) {
        let problem = Messages.cannotWriteFile(path, output: shown, reason: String(cString: strerror(error)))
        failures.withLock { $0.append(problem) }
    }

    /// Copies a file (an asset) into the staging folder.
    func copy(_ source: URL, to path: String) {
        do {
            write(path, try Data(contentsOf: source))
        } catch {
            let problem = Messages.cannotCopyAsset(Project.displayPath(source), output: shown, reason: OutputWriter.reason(error))
            failures.withLock { $0.append(problem) }
        }
    }

    /// Swaps the staged site in; on any failure the old output stays.
    func commit(_ diagnostics: inout Diagnostics) {
        let problems = failures.withLock { $0 }
        guard problems.isEmpty else {
            for problem in problems.sorted(by: { $0.message < $1.message }).prefix(20) { diagnostics.append(problem) }
            abandon()
            return
        }
        let manager = FileManager.default
        keepDotFiles()
        if !manager.fileExists(atPath: target.path) {
            guard rename(staging.path, target.path) == 0 else { return fail(&diagnostics) }
            return
        }
        if dossier_exchange_paths(staging.path, target.path) == 0 {
            TreeRemoval.remove(staging.path)  // now holds the previous site
            return
        }
        // No atomic exchange here (old kernel or file system): two renames.
        let old = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).old-\(getpid())")
        guard rename(target.path, old.path) == 0 else { return fail(&diagnostics) }
        guard rename(staging.path, target.path) == 0 else {
            let saved = errno
            _ = rename(old.path, target.path)
            errno = saved
            return fail(&diagnostics)
        }
        TreeRemoval.remove(old.path)
    }

    func abandon() {
        TreeRemoval.remove(staging.path)
    }

    private func fail(_ diagnostics: inout Diagnostics) {
        diagnostics.append(Messages.cannotReplaceOutput(output: shown, reason: String(cString: strerror(errno))))
        abandon()
    }

    /// Top-level dot-files of the old output (`.gitkeep`, `.nojekyll`) are
    /// the publisher's, not the generator's: they move to the new site.
    private func keepDotFiles() {
        let manager = FileManager.default
        let names = (try? manager.contentsOfDirectory(atPath: target.path)) ?? []
        for name in names where name.hasPrefix(".") {
            let destination = staging.appendingPathComponent(name)
            guard !manager.fileExists(atPath: destination.path) else { continue }
            try? manager.copyItem(at: target.appendingPathComponent(name), to: destination)
        }
    }

    /// The folder holding `file` (a path inside the staging folder).
    private static func folder(of file: String) -> String {
        String(file[..<(file.utf8.lastIndex(of: UInt8(ascii: "/")) ?? file.endIndex)])
    }

    /// Makes `folder` and the folders above it inside the staging folder
    /// (each once per build); the `errno` of a failure.
    private func makeFolder(_ folder: String) -> Int32? {
        if createdFolders.withLock({ $0.contains(folder) }) { return nil }
        if mkdir(folder, 0o777) != 0 {
            switch errno {
            case EEXIST: break
            case ENOENT:
                guard let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")), slash != folder.startIndex else { return ENOENT }
                if let error = makeFolder(String(folder[..<slash])) { return error }
                guard mkdir(folder, 0o777) == 0 || errno == EEXIST else { return errno }
            default: return errno
            }
        }
        createdFolders.withLock { _ = $0.insert(folder) }
        return nil
    }
}
