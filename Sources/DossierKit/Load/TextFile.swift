import Foundation

/// Reads a text file as the format wants it: UTF-8 (a byte-order mark is
/// dropped), CRLF and lone CR line endings read as LF, no NUL bytes.
enum TextFile {
    /// Larger files are refused before they are read: a report's text file
    /// is far smaller, and a runaway one must not exhaust the memory.
    static let maximumSize = 64 << 20

    static func read(_ url: URL, path: String, _ diagnostics: inout Diagnostics) -> String? {
        read(atPath: url.path, path: path, &diagnostics)
    }

    /// `filePath` is where the file is on disk; `path` is what diagnostics show.
    static func read(atPath filePath: String, path: String, _ diagnostics: inout Diagnostics) -> String? {
        // One open, fstat and read per file (no Foundation `Data`: it stats
        // and copies again). O_NONBLOCK: opening a FIFO must not wait for a
        // writer; it is refused below, as is a device, which would never end.
        let file = open(filePath, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard file >= 0 else {
            diagnostics.append(Messages.unreadable(path: path, reason: "cannot be read"))
            return nil
        }
        defer { close(file) }
        var status = stat()
        guard fstat(file, &status) == 0 else {
            diagnostics.append(Messages.unreadable(path: path, reason: "cannot be read"))
            return nil
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            diagnostics.append(Messages.unreadable(path: path, reason: "it is not a regular file"))
            return nil
        }
        guard status.st_size <= maximumSize else {
            diagnostics.append(Messages.fileTooLarge(path: path, size: Int(status.st_size), limit: maximumSize))
            return nil
        }
        // The size as fstat gave it; a file that grows meanwhile is read to
        // that size, one that shrinks to its new end.
        let size = Int(status.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let got = Foundation.read(file, buffer.baseAddress! + count, size - count)
                if got > 0 {
                    count += got
                } else if got == 0 {
                    break
                } else if errno != EINTR {
                    failed = true
                    break
                }
            }
        }
        guard !failed else {
            diagnostics.append(Messages.unreadable(path: path, reason: "cannot be read"))
            return nil
        }
        return decode(bytes, path: path, &diagnostics)
    }

    static func decode(_ data: Data, path: String, _ diagnostics: inout Diagnostics) -> String? {
        decode([UInt8](data), path: path, &diagnostics)
    }

    static func decode(_ data: [UInt8], path: String, _ diagnostics: inout Diagnostics) -> String? {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            diagnostics.append(Messages.utf16(at: SourceLocation(path: path, line: 1, column: 1)))
            return nil
        }
        // `memchr`, not a Swift loop over every byte of every file.
        let nulOffset = bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, let hit = memchr(base, 0, buffer.count) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
        if let nul = nulOffset {
            diagnostics.append(Messages.binaryFile(at: position(ofByte: nul, in: bytes, path: path)))
            return nil
        }
        guard var text = String(validating: bytes, as: UTF8.self) else {
            diagnostics.append(Messages.notUTF8(at: position(ofByte: firstInvalidByte(bytes), in: bytes, path: path)))
            return nil
        }
        if text.containsUTF8(where: { $0 == UInt8(ascii: "\r") }) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return text
    }

    /// The offset of the first byte that does not start or continue a valid
    /// UTF-8 sequence.
    private static func firstInvalidByte(_ bytes: [UInt8]) -> Int {
        var offset = 0
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput, .error: return offset
            }
        }
    }

    /// Line and column (in scalars) of a byte offset, counting only the valid
    /// text before it.
    private static func position(ofByte offset: Int, in bytes: [UInt8], path: String) -> SourceLocation {
        let before = String(decoding: bytes[..<offset], as: UTF8.self)
        var line = 1, column = 1
        for scalar in before.unicodeScalars {
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return SourceLocation(path: path, line: line, column: column)
    }
}
