/// Pandoc's citation syntax in a run of body text: `[@slug]`,
/// `[@slug, p. 4]`, `[@a; @b, p. 2]`. Anything else in brackets (an
/// address such as `[ask@example.org]`, a stray `[@`) is text.
enum CitationSyntax {
    struct Item: Equatable {
        let key: String
        let locator: String?
        /// UTF-8 offset of the item's `@` in the run.
        let offset: Int
    }

    struct Group: Equatable {
        /// UTF-8 offsets of `[` to after `]` in the run.
        let range: Range<Int>
        let items: [Item]
    }

    /// Footnote markers (`[^1]`) in the run, as UTF-8 offsets of `[`.
    static func footnotes(in text: [UInt8]) -> [Int] {
        var found: [Int] = []
        var index = 0
        while index + 1 < text.count {
            if text[index] == UInt8(ascii: "["), text[index + 1] == UInt8(ascii: "^"),
                let close = text[(index + 2)...].firstIndex(of: UInt8(ascii: "]")), close > index + 2,
                !text[(index + 2)..<close].contains(where: { $0 == 0x20 || $0 == 0x0A || $0 == UInt8(ascii: "[") })
            {
                found.append(index)
                index = close
            }
            index += 1
        }
        return found
    }

    static func groups(in text: [UInt8]) -> [Group] {
        var groups: [Group] = []
        var index = 0
        while index + 1 < text.count {
            guard text[index] == UInt8(ascii: "["), text[index + 1] == UInt8(ascii: "@") else {
                index += 1
                continue
            }
            // The group ends at the first `]`; a `[` before it means this is no group.
            guard let close = text[(index + 1)...].firstIndex(where: { $0 == UInt8(ascii: "]") || $0 == UInt8(ascii: "[") }),
                text[close] == UInt8(ascii: "]"), let items = items(text, from: index + 1, to: close)
            else {
                index += 1
                continue
            }
            groups.append(Group(range: index..<(close + 1), items: items))
            index = close + 1
        }
        return groups
    }

    /// The items between `[` and `]`, or nil when any part is not `@key`
    /// or `@key, locator`.
    private static func items(_ text: [UInt8], from start: Int, to end: Int) -> [Item]? {
        var items: [Item] = []
        var partStart = start
        while partStart <= end {
            let partEnd = text[partStart..<end].firstIndex(of: UInt8(ascii: ";")) ?? end
            var at = partStart
            while at < partEnd, isSpace(text[at]) { at += 1 }
            guard at < partEnd, text[at] == UInt8(ascii: "@") else { return nil }
            var keyEnd = at + 1
            while keyEnd < partEnd, isKey(text[keyEnd]) { keyEnd += 1 }
            guard keyEnd > at + 1 else { return nil }
            var rest = keyEnd
            while rest < partEnd, isSpace(text[rest]) { rest += 1 }
            var locator: String?
            if rest < partEnd {
                guard text[rest] == UInt8(ascii: ",") else { return nil }
                let words = String(decoding: text[(rest + 1)..<partEnd], as: UTF8.self)
                    .split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
                guard !words.isEmpty else { return nil }
                locator = words
            }
            items.append(Item(key: String(decoding: text[(at + 1)..<keyEnd], as: UTF8.self), locator: locator, offset: at))
            partStart = partEnd + 1
        }
        return items.isEmpty ? nil : items
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 }

    /// Letters of any case, digits, `-` and `_`: a key that is no slug
    /// (`@NSO`) is still a citation, and the check names it unknown.
    private static func isKey(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default: false
        }
    }
}
