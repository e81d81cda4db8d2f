/// What both pictures need to write SVG text: numbers that print the same
/// bytes on every run, safe ids and escaped text.
enum SVGMarkup {
    /// One decimal at most, no "-0", no trailing ".0" (rounded half away
    /// from zero); no Foundation formatting on this hot path.
    static func number(_ value: Double) -> String {
        var out = ""
        write(value, to: &out)
        return out
    }

    /// `number(value)` appended to `out`, without a string of its own.
    static func write(_ value: Double, to out: inout String) {
        let tenths = Int((value * 10).rounded())
        if tenths < 0 { out += "-" }
        let magnitude = tenths.magnitude
        out += String(magnitude / 10)
        if magnitude % 10 != 0 {
            out += "."
            out.unicodeScalars.append(Unicode.Scalar(UInt8(ascii: "0") + UInt8(magnitude % 10)))
        }
    }

    /// Ids may not hold spaces (aria-labelledby is a space-separated list).
    static func elementID(_ prefix: String, fallback: String) -> String {
        let kept = String(prefix.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") ? $0 : "-" })
        return kept.isEmpty ? fallback : kept
    }

    /// Escapes text for an attribute or element: the five XML specials as
    /// references, tab and line breaks as spaces, and code points HTML and
    /// XML both refuse dropped.
    static func escape(_ text: String) -> String {
        // Most labels have nothing to change: no special or control byte,
        // and none of the bytes that start the UTF-8 form of a refused code
        // point (C2: U+0080–U+009F; EF: U+FDD0–U+FDEF and U+FFFE–U+FFFF;
        // F0–F4: the other planes' last two). Other text, a dash or an
        // accent included, is kept as it is without a look at each scalar.
        // (A switch, not a `Set`: this runs on every byte of every label.)
        let plain = !text.containsUTF8 { byte in
            switch byte {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
            case 0xC2, 0xEF, 0xF0...0xF4: true
            default: byte < 0x20 || byte == 0x7F
            }
        }
        if plain { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let v = scalar.value
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out += " "
            default:
                if !(v < 0x20 || (0x7F...0x9F).contains(v) || (0xFDD0...0xFDEF).contains(v) || v & 0xFFFE == 0xFFFE) {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
