import Foundation

/// How search reads text into words, here for the index and in
/// `assets/search.js` for the query: both must cut and fold alike, or a
/// word would be indexed under a form no query reaches.
enum SearchText {
    /// Lower case without accents, so that "Ramaphosa" finds "ramaphosa"
    /// and "e" finds "é": canonical decomposition (NFD), lower case, then
    /// the combining diacritical marks (U+0300–U+036F) dropped, and the
    /// final sigma read as sigma (JavaScript's lower case writes it at the
    /// end of a word, Swift's never).
    static func fold(_ text: String) -> String {
        var folded = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.isASCII {
                folded.append(Unicode.Scalar(asciiLower(UInt8(scalar.value))))
                continue
            }
            for lower in scalar.properties.lowercaseMapping.unicodeScalars where !(0x300...0x36F).contains(lower.value) {
                folded.append(lower.value == 0x3C2 ? "\u{3C3}" : lower)
            }
        }
        return String(folded)
    }

    /// The folded words of `text`: its runs of letters, marks and digits
    /// (Unicode categories L, M and N) after folding.
    static func words(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var words: [String] = []
            var start = 0, ascii = true
            // Most text is ASCII: folded byte by byte; a run holding other
            // bytes goes through `fold` whole. ASCII punctuation and spaces
            // end a word either way, so the runs can be cut there first.
            func flush(_ end: Int) {
                defer {
                    start = end + 1
                    ascii = true
                }
                guard end > start else { return }
                let run = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if ascii {
                    words.append(
                        String(unsafeUninitializedCapacity: run.count) { out in
                            for (index, byte) in run.enumerated() { out[index] = asciiLower(byte) }
                            return run.count
                        })
                } else {
                    words += unicodeWords(fold(String(decoding: run, as: UTF8.self)))
                }
            }
            for (index, byte) in bytes.enumerated() {
                if byte >= 0x80 {
                    ascii = false
                } else if !isASCIIWordByte(byte) {
                    flush(index)
                }
            }
            flush(bytes.count)
            return words
        }
    }

    /// Folded text cut at every scalar that is no letter, mark or digit.
    private static func unicodeWords(_ folded: String) -> [String] {
        var words: [String] = []
        var word = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars {
            if isWordScalar(scalar) {
                word.append(scalar)
            } else if !word.isEmpty {
                words.append(String(word))
                word = String.UnicodeScalarView()
            }
        }
        if !word.isEmpty { words.append(String(word)) }
        return words
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            true
        default:
            false
        }
    }

    private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private static func asciiLower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }

    /// The first `count` scalars of `word` (all of it when shorter): the
    /// shard keys count scalars, as the script counts code points.
    static func prefix(_ word: String, _ count: Int) -> String {
        String(String.UnicodeScalarView(word.unicodeScalars.prefix(count)))
    }

    /// Byte order of the UTF-8 text: the order of every list the index
    /// writes, the same on every machine.
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
