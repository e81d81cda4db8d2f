import CDossierSystem
import Foundation

/// Stage 4: writes the site into a staging folder beside the output and
/// swaps it in only when complete, so a failed or killed build never leaves
/// a half-written or mixed `public/`. One build at a time holds the output's
/// lock; dot-files at the top of the old output (`.gitkeep`) are kept.
struct OutputWriter {
    let output: URL
    /// Folders the output must neither be nor contain.
    let protected: [(what: String, url: URL)]

    /// Checks the output folder, takes the lock and makes the staging
    /// folder; nil with a diagnostic when the output cannot be written.
    func begin(_ diagnostics: inout Diagnostics) -> StagedOutput? {
        let target = output.resolvingSymlinksInPath().standardizedFileURL
        let shown = Project.displayPath(output)
        for (what, url) in protected {
            let guarded = url.resolvingSymlinksInPath().standardizedFileURL.path
            if guarded == target.path || guarded.hasPrefix(target.path.hasSuffix("/") ? target.path : target.path + "/") {
                diagnostics.append(Messages.outputWouldReplace(what, output: shown))
                return nil
            }
        }
        if let problem = Self.foreignFolderProblem(target, shown: shown) {
            diagnostics.append(problem)
            return nil
        }
        let parent = target.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            diagnostics.append(Messages.cannotCreateOutputParent(output: shown, reason: Self.reason(error)))
            return nil
        }
        let name = target.lastPathComponent
        let lockPath = parent.appendingPathComponent(".\(name).lock").path
        let lock = open(lockPath, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard lock >= 0 else {
            diagnostics.append(Messages.cannotWriteBesideOutput(output: shown, reason: String(cString: strerror(errno))))
            return nil
        }
        guard dossier_try_lock(lock) == 0 else {
            close(lock)
            diagnostics.append(Messages.outputLocked(output: shown))
            return nil
        }
        Self.removeLeftovers(in: parent, name: name)
        let staging = parent.appendingPathComponent(".\(name).staging-\(getpid())")
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            close(lock)
            diagnostics.append(Messages.cannotCreateStaging(output: shown, reason: Self.reason(error)))
            return nil
        }
        return StagedOutput(target: target, staging: staging, lock: lock, shown: shown)
    }

    /// The folders the output of `project` may neither be nor contain: its
    /// content and templates, the repository holding them, the project
    /// folder and the working directory.
    static func protectedFolders(of project: Project) -> [(what: String, url: URL)] {
        var folders = [("content folder", project.content), ("templates folder", project.templates)]
        var candidate = project.content.deletingLastPathComponent()
        let manager = FileManager.default
        while candidate.path != "/" {
            if manager.fileExists(atPath: candidate.appendingPathComponent(".git").path) {
                folders.append(("repository root", candidate))
                break
            }
            candidate = candidate.deletingLastPathComponent()
        }
        folders.append(("project folder", project.content.deletingLastPathComponent()))
        folders.append(("working directory", URL(fileURLWithPath: manager.currentDirectoryPath)))
        return folders
    }

    /// An existing folder that does not look like a site is not replaced:
    /// a wrong `--output` must not delete someone's files.
    private static func foreignFolderProblem(_ target: URL, shown: String) -> Diagnostic? {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: target.path, isDirectory: &isDirectory) else { return nil }
        guard isDirectory.boolValue else { return Messages.outputNotAFolder(output: shown) }
        let visible = ((try? manager.contentsOfDirectory(atPath: target.path)) ?? []).filter { !$0.hasPrefix(".") }
        if visible.isEmpty || visible.contains("index.html") { return nil }
        return Messages.outputNotASite(output: shown)
    }

    /// Staging folders of builds that were killed.
    private static func removeLeftovers(in parent: URL, name: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for leftover in names where leftover.hasPrefix(".\(name).staging-") || leftover.hasPrefix(".\(name).old-") {
            TreeRemoval.remove(parent.appendingPathComponent(leftover).path)
        }
    }

    static func reason(_ error: Error) -> String {
        let error = error as NSError
        if let posix = error.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code)))
        }
        // swift-foundation does not always attach the POSIX error: the usual ones by their Cocoa code.
        if error.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: error.code) {
            case .fileWriteOutOfSpace: return String(cString: strerror(ENOSPC))
            case .fileWriteVolumeReadOnly: return String(cString: strerror(EROFS))
            case .fileWriteNoPermission, .fileReadNoPermission: return String(cString: strerror(EACCES))
            case .fileWriteFileExists: return String(cString: strerror(EEXIST))
            default: break
            }
        }
        return error.localizedDescription
    }
}
