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
        let utf8 = text.utf8
        let newline = UInt8(ascii: "\n")
        let firstEnd = utf8.firstIndex(of: newline) ?? utf8.endIndex
        guard isFence(text[utf8.startIndex..<firstEnd]) else {
            diagnostics.append(Messages.missingFrontMatter(path: path, empty: text.isEmpty))
            return nil
        }
        let yamlStart = firstEnd < utf8.endIndex ? utf8.index(after: firstEnd) : utf8.endIndex
        var cursor = yamlStart
        var lineNumber = 2
        while true {
            let lineEnd = utf8[cursor...].firstIndex(of: newline) ?? utf8.endIndex
            if isFence(text[cursor..<lineEnd]) {
                let bodyStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : utf8.endIndex
                let body = MarkdownBody(text: String(text[bodyStart...]), firstLine: lineNumber + 1, path: path)
                return SplitFile(yaml: String(text[yamlStart..<cursor]), body: body)
            }
            guard lineEnd < utf8.endIndex else { break }
            cursor = utf8.index(after: lineEnd)
            lineNumber += 1
        }
        diagnostics.append(Messages.unclosedFrontMatter(path: path))
        return nil
    }

    /// A `---` line, allowing trailing blanks.
    private static func isFence(_ line: Substring) -> Bool {
        let bytes = line.utf8
        guard bytes.count >= 3, bytes.prefix(3).allSatisfy({ $0 == UInt8(ascii: "-") }) else { return false }
        return bytes.dropFirst(3).allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }
}
