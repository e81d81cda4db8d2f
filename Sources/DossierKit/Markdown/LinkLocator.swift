import Foundation

/// Finds where each link destination of one body is written, in document
/// order: the first spot not given to an earlier link, from cmark's line to
/// the end of the enclosing block, then anywhere in the body, else cmark's
/// own spot. Total work stays linear in the body for any input: each search
/// resumes where the same search stopped last time (spots before it are all
/// taken), and all searches together compare at most `budget` bytes, after
/// which cmark's spot is used (its line is right; its column may be off).
struct LinkLocator {
    let body: MarkdownBody
    /// Split on first use: most bodies have no link.
    private lazy var lines: [Substring] = body.lines
    /// Spots already given, as line and column (the path is the body's):
    /// hashing two numbers, not a location with its path, per look-up.
    private var used = Set<Spot>()
    private var resume: [SearchKey: Cursor] = [:]
    private var budget: Int
    /// The last column computed from a byte offset, to go on from.
    private var lastColumn: Cursor?

    private struct Spot: Hashable {
        let line: Int?
        let column: Int?
    }

    private struct SearchKey: Hashable {
        let needle: String
        let fromLine: Int
    }

    /// A place in the body: line (1-based), UTF-8 offset in it, and column
    /// (in Unicode scalars, 1-based).
    private struct Cursor {
        var line: Int
        var byte: Int
        var column: Int
    }

    init(body: MarkdownBody) {
        self.body = body
        budget = (4 << 20) + 4 * body.text.utf8.count
    }

    /// The spot of a link cmark puts at body `line` and UTF-8 `byteColumn`,
    /// in a block ending on body line `blockEnd`.
    mutating func locate(_ destination: String, line: Int, byteColumn: Int, blockEnd: Int) -> SourceLocation {
        let location = search(destination, from: line, to: max(line, blockEnd))
            ?? search(destination, from: 1, to: lines.count)
            ?? location(line: line, byteColumn: byteColumn)
        used.insert(Spot(line: location.line, column: location.column))
        return location
    }

    /// The first spot of `needle` on body lines `from...to` that no earlier
    /// link took; nil when there is none or the budget is spent.
    private mutating func search(_ needle: String, from: Int, to: Int) -> SourceLocation? {
        let first = max(1, from), last = min(lines.count, to)
        guard !needle.isEmpty, first <= last, budget > 0 else { return nil }
        let key = SearchKey(needle: needle, fromLine: first)
        var cursor = resume[key] ?? Cursor(line: first, byte: 0, column: 1)
        var budget = self.budget
        // Copies share storage: the closure below may not touch `self`.
        let (lines, used, body, pattern) = (self.lines, self.used, self.body, Array(needle.utf8))
        defer {
            resume[key] = cursor
            self.budget = budget
        }
        while cursor.line <= last, budget > 0 {
            let found: SourceLocation? = Self.withBytes(of: lines[cursor.line - 1]) { bytes in
                while let start = Self.find(pattern, in: bytes, from: cursor.byte, budget: &budget) {
                    let column = cursor.column + Self.scalars(in: bytes[cursor.byte..<start])
                    let location = SourceLocation(path: body.path, line: body.firstLine + cursor.line - 1, column: column)
                    cursor = Cursor(line: cursor.line, byte: start + pattern.count, column: column + Self.scalars(in: pattern))
                    if !used.contains(Spot(line: location.line, column: column)) { return location }
                }
                return nil
            }
            if let found { return found }
            guard budget > 0 else { return nil }
            cursor = Cursor(line: cursor.line + 1, byte: 0, column: 1)
        }
        return nil
    }

    /// The offset of `pattern` in `bytes` at or after `start`; every byte
    /// looked at is charged to `budget`, and nil comes once it is spent.
    private static func find(
        _ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int, budget: inout Int
    ) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var offset = start
        while offset + pattern.count <= bytes.count, budget > 0 {
            let span = bytes.count - pattern.count + 1 - offset
            guard let hit = memchr(base + offset, Int32(pattern[0]), span) else { break }
            let candidate = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            var matched = 1
            while matched < pattern.count, bytes[candidate + matched] == pattern[matched] { matched += 1 }
            budget -= candidate - offset + matched
            if matched == pattern.count { return candidate }
            offset = candidate + 1
        }
        budget -= max(0, bytes.count - offset)
        return nil
    }

    private static func withBytes<T>(of line: Substring, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        if let result = line.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(line.utf8).withUnsafeBufferPointer(body)
    }

    /// The file location of a body position given by cmark (line and UTF-8
    /// byte column, both 1-based), with the column counted in Unicode scalars.
    private mutating func location(line: Int, byteColumn: Int) -> SourceLocation {
        guard line >= 1, line <= lines.count else {
            return SourceLocation(path: body.path, line: body.firstLine + max(line, 1) - 1, column: max(byteColumn, 1))
        }
        let utf8 = lines[line - 1].utf8
        let endIndex = utf8.index(utf8.startIndex, offsetBy: max(0, byteColumn - 1), limitedBy: utf8.endIndex) ?? utf8.endIndex
        let end = utf8.distance(from: utf8.startIndex, to: endIndex)
        var start = Cursor(line: line, byte: 0, column: 1)
        if let last = lastColumn, last.line == line, last.byte <= end { start = last }
        let column = start.column + Self.scalars(in: utf8[utf8.index(utf8.startIndex, offsetBy: start.byte)..<endIndex])
        lastColumn = Cursor(line: line, byte: end, column: column)
        return SourceLocation(path: body.path, line: body.firstLine + line - 1, column: column)
    }

    /// Unicode scalars starting in `bytes`: every byte but continuation bytes (10xxxxxx).
    private static func scalars(in bytes: some Sequence<UInt8>) -> Int {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }
}
