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
    /// The body's UTF-8 bytes and where each line starts in them (the end
    /// of the text last), made on first use: most bodies have no link.
    private lazy var text: Lines = Lines(body.text)
    /// Spots already given, as line and column (the path is the body's):
    /// hashing two numbers, not a location with its path, per look-up.
    private var used = Set<Spot>()
    private var resume: [SearchKey: Cursor] = [:]
    private var budget: Int
    /// The last column computed from a byte offset, to go on from.
    private var lastColumn: Cursor?

    /// A body's bytes, cut into lines by offsets rather than as substrings.
    private struct Lines {
        let bytes: [UInt8]
        /// The offset of each line's first byte, then the end of the text.
        let starts: [Int]

        init(_ text: String) {
            bytes = Array(text.utf8)
            var starts = [0]
            // Line feeds found with `memchr`, not by testing every byte in Swift.
            bytes.withUnsafeBufferPointer { all in
                guard let base = all.baseAddress else { return }
                var offset = 0
                while offset < all.count, let hit = memchr(base + offset, 0x0A, all.count - offset) {
                    offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
                    starts.append(offset)
                }
            }
            starts.append(bytes.count + 1)
            self.starts = starts
        }

        var count: Int { starts.count - 1 }

        /// Line `number` (1-based), without its line feed.
        func withLine<T>(_ number: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
            bytes.withUnsafeBufferPointer { all in
                body(UnsafeBufferPointer(rebasing: all[starts[number - 1]..<(starts[number] - 1)]))
            }
        }
    }

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
        let location =
            search(destination, from: line, to: max(line, blockEnd))
            ?? search(destination, from: 1, to: text.count)
            ?? location(line: line, byteColumn: byteColumn)
        used.insert(Spot(line: location.line, column: location.column))
        return location
    }

    /// The first spot of `needle` on body lines `from...to` that no earlier
    /// link took; nil when there is none or the budget is spent.
    private mutating func search(_ needle: String, from: Int, to: Int) -> SourceLocation? {
        let first = max(1, from), last = min(text.count, to)
        guard !needle.isEmpty, first <= last, budget > 0 else { return nil }
        let key = SearchKey(needle: needle, fromLine: first)
        var cursor = resume[key] ?? Cursor(line: first, byte: 0, column: 1)
        var budget = self.budget
        // Copies share storage: the closure below may not touch `self`.
        let (text, used, body, pattern) = (self.text, self.used, self.body, Array(needle.utf8))
        defer {
            resume[key] = cursor
            self.budget = budget
        }
        while cursor.line <= last, budget > 0 {
            let found: SourceLocation? = text.withLine(cursor.line) { bytes in
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

    /// The file location of a body position given by cmark (line and UTF-8
    /// byte column, both 1-based), with the column counted in Unicode scalars.
    private mutating func location(line: Int, byteColumn: Int) -> SourceLocation {
        guard line >= 1, line <= text.count else {
            return SourceLocation(path: body.path, line: body.firstLine + max(line, 1) - 1, column: max(byteColumn, 1))
        }
        let (text, last) = (self.text, lastColumn)
        let (end, column) = text.withLine(line) { bytes in
            let end = min(max(0, byteColumn - 1), bytes.count)
            var start = Cursor(line: line, byte: 0, column: 1)
            if let last, last.line == line, last.byte <= end { start = last }
            return (end, start.column + Self.scalars(in: bytes[start.byte..<end]))
        }
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
