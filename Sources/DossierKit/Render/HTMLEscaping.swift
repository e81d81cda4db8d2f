import Mustache

/// The HTML escaping of `{{value}}`: the same five replacements as
/// swift-mustache's own, done on UTF-8 bytes, and returning the text as it
/// is when there is nothing to escape (most values). Every template of a
/// theme is switched to it by a `CONTENT_TYPE` pragma the theme loader puts
/// in front of the template's text.
struct HTMLEscaping: MustacheContentType {
    static let name = "DOSSIER_HTML"
    /// What the loader puts before each template: a line of its own, which
    /// Mustache drops as a standalone tag; diagnostics take the line back off.
    static let pragma = "{{% CONTENT_TYPE: \(name)}}\n"

    static func register() {
        MustacheContentTypes.register(HTMLEscaping(), named: name)
    }

    func escapeText(_ text: String) -> String {
        Self.escape(text, apostrophe: "&#39;")
    }

    /// The five markup characters as references (`apostrophe` for `'`:
    /// HTML's `&#39;`, XML's `&apos;`), on bytes: a `Character` loop would
    /// miss a `&` that a combining mark joins into one character with it.
    static func escape(_ text: String, apostrophe: StaticString) -> String {
        guard text.containsUTF8(where: isSpecial) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes += "&amp;".utf8
            case UInt8(ascii: "<"): bytes += "&lt;".utf8
            case UInt8(ascii: ">"): bytes += "&gt;".utf8
            case UInt8(ascii: "\""): bytes += "&quot;".utf8
            case UInt8(ascii: "'"): apostrophe.withUTF8Buffer { bytes += $0 }
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}

/// Text values render as themselves: swift-mustache tries this conformance
/// first, which spares every `{{value}}` the casts and `String(describing:)`
/// its generic path makes (identical output; see docs/performance.md).
extension String: @retroactive MustacheCustomRenderable {
    public var renderText: String { self }
    public var isNull: Bool { false }
}

/// A text has no named values: swift-mustache asks each value on the
/// context stack for a name, and a text that is not a `MustacheParent` is
/// asked through `Mirror` reflection, with the same answer (none) at many
/// times the cost. Inside a section over a text (`{{#canonicalURL}}`, on
/// every page with a `base_url`) every other name is looked up that way.
extension String: @retroactive MustacheParent {
    public func child(named name: String) -> Any? { nil }
}
