/// What both pictures need to write SVG text: safe ids and escaped text;
/// `SVGText` below holds the text as it is written.
enum SVGMarkup {
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

/// An SVG picture's text as it is written: bytes appended piece by piece,
/// numbers written digit by digit, no string made per piece. Every actor
/// and country page draws two pictures of hundreds of elements.
struct SVGText {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// The opening of a picture: an `<svg role="group">` of class
    /// `chart <kind>` named by its `<title>` and described by its `<desc>`
    /// (ids `<id>-title` and `<id>-desc`). When `sized`, `width` and
    /// `height` are the viewBox's: one pixel per unit unless CSS shrinks it.
    mutating func open(
        kind: StaticString, viewBox: (x: Double, y: Double, width: Double, height: Double), fontSize: StaticString,
        id: String, title: String, description: String, sized: Bool = false
    ) {
        raw("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart ")
        raw(kind)
        raw("\" viewBox=\"")
        number(viewBox.x)
        raw(" ")
        number(viewBox.y)
        raw(" ")
        number(viewBox.width)
        raw(" ")
        number(viewBox.height)
        if sized {
            raw("\" width=\"")
            number(viewBox.width)
            raw("\" height=\"")
            number(viewBox.height)
        }
        raw("\" role=\"group\" aria-labelledby=\"")
        raw(id)
        raw("-title\" aria-describedby=\"")
        raw(id)
        raw("-desc\" font-size=\"")
        raw(fontSize)
        raw("\"><title id=\"")
        raw(id)
        raw("-title\">")
        escaped(title)
        raw("</title><desc id=\"")
        raw(id)
        raw("-desc\">")
        escaped(description)
        raw("</desc>")
    }

    /// Markup as it is.
    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Text known to need no escaping (ids, class names, keywords).
    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Text from the report: `SVGMarkup.escape`d.
    mutating func escaped(_ text: String) {
        bytes.append(contentsOf: SVGMarkup.escape(text).utf8)
    }

    /// A number with one decimal at most, no "-0", no trailing ".0"
    /// (rounded half away from zero): the same bytes on every run, and no
    /// Foundation formatting.
    mutating func number(_ value: Double) {
        let tenths = Int((value * 10).rounded())
        if tenths < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = tenths.magnitude
        integer(magnitude / 10)
        if magnitude % 10 != 0 {
            bytes.append(UInt8(ascii: "."))
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
        }
    }

    /// A whole number, in decimal.
    mutating func integer(_ value: UInt) {
        if value >= 10 { integer(value / 10) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// How wide text is drawn, estimated without a font: the pictures are made
/// at build time and the reader's font is not known. Each printable ASCII
/// character is given its advance in DejaVu Sans (regular or bold), a wide
/// sans-serif that Linux browsers fall back to and wider than the usual UI
/// fonts, plus 5%; any other character a full em (the width of "…").
enum TextWidth {
    /// Estimated advance of `text` at `fontSize` user units.
    static func of(_ text: Substring, fontSize: Double, bold: Bool = false) -> Double {
        let table = bold ? boldAdvances : advances
        var hundredths = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 32...126: hundredths += Int(table[Int(scalar.value) - 32])
            default:
                // Combining marks take no room of their own.
                let category = scalar.properties.generalCategory
                hundredths += category == .nonspacingMark || category == .enclosingMark ? 0 : 100
            }
        }
        return Double(hundredths) / 100 * 1.05 * fontSize
    }

    static func of(_ text: String, fontSize: Double, bold: Bool = false) -> Double {
        of(text[...], fontSize: fontSize, bold: bold)
    }

    // Advances of " " through "~" in hundredths of an em, rounded up.
    private static let advances: [UInt8] = [
        32, 41, 46, 84, 64, 96, 78, 28, 40, 40, 50, 84, 32, 37, 32, 34, 64, 64, 64, 64, 64, 64, 64, 64,
        64, 64, 34, 34, 84, 84, 84, 54, 100, 69, 69, 70, 78, 64, 58, 78, 76, 30, 30, 66, 56, 87, 75, 79,
        61, 79, 70, 64, 62, 74, 69, 99, 69, 62, 69, 40, 34, 40, 84, 50, 50, 62, 64, 55, 64, 62, 36, 64,
        64, 28, 28, 58, 28, 98, 64, 62, 64, 64, 42, 53, 40, 64, 60, 82, 60, 60, 53, 64, 34, 64, 84,
    ]
    private static let boldAdvances: [UInt8] = [
        35, 46, 53, 84, 70, 101, 88, 31, 46, 46, 53, 84, 38, 42, 38, 37, 70, 70, 70, 70, 70, 70, 70, 70,
        70, 70, 40, 40, 84, 84, 84, 59, 100, 78, 77, 74, 84, 69, 69, 83, 84, 38, 38, 78, 64, 100, 84, 86,
        74, 86, 78, 73, 69, 82, 78, 111, 78, 73, 73, 46, 37, 46, 84, 50, 50, 68, 72, 60, 72, 68, 44, 72,
        72, 35, 35, 67, 35, 105, 72, 69, 72, 72, 50, 60, 48, 72, 66, 93, 65, 66, 59, 72, 37, 72, 84,
    ]
}
