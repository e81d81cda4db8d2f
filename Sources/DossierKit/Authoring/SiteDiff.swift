import Foundation

/// `dossier diff`: which files of a site were added, changed, moved or
/// removed between two builds. Builds are byte-identical for identical
/// input, so every difference is a real change.
public struct SiteDiff: Sendable, Equatable {
    /// An old address that became a redirect page (`moved_from`): where it now leads.
    public struct Move: Sendable, Equatable, Codable {
        public let from: String
        public let to: String
    }

    public var added: [String] = []
    public var changed: [String] = []
    public var moved: [Move] = []
    public var removed: [String] = []

    public var isEmpty: Bool { added.isEmpty && changed.isEmpty && moved.isEmpty && removed.isEmpty }

    /// The removed pages: links to them, from outside as from bookmarks,
    /// will break (a rename that keeps them lists the old slug in `moved_from`).
    public var removedPages: [String] { removed.filter { $0.hasSuffix(".html") } }

    public static func compare(old: URL, new: URL) throws -> SiteDiff {
        let before = try files(in: old), after = try files(in: new)
        var diff = SiteDiff()
        for (path, url) in after.sorted(by: { $0.key < $1.key }) {
            guard let previous = before[path] else {
                diff.added.append(path)
                continue
            }
            let oldBytes = try Data(contentsOf: previous), newBytes = try Data(contentsOf: url)
            guard oldBytes != newBytes else { continue }
            if let target = redirectTarget(of: newBytes, at: path), redirectTarget(of: oldBytes, at: path) == nil {
                diff.moved.append(Move(from: path, to: target))
            } else {
                diff.changed.append(path)
            }
        }
        diff.removed = before.keys.filter { after[$0] == nil }.sorted()
        return diff
    }

    /// Where a redirect page leads, read from its `http-equiv="refresh"`
    /// tag and resolved against `path`; nil for any other file. The theme
    /// makes the page, so the standard tag is read, not a mark of ours.
    static func redirectTarget(of data: Data, at path: String) -> String? {
        // Redirect pages are a few hundred bytes; a report page is never read.
        guard path.hasSuffix(".html"), data.count < 8192 else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        guard let refresh = text.range(of: #"http-equiv=["']?refresh"#, options: [.regularExpression, .caseInsensitive]) else {
            return nil
        }
        let tagStart = text[..<refresh.lowerBound].lastIndex(of: "<") ?? text.startIndex
        let tagEnd = text[refresh.upperBound...].firstIndex(of: ">") ?? text.endIndex
        let tag = text[tagStart..<tagEnd]
        guard let url = tag.range(of: #"url\s*=\s*['"]?"#, options: [.regularExpression, .caseInsensitive]) else { return nil }
        let target = tag[url.upperBound...].prefix { $0 != "\"" && $0 != "'" }.replacingOccurrences(of: "&amp;", with: "&")
        guard !target.isEmpty else { return nil }
        if target.contains("://") || target.hasPrefix("/") { return target }
        var parts = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
        for part in target.split(separator: "/", omittingEmptySubsequences: false) {
            switch part {
            case "..": _ = parts.popLast()
            case ".": continue
            default: parts.append(String(part))
            }
        }
        let resolved = parts.joined(separator: "/")
        return resolved.hasSuffix("/") || resolved.isEmpty ? resolved + "index.html" : resolved
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
        let lines =
            added.map { "added    \($0)" } + changed.map { "changed  \($0)" } + moved.map { "moved    \($0.from) -> \($0.to)" }
            + removed.map { "removed  \($0)" + ($0.hasSuffix(".html") ? ": links to it will break" : "") }
        return lines.joined(separator: "\n") + "\n"
    }

    public func markdown() -> String {
        var text = "### Site changes\n\n"
        text += "\(added.count) added, \(changed.count) changed, \(moved.count) moved, \(removed.count) removed\n"
        for (title, paths) in [("Added", added), ("Changed", changed)] where !paths.isEmpty {
            text += "\n**\(title)**\n\n" + paths.map { "- `\($0)`" }.joined(separator: "\n") + "\n"
        }
        if !moved.isEmpty {
            text += "\n**Moved** (the old address sends readers on)\n\n"
            text += moved.map { "- `\($0.from)` → `\($0.to)`" }.joined(separator: "\n") + "\n"
        }
        if !removed.isEmpty {
            text += "\n**Removed**\n\n"
            text += removed.map { "- `\($0)`" + ($0.hasSuffix(".html") ? ": links to it will break" : "") }.joined(separator: "\n") + "\n"
            if !removedPages.isEmpty {
                text += "\nA renamed page keeps its old address when its entry lists the old slug in `moved_from`.\n"
            }
        }
        return text
    }

    public func json() -> String {
        struct Output: Encodable {
            let added: [String], changed: [String], moved: [Move], removed: [String], removedPages: [String]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let value = Output(added: added, changed: changed, moved: moved, removed: removed, removedPages: removedPages)
        return ((try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}") + "\n"
    }
}
