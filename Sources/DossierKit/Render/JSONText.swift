/// JSON written member by member straight into bytes, for the data
/// exports: the same text Foundation's `JSONEncoder` writes with
/// `.sortedKeys` and `.withoutEscapingSlashes` (`JSONTextTests` compares
/// them), at a fraction of the cost, since the encoder builds a tree of boxed
/// values first. Objects' members must be written in `.sortedKeys` order (by
/// UTF-8 bytes); `nil` members are left out, as `encodeIfPresent` does.
struct JSONWriter {
    enum Container {
        case object, array

        var brackets: (open: UInt8, close: UInt8) {
            switch self {
            case .object: (UInt8(ascii: "{"), UInt8(ascii: "}"))
            case .array: (UInt8(ascii: "["), UInt8(ascii: "]"))
            }
        }
    }

    var bytes: [UInt8] = []
    /// Whether each open container already holds a value.
    private var filled: [Bool] = []
    /// A key was just written: its value needs no comma.
    private var afterKey = false

    private mutating func separate() {
        if afterKey {
            afterKey = false
        } else if let last = filled.indices.last {
            if filled[last] { bytes.append(UInt8(ascii: ",")) }
            filled[last] = true
        }
    }

    /// An object: `body` writes its members.
    mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(.object)
        body(&self)
        close(.object)
    }

    /// A member of an object whose value is an object.
    mutating func object(_ key: String, _ body: (inout JSONWriter) -> Void) {
        self.key(key)
        object(body)
    }

    /// An array: `body` writes each item.
    mutating func array<Items: Sequence>(_ items: Items, _ body: (inout JSONWriter, Items.Element) -> Void) {
        open(.array)
        for item in items { body(&self, item) }
        close(.array)
    }

    /// A member of an object whose value is an array.
    mutating func array<Items: Sequence>(
        _ key: String, _ items: Items, _ body: (inout JSONWriter, Items.Element) -> Void
    ) {
        self.key(key)
        array(items, body)
    }

    private mutating func open(_ container: Container) {
        separate()
        bytes.append(container.brackets.open)
        filled.append(false)
    }

    private mutating func close(_ container: Container) {
        filled.removeLast()
        bytes.append(container.brackets.close)
    }

    mutating func key(_ key: String) {
        separate()
        Self.write(key, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    mutating func value(_ text: String) {
        separate()
        Self.write(text, into: &bytes)
    }

    /// A value whose JSON text `body` writes itself.
    mutating func raw(_ body: (inout [UInt8]) -> Void) {
        separate()
        body(&bytes)
    }

    mutating func value(_ number: Int) {
        separate()
        bytes += String(number).utf8
    }

    mutating func member(_ key: String, _ text: String?) {
        guard let text else { return }
        self.key(key)
        value(text)
    }

    mutating func member(_ key: String, _ number: Int?) {
        guard let number else { return }
        self.key(key)
        value(number)
    }

    mutating func member(_ key: String, _ texts: [String]?) {
        guard let texts else { return }
        array(key, texts) { $0.value($1) }
    }

    /// A string literal: quote, backslash and control characters escaped,
    /// everything else (slashes and non-ASCII text too) as it is.
    static func write(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        escape(text, into: &out)
        out.append(UInt8(ascii: "\""))
    }

    /// The inside of a string literal: `text` with its specials escaped.
    static func escape(_ text: String, into out: inout [UInt8]) {
        // Most text has nothing to escape: copied whole.
        guard text.containsUTF8(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            out += text.utf8
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += #"\""#.utf8
            case UInt8(ascii: "\\"): out += #"\\"#.utf8
            case 0x08: out += #"\b"#.utf8
            case 0x0C: out += #"\f"#.utf8
            case 0x0A: out += #"\n"#.utf8
            case 0x0D: out += #"\r"#.utf8
            case 0x09: out += #"\t"#.utf8
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += #"\u00"#.utf8
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
    }
}
