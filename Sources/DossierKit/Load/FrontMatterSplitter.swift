import Foundation

/// A content file cut in two: the YAML between the `---` lines and the body.
struct SplitFile {
    /// The YAML text; its first line is file line 2.
    let yaml: String
    let body: MarkdownBody
}

/// Splits the front-matter block from the body. The file must open with a
/// `---` line; the next `---` line closes the block.
///
/// Lines are found on UTF-8 bytes: a line feed is always a character of its
/// own (the loader has dropped carriage returns), so this splits where a
/// `Character` walk would, without grapheme breaking over every byte.
enum FrontMatterSplitter {
    static func split(_ text: String, path: String, _ diagnostics: inout Diagnostics) -> SplitFile? {
        var text = text
        // Offsets of the front matter, where the body starts and its first
        // line, found with `memchr` on the text's bytes.
        let found = text.withUTF8 { bytes -> (yaml: Range<Int>, body: Int, line: Int)? in
            guard let base = bytes.baseAddress else { return (0..<0, -1, 0) }  // empty: no front matter
            func lineEnd(from start: Int) -> Int {
                guard start < bytes.count, let hit = memchr(base + start, 0x0A, bytes.count - start) else { return bytes.count }
                return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            }
            func isFence(_ start: Int, _ end: Int) -> Bool {
                guard end - start >= 3, bytes[start] == 0x2D, bytes[start + 1] == 0x2D, bytes[start + 2] == 0x2D else { return false }
                return bytes[(start + 3)..<end].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            }
            let firstEnd = lineEnd(from: 0)
            guard isFence(0, firstEnd) else { return (0..<0, -1, 0) }
            let yamlStart = min(firstEnd + 1, bytes.count)
            var cursor = yamlStart
            var lineNumber = 2
            while true {
                let end = lineEnd(from: cursor)
                if isFence(cursor, end) { return (yamlStart..<cursor, min(end + 1, bytes.count), lineNumber + 1) }
                guard end < bytes.count else { return nil }
                cursor = end + 1
                lineNumber += 1
            }
        }
        guard let found else {
            diagnostics.append(Messages.unclosedFrontMatter(path: path))
            return nil
        }
        guard found.body >= 0 else {
            diagnostics.append(Messages.missingFrontMatter(path: path, empty: text.isEmpty))
            return nil
        }
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        let body = MarkdownBody(text: String(text[index(found.body)...]), firstLine: found.line, path: path)
        return SplitFile(yaml: String(text[index(found.yaml.lowerBound)..<index(found.yaml.upperBound)]), body: body)
    }
}
