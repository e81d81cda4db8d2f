/// A content file cut in two: the YAML between the `---` lines and the body.
struct SplitFile {
    /// The YAML text; its first line is file line 2.
    let yaml: String
    let body: MarkdownBody
}

/// Splits the front-matter block from the body. The file must open with a
/// `---` line; the next `---` line closes the block.
enum FrontMatterSplitter {
    static func split(_ text: String, path: String, _ diagnostics: inout Diagnostics) -> SplitFile? {
        var lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = lines.first, isFence(first) else {
            diagnostics.append(Messages.missingFrontMatter(path: path, empty: text.isEmpty))
            return nil
        }
        let rest = lines.count > 1 ? lines.removeLast() : ""
        var yamlEnd = rest.startIndex
        var lineNumber = 2
        var cursor = rest.startIndex
        while cursor < rest.endIndex || cursor == rest.startIndex {
            let lineEnd = rest[cursor...].firstIndex(of: "\n") ?? rest.endIndex
            if isFence(rest[cursor..<lineEnd]) {
                yamlEnd = cursor
                let bodyStart = lineEnd < rest.endIndex ? rest.index(after: lineEnd) : rest.endIndex
                let body = MarkdownBody(text: String(rest[bodyStart...]), firstLine: lineNumber + 1, path: path)
                return SplitFile(yaml: String(rest[rest.startIndex..<yamlEnd]), body: body)
            }
            guard lineEnd < rest.endIndex else { break }
            cursor = rest.index(after: lineEnd)
            lineNumber += 1
        }
        diagnostics.append(Messages.unclosedFrontMatter(path: path))
        return nil
    }

    /// A `---` line, allowing trailing blanks.
    private static func isFence(_ line: Substring) -> Bool {
        line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }
}
