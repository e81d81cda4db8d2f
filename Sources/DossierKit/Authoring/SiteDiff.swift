import Foundation

/// `dossier diff`: which files of a site were added, changed or removed
/// between two builds. Builds are byte-identical for identical input, so
/// every difference is a real change.
public struct SiteDiff: Sendable, Equatable {
    public var added: [String] = []
    public var changed: [String] = []
    public var removed: [String] = []

    public var isEmpty: Bool { added.isEmpty && changed.isEmpty && removed.isEmpty }

    public static func compare(old: URL, new: URL) throws -> SiteDiff {
        let before = try files(in: old), after = try files(in: new)
        var diff = SiteDiff()
        for (path, url) in after.sorted(by: { $0.key < $1.key }) {
            guard let previous = before[path] else {
                diff.added.append(path)
                continue
            }
            if try Data(contentsOf: previous) != Data(contentsOf: url) { diff.changed.append(path) }
        }
        diff.removed = before.keys.filter { after[$0] == nil }.sorted()
        return diff
    }

    /// Regular files below `root` by relative path, dot-files left out.
    static func files(in root: URL) throws -> [String: URL] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: root.path])
        }
        var result: [String: URL] = [:]
        for path in FileManager.default.subpaths(atPath: root.path) ?? [] {
            guard !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            let url = root.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            result[path] = url
        }
        return result
    }

    public func text() -> String {
        guard !isEmpty else { return "no changes\n" }
        return (added.map { "added    \($0)" } + changed.map { "changed  \($0)" } + removed.map { "removed  \($0)" })
            .joined(separator: "\n") + "\n"
    }

    public func markdown() -> String {
        var text = "### Site changes\n\n"
        text += "\(added.count) added, \(changed.count) changed, \(removed.count) removed\n"
        for (title, paths) in [("Added", added), ("Changed", changed), ("Removed", removed)] where !paths.isEmpty {
            text += "\n**\(title)**\n\n" + paths.map { "- `\($0)`" }.joined(separator: "\n") + "\n"
        }
        return text
    }

    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let value = ["added": added, "changed": changed, "removed": removed]
        return ((try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}") + "\n"
    }
}
