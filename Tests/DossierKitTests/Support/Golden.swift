import Foundation
import Testing

/// Golden snapshots: a built folder or a rendered text compared byte for byte
/// with the copy kept under `Fixtures/golden` or next to its input.
///
/// When the generator or the theme changes on purpose, re-record and review
/// the diff before committing:
///
///     DOSSIER_RECORD=1 swift test --filter Golden
///
/// Recording rewrites the goldens and then fails the test, so a recording run
/// can never pass silently (run the tests again without the variable).
enum Golden {
    static let howToRecord = "if the change is intended, re-record with `DOSSIER_RECORD=1 swift test --filter Golden` and review the diff"

    static var isRecording: Bool { ProcessInfo.processInfo.environment["DOSSIER_RECORD"] == "1" }

    /// Compares every file under `built` with `golden`: a missing file, an
    /// extra file or any differing byte fails.
    static func assertFolder(_ built: URL, matches golden: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if isRecording {
            try? FileManager.default.removeItem(at: golden)
            try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: built, to: golden)
            Issue.record(
                "recorded \(golden.path): review it, then run the tests again without DOSSIER_RECORD", sourceLocation: sourceLocation)
            return
        }
        let problems = try differences(between: built, and: golden)
        #expect(
            problems.isEmpty, "output differs from \(golden.path):\n\(problems.joined(separator: "\n"))\n\(howToRecord)",
            sourceLocation: sourceLocation)
    }

    /// Compares `text` with the golden file at `golden`.
    static func assertText(_ text: String, matches golden: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if isRecording {
            try Data(text.utf8).write(to: golden)
            Issue.record(
                "recorded \(golden.path): review it, then run the tests again without DOSSIER_RECORD", sourceLocation: sourceLocation)
            return
        }
        guard let expected = FileManager.default.contents(atPath: golden.path) else {
            Issue.record("missing golden \(golden.path); \(howToRecord)", sourceLocation: sourceLocation)
            return
        }
        let difference = firstDifference(Data(text.utf8), expected)
        #expect(difference == nil, "\(golden.lastPathComponent): \(difference ?? "")\n\(howToRecord)", sourceLocation: sourceLocation)
    }

    /// What differs between two folders, one line per file; empty when they
    /// are byte for byte the same.
    static func differences(between built: URL, and golden: URL) throws -> [String] {
        let builtFiles = try files(in: built), goldenFiles = try files(in: golden)
        var problems: [String] = []
        for path in goldenFiles.subtracting(builtFiles).sorted() { problems.append("missing: \(path)") }
        for path in builtFiles.subtracting(goldenFiles).sorted() { problems.append("extra: \(path)") }
        for path in builtFiles.intersection(goldenFiles).sorted() {
            let a = try Data(contentsOf: built.appendingPathComponent(path))
            let b = try Data(contentsOf: golden.appendingPathComponent(path))
            if let difference = firstDifference(a, b) { problems.append("differs: \(path): \(difference)") }
        }
        return problems
    }

    /// Every regular file below `folder`, as paths relative to it.
    static func files(in folder: URL) throws -> Set<String> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: folder.path])
        }
        var result = Set<String>()
        for path in FileManager.default.subpaths(atPath: folder.path) ?? [] {
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result.insert(path)
            }
        }
        return result
    }

    /// nil when equal, else the first differing line of each side.
    private static func firstDifference(_ actual: Data, _ expected: Data) -> String? {
        guard actual != expected else { return nil }
        let a = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let b = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(a.count, b.count) {
            let left = index < a.count ? String(a[index]) : "<end of file>"
            let right = index < b.count ? String(b[index]) : "<end of file>"
            if left != right { return "line \(index + 1): got \(left.debugDescription), expected \(right.debugDescription)" }
        }
        return "same text, different bytes (\(actual.count) against \(expected.count))"
    }
}
