/// Slug rules: 1 to 80 characters of `a-z`, `0-9` and `-`, starting with a
/// letter or digit.
public enum Slug {
    /// Whether `text` is a valid slug.
    public static func isValid(_ text: some StringProtocol) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first, bytes.count <= 80, first != UInt8(ascii: "-") else { return false }
        return bytes.allSatisfy { isSlugByte($0) }
    }

    /// Turns any text into slug characters: lower case, runs of anything else
    /// become one `-`, no `-` at either end. May return an empty string.
    public static func make(from text: String) -> String {
        // Most text is ASCII (every heading id of most reports): each byte
        // decided by itself, with no Unicode property looked up.
        if !text.containsUTF8(where: { $0 >= 0x80 }) {
            var result: [UInt8] = []
            result.reserveCapacity(text.utf8.count)
            var pendingDash = false
            for byte in text.utf8 {
                let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 0x20 : byte
                if isSlugByte(lower), lower != UInt8(ascii: "-") {
                    if pendingDash, !result.isEmpty { result.append(UInt8(ascii: "-")) }
                    pendingDash = false
                    result.append(lower)
                } else {
                    pendingDash = true
                }
            }
            return String(decoding: result, as: UTF8.self)
        }
        var result = ""
        var pendingDash = false
        for scalar in text.unicodeScalars {
            // A combining accent written apart (`e` + U+0301, as macOS file
            // names are) belongs to the letter before it: no dash.
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            let lower = scalar.properties.lowercaseMapping
            let folded = lower.unicodeScalars.count == 1 ? lower.unicodeScalars.first! : scalar
            if folded.isASCII, isSlugByte(UInt8(folded.value)), folded != "-" {
                if pendingDash, !result.isEmpty { result.append("-") }
                pendingDash = false
                result.unicodeScalars.append(folded)
            } else if let base = asciiBase(of: folded) {
                if pendingDash, !result.isEmpty { result.append("-") }
                pendingDash = false
                result.append(base)
            } else {
                pendingDash = true
            }
        }
        return result
    }

    private static func isSlugByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
    }

    /// The ASCII letter under a Latin accented letter (`é` → `e`), if any.
    private static func asciiBase(of scalar: Unicode.Scalar) -> String? {
        guard !scalar.isASCII, scalar.properties.isAlphabetic else { return nil }
        let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
        // Lower-cased again: `İ` lower-cases to two scalars, so it arrives here upper case.
        guard let base = decomposed.first, base.isASCII else { return nil }
        let lower = String(base).lowercased()
        guard let byte = lower.utf8.first, isSlugByte(byte), byte != UInt8(ascii: "-") else { return nil }
        return lower
    }
}
