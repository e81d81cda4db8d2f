import Foundation
import Testing

/// The built `dossier` binary under faults: killed at any moment, two builds
/// at once, an output it cannot write, a disk that fills up. After each, the
/// output folder holds exactly the old site or exactly the new one, and the
/// next build clears what a killed one left beside it.
@Suite(.serialized) struct FaultTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let templates = packageRoot.appendingPathComponent("templates")

    /// Events of the generated report (`bench/gen.py`) and kills of the kill
    /// test; `DOSSIER_FAULT_EVENTS` and `DOSSIER_FAULT_KILLS` change them.
    static let events = ProcessInfo.processInfo.environment["DOSSIER_FAULT_EVENTS"].flatMap(Int.init) ?? 600
    static let kills = ProcessInfo.processInfo.environment["DOSSIER_FAULT_KILLS"].flatMap(Int.init) ?? 12

    // MARK: Running the binary

    struct Finished {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// `dossier build` of `content` into `output`, started and not waited for.
    final class Build {
        let process = Process()
        let logs: URL

        init(content: URL, output: URL, in folder: URL) throws {
            logs = folder.appendingPathComponent("logs-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
            process.executableURL = try CLITests.binary()
            // The theme copied into the test's folder when there is one: an edit
            // of the repository's theme during a run must not change the site.
            let copy = folder.appendingPathComponent("templates")
            let templates = FileManager.default.fileExists(atPath: copy.path) ? copy : FaultTests.templates
            process.arguments = ["build", "--content", content.path, "--templates", templates.path, "--output", output.path]
            process.currentDirectoryURL = folder
            var environment = ProcessInfo.processInfo.environment
            environment["NO_COLOR"] = "1"
            process.environment = environment
            for name in ["stdout", "stderr"] { try Data().write(to: logs.appendingPathComponent(name)) }
            process.standardOutput = try FileHandle(forWritingTo: logs.appendingPathComponent("stdout"))
            process.standardError = try FileHandle(forWritingTo: logs.appendingPathComponent("stderr"))
            try process.run()
        }

        func wait() throws -> Finished {
            process.waitUntilExit()
            defer { try? FileManager.default.removeItem(at: logs) }
            return Finished(
                status: process.terminationStatus,
                stdout: try String(contentsOf: logs.appendingPathComponent("stdout"), encoding: .utf8),
                stderr: try String(contentsOf: logs.appendingPathComponent("stderr"), encoding: .utf8))
        }

        func kill() throws -> Finished {
            _ = Foundation.kill(process.processIdentifier, SIGKILL)
            return try wait()
        }
    }

    static func build(_ content: URL, into output: URL, in folder: URL) throws -> Finished {
        try Build(content: content, output: output, in: folder).wait()
    }

    // MARK: Manifests

    /// Path → hash of the bytes (or a mark for a folder) of every entry.
    static func manifest(of folder: URL) throws -> [String: Int] {
        var result: [String: Int] = [:]
        let manager = FileManager.default
        for path in manager.subpaths(atPath: folder.path) ?? [] {
            let url = folder.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            _ = manager.fileExists(atPath: url.path, isDirectory: &isDirectory)
            var hasher = Hasher()
            // Every byte: Data's own hash reads only the first 80.
            if isDirectory.boolValue {
                hasher.combine("<folder>")
            } else {
                try Data(contentsOf: url).withUnsafeBytes { hasher.combine(bytes: $0) }
            }
            result[path] = hasher.finalize()
        }
        return result
    }

    /// Names beside `output` that a build leaves while it runs.
    static func leftovers(beside output: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)) ?? []
        let name = output.lastPathComponent
        return names.filter { $0.hasPrefix(".\(name).staging-") || $0.hasPrefix(".\(name).old-") }.sorted()
    }

    static func withTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-fault-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: templates, to: folder.appendingPathComponent("templates"))
        return try body(folder)
    }

    /// A generated report of `events` events in `folder/content`.
    static func generate(events: Int, in folder: URL) throws -> URL {
        let content = folder.appendingPathComponent("content")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", packageRoot.appendingPathComponent("bench/gen.py").path, "--events", "\(events)", "--out", content.path,
        ]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "bench/gen.py failed")
        return content
    }

    /// Rewrites the site title: every page of the site changes.
    static func retitle(_ content: URL, _ title: String) throws {
        let url = content.appendingPathComponent("site.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("title:") ? "title: \(title)" : String(line)
        }
        try Data(lines.joined(separator: "\n").utf8).write(to: url)
    }

    /// A small report with no warning: settings and `pages` pages.
    static func smallSite(in folder: URL, pages: Int = 3, name: String = "content") throws -> URL {
        let content = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: content.appendingPathComponent("pages"), withIntermediateDirectories: true)
        try Data("title: Small\ndescription: A small report.\nlanguage: en\n".utf8).write(to: content.appendingPathComponent("site.yaml"))
        for page in 0..<pages {
            try Data("---\ntitle: Page \(page)\n---\nText of page \(page).\n".utf8)
                .write(to: content.appendingPathComponent("pages/page-\(page).md"))
        }
        return content
    }

    // MARK: Tests

    /// SIGKILL at random moments of a large build: the output is always
    /// exactly one of the two complete sites, never a mix or a half.
    @Test func killedBuildLeavesOldOrNewSite() throws {
        try Self.withTemporaryFolder { folder in
            let content = try Self.generate(events: Self.events, in: folder)
            let output = folder.appendingPathComponent("public")
            // The two sites, built whole once each.
            try Self.retitle(content, "Site B")
            let reference = folder.appendingPathComponent("reference")
            #expect(try Self.build(content, into: reference, in: folder).status == 0)
            let siteB = try Self.manifest(of: reference)
            try Self.retitle(content, "Site A")
            let start = ContinuousClock.now
            #expect(try Self.build(content, into: output, in: folder).status == 0)
            let elapsed = ContinuousClock.now - start
            let full = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let siteA = try Self.manifest(of: output)
            #expect(siteA != siteB && siteA.count == siteB.count)

            var current = "A"
            var outcomes: [String] = []
            var generator = SystemRandomNumberGenerator()
            for kill in 0..<Self.kills {
                let next = current == "A" ? "B" : "A"
                try Self.retitle(content, "Site \(next)")
                // Half the kills anywhere, half late, where the swap happens.
                let delay =
                    kill % 2 == 0
                    ? Double.random(in: 0...(full * 1.1), using: &generator)
                    : Double.random(in: (full * 0.7)...(full * 1.5), using: &generator)
                let build = try Build(content: content, output: output, in: folder)
                Thread.sleep(forTimeInterval: delay)
                let finished = try build.kill()
                let found = try Self.manifest(of: output)
                let state = found == siteA ? "A" : found == siteB ? "B" : "mixed"
                outcomes.append(String(format: "%.2fs→%@%@", delay, state, finished.status == 0 ? " (finished)" : ""))
                #expect(state != "mixed", "kill \(kill) after \(delay) s left a mixed output: \(found.count) entries")
                guard state != "mixed" else { break }
                current = state
            }
            // The next build clears what the killed ones left beside the output.
            try Self.retitle(content, "Site A")
            let last = try Self.build(content, into: output, in: folder)
            #expect(last.status == 0, "\(last.stderr)")
            #expect(try Self.manifest(of: output) == siteA)
            #expect(Self.leftovers(beside: output) == [], "leftovers after a good build")
            print("kill test: \(Self.events) events, full build \(String(format: "%.1f", full)) s; \(outcomes.joined(separator: ", "))")
        }
    }

    /// While another process holds the output's lock, a build exits 1
    /// with the lock message and leaves the output alone.
    @Test func heldLockRefusesTheBuild() throws {
        try Self.withTemporaryFolder { folder in
            let output = folder.appendingPathComponent("public")
            let content = try Self.smallSite(in: folder)
            #expect(try Self.build(content, into: output, in: folder).status == 0)
            let before = try Self.manifest(of: output)
            let lock = open(folder.appendingPathComponent(".public.lock").path, O_CREAT | O_RDWR, 0o644)
            #expect(lock >= 0)
            defer { close(lock) }
            #expect(flock(lock, LOCK_EX | LOCK_NB) == 0)
            let run = try Self.build(content, into: output, in: folder)
            #expect(run.status == 1)
            #expect(run.stdout == "")
            #expect(
                run.stderr == "public: error: another build is writing this folder: wait for it to finish\n1 error: nothing was written\n")
            #expect(try Self.manifest(of: output) == before)
            #expect(Self.leftovers(beside: output) == [])
        }
    }

    /// Two real builds started together on one output: one wins, the
    /// other exits 1 with the lock message; the output is the complete site.
    @Test func twoBuildsAtOnceOneWins() throws {
        try Self.withTemporaryFolder { folder in
            let content = try Self.generate(events: max(200, Self.events / 4), in: folder)
            let reference = folder.appendingPathComponent("reference")
            #expect(try Self.build(content, into: reference, in: folder).status == 0)
            let site = try Self.manifest(of: reference)
            let output = folder.appendingPathComponent("public")
            var sawConflict = false
            for _ in 0..<3 where !sawConflict {
                let first = try Build(content: content, output: output, in: folder)
                let second = try Build(content: content, output: output, in: folder)
                let results = [try first.wait(), try second.wait()]
                let statuses = results.map(\.status).sorted()
                #expect(statuses == [0, 1] || statuses == [0, 0], "\(results)")
                if statuses == [0, 1], let loser = results.first(where: { $0.status == 1 }) {
                    sawConflict = true
                    // The loser reads and checks the content (its warnings) before it asks for the lock.
                    let lines = loser.stderr.split(separator: "\n")
                    #expect(
                        lines.filter { $0.contains("error:") } == [
                            "public: error: another build is writing this folder: wait for it to finish"
                        ])
                    #expect(
                        lines.last?.hasPrefix("1 error") == true && lines.last?.hasSuffix(": nothing was written") == true,
                        "\(loser.stderr)")
                    #expect(loser.stdout == "")
                }
                #expect(try Self.manifest(of: output) == site)
                #expect(Self.leftovers(beside: output) == [])
            }
            #expect(sawConflict, "the two builds never overlapped in three tries")
        }
    }

    /// An output whose parent is a regular file: a clear error, nothing written.
    @Test func outputUnderAFileIsAnError() throws {
        try Self.withTemporaryFolder { folder in
            try Data("a file\n".utf8).write(to: folder.appendingPathComponent("file"))
            let run = try Self.build(try Self.smallSite(in: folder), into: folder.appendingPathComponent("file/public"), in: folder)
            #expect(run.status == 1)
            #expect(
                run.stderr == "file/public: error: cannot create the output's parent folder: File exists\n1 error: nothing was written\n")
            #expect(try String(contentsOf: folder.appendingPathComponent("file"), encoding: .utf8) == "a file\n")
        }
    }

    // MARK: Mounted file systems (root only)

    /// Whether this process may mount a tmpfs (root with CAP_SYS_ADMIN, as in CI containers run privileged).
    static let canMount: Bool = {
        guard getuid() == 0 else { return false }
        let point = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-mount-probe-\(getpid())")
        try? FileManager.default.createDirectory(at: point, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: point) }
        guard (try? run("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", point.path])) == 0 else { return false }
        _ = try? run("/bin/umount", [point.path])
        return true
    }()

    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// A tmpfs of `size` at `folder/disk` for `body`, unmounted after.
    static func withTmpfs<T>(size: String, in folder: URL, _ body: (URL) throws -> T) throws -> T {
        let point = folder.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: point, withIntermediateDirectories: true)
        try #require(try run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", point.path]) == 0)
        defer { try? run("/bin/umount", [point.path]) }
        return try body(point)
    }

    /// The output's file system turned read-only: a clear error, old site kept.
    @Test(.enabled(if: FaultTests.canMount, "needs root and permission to mount a tmpfs"))
    func readOnlyOutputIsAnError() throws {
        try Self.withTemporaryFolder { folder in
            try Self.withTmpfs(size: "4m", in: folder) { disk in
                let output = disk.appendingPathComponent("public")
                let content = try Self.smallSite(in: folder)
                #expect(try Self.build(content, into: output, in: folder).status == 0)
                let before = try Self.manifest(of: output)
                try #require(try Self.run("/bin/mount", ["-o", "remount,ro", disk.path]) == 0)
                let run = try Self.build(content, into: output, in: folder)
                #expect(run.status == 1)
                #expect(
                    run.stderr
                        == "disk/public: error: cannot write beside the output folder: Read-only file system\n1 error: nothing was written\n"
                )
                #expect(try Self.manifest(of: output) == before)
                _ = try Self.run("/bin/mount", ["-o", "remount,rw", disk.path])
            }
        }
    }

    /// A disk that fills up while the new site is staged: a clear error,
    /// the old site kept whole, the staging folder removed.
    @Test(.enabled(if: FaultTests.canMount, "needs root and permission to mount a tmpfs"))
    func fullDiskIsAnError() throws {
        try Self.withTemporaryFolder { folder in
            try Self.withTmpfs(size: "400k", in: folder) { disk in
                let output = disk.appendingPathComponent("public")
                let content = try Self.smallSite(in: folder)
                #expect(try Self.build(content, into: output, in: folder).status == 0)
                let before = try Self.manifest(of: output)
                // The same site with a page too large for what is left.
                let paragraph = String(repeating: "A paragraph that fills the disk. ", count: 30) + "\n\n"
                try Data(("---\ntitle: Large\n---\n" + String(repeating: paragraph, count: 600)).utf8)
                    .write(to: content.appendingPathComponent("pages/large.md"))
                let run = try Self.build(content, into: output, in: folder)
                #expect(run.status == 1)
                let lines = run.stderr.split(separator: "\n")
                #expect(
                    lines.count >= 2
                        && lines.dropLast().allSatisfy {
                            $0.hasPrefix("disk/public: error: cannot write '") && $0.hasSuffix("': No space left on device")
                        }, "\(run.stderr)")
                #expect(lines.last?.hasSuffix(" errors: nothing was written") == true || lines.last == "1 error: nothing was written")
                #expect(try Self.manifest(of: output) == before)
                #expect(Self.leftovers(beside: output) == [], "the staging folder was left on the full disk")
            }
        }
    }
}
