/// The CommonMark body of a content file and where it starts in the file, so
/// cmark's body-relative positions can be turned into file positions.
public struct MarkdownBody: Sendable {
    /// The body text (line endings normalised to `\n`).
    public let text: String
    /// The file line on which the body's first line stands (1-based).
    public let firstLine: Int
    /// The file the body comes from, for diagnostics.
    public let path: String

    public init(text: String, firstLine: Int, path: String) {
        self.text = text
        self.firstLine = firstLine
        self.path = path
    }

    /// The body's lines, for `locate` and `location`.
    var lines: [Substring] { text.split(separator: "\n", omittingEmptySubsequences: false) }

    /// The file location of `needle` at or after body line `fromLine` and not
    /// after `toLine`, skipping spots already in `used`; nil when absent.
    func locate(
        _ needle: String, fromLine: Int, toLine: Int, in lines: [Substring], skipping used: Set<SourceLocation>
    ) -> SourceLocation? {
        guard !needle.isEmpty else { return nil }
        let first = max(1, fromLine), last = min(lines.count, toLine)
        guard first <= last else { return nil }
        for lineNumber in first...last {
            let line = lines[lineNumber - 1]
            var searchStart = line.startIndex
            while let range = line[searchStart...].range(of: needle) {
                let column = line.unicodeScalars[line.startIndex..<range.lowerBound].count + 1
                let location = SourceLocation(path: path, line: firstLine + lineNumber - 1, column: column)
                if !used.contains(location) { return location }
                searchStart = range.upperBound
            }
        }
        return nil
    }

    /// The file location of a body position given by cmark (line and UTF-8
    /// byte column, both 1-based), with the column counted in Unicode scalars.
    func location(line: Int, byteColumn: Int, in lines: [Substring]) -> SourceLocation {
        guard line >= 1, line <= lines.count else {
            return SourceLocation(path: path, line: firstLine + max(line, 1) - 1, column: max(byteColumn, 1))
        }
        let utf8 = lines[line - 1].utf8
        let end = utf8.index(utf8.startIndex, offsetBy: max(0, byteColumn - 1), limitedBy: utf8.endIndex) ?? utf8.endIndex
        let column = String(lines[line - 1]).unicodeScalars.count
            - String(decoding: utf8[end...], as: UTF8.self).unicodeScalars.count + 1
        return SourceLocation(path: path, line: firstLine + line - 1, column: column)
    }
}

/// A link written in a body: its destination as cmark read it and where it is.
public struct LinkOccurrence: Hashable, Sendable {
    public let destination: String
    public let location: SourceLocation
}

/// What loading learns from a body: its links and its headings' ids.
public struct BodyOutline: Sendable {
    public var links: [LinkOccurrence] = []
    public var headingIDs: [String] = []
}
