/// A small HTML tokenizer for the injection tests: start tags with their
/// attributes (values entity-decoded) and the decoded text between tags.
/// It follows the HTML tokenizer where hostile markup could slip through:
/// comments, `<!...>` and `<?...>`, unquoted and single-quoted values,
/// attributes without a value, and raw-text elements (`script`, `style`),
/// whose content is skipped whole. Anything `<` not followed by a letter,
/// `/`, `!` or `?` is text, as in browsers.
enum HTMLScanner {
    struct Tag: CustomStringConvertible {
        let name: String
        let attributes: [(name: String, value: String)]
        var description: String { "<\(name) " + attributes.map { "\($0.name)=\"\($0.value)\"" }.joined(separator: " ") + ">" }
    }

    struct Document {
        var tags: [Tag] = []
        /// Text between tags, entity-decoded, one piece per run.
        var texts: [String] = []
    }

    static func scan(_ html: String) -> Document {
        var document = Document()
        let s = Array(html.unicodeScalars)
        var i = 0
        var text = ""
        func flush() {
            if !text.isEmpty { document.texts.append(decode(text)) }
            text = ""
        }
        func starts(_ prefix: String, at index: Int) -> Bool {
            let p = Array(prefix.unicodeScalars)
            guard index + p.count <= s.count else { return false }
            return (0..<p.count).allSatisfy { String(s[index + $0]).lowercased() == String(p[$0]) }
        }
        func skip(past terminator: String, from index: Int) -> Int {
            var j = index
            while j < s.count, !starts(terminator, at: j) { j += 1 }
            return min(s.count, j + terminator.unicodeScalars.count)
        }
        while i < s.count {
            guard s[i] == "<", i + 1 < s.count else {
                text.unicodeScalars.append(s[i])
                i += 1
                continue
            }
            let next = s[i + 1]
            if starts("<!--", at: i) {
                flush()
                i = skip(past: "-->", from: i + 4)
            } else if next == "!" || next == "?" {
                flush()
                i = skip(past: ">", from: i + 2)
            } else if next == "/" {
                flush()
                i = skip(past: ">", from: i + 2)
            } else if ("a"..."z").contains(next) || ("A"..."Z").contains(next) {
                flush()
                var j = i + 1
                var name = ""
                while j < s.count, !isSpace(s[j]), s[j] != "/", s[j] != ">" {
                    name.unicodeScalars.append(s[j])
                    j += 1
                }
                var attributes: [(String, String)] = []
                while j < s.count, s[j] != ">" {
                    if isSpace(s[j]) || s[j] == "/" {
                        j += 1
                        continue
                    }
                    var attribute = String(s[j])
                    j += 1
                    while j < s.count, !isSpace(s[j]), s[j] != "/", s[j] != ">", s[j] != "=" {
                        attribute.unicodeScalars.append(s[j])
                        j += 1
                    }
                    while j < s.count, isSpace(s[j]) { j += 1 }
                    var value = ""
                    if j < s.count, s[j] == "=" {
                        j += 1
                        while j < s.count, isSpace(s[j]) { j += 1 }
                        if j < s.count, s[j] == "\"" || s[j] == "'" {
                            let quote = s[j]
                            j += 1
                            while j < s.count, s[j] != quote {
                                value.unicodeScalars.append(s[j])
                                j += 1
                            }
                            j += 1
                        } else {
                            while j < s.count, !isSpace(s[j]), s[j] != ">" {
                                value.unicodeScalars.append(s[j])
                                j += 1
                            }
                        }
                    }
                    attributes.append((attribute.lowercased(), decode(value)))
                }
                i = j + 1
                let tag = Tag(name: name.lowercased(), attributes: attributes)
                document.tags.append(tag)
                if tag.name == "script" || tag.name == "style" { i = skip(past: ">", from: skip(past: "</" + tag.name, from: i)) }
            } else {
                text.unicodeScalars.append(s[i])
                i += 1
            }
        }
        flush()
        return document
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}"
    }

    /// Named entities the generator writes, and every numeric one.
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            rest = rest[rest.index(after: amp)...]
            guard let semicolon = rest.prefix(12).firstIndex(of: ";") else {
                result += "&"
                continue
            }
            let entity = String(rest[..<semicolon])
            var decoded: String?
            if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                decoded = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map(String.init)
            } else if entity.hasPrefix("#") {
                decoded = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init).map(String.init)
            } else {
                decoded = named[entity]
            }
            if let decoded {
                result += decoded
                rest = rest[rest.index(after: semicolon)...]
            } else {
                result += "&"
            }
        }
        return result + rest
    }

    /// The scheme of a URL as a browser reads it (outer blanks and control
    /// characters trimmed, tabs and line breaks removed), lower-cased; nil
    /// for a relative URL.
    static func scheme(of url: String) -> String? {
        var scalars = Substring(url).unicodeScalars.drop { $0.value <= 0x20 }
        while let last = scalars.last, last.value <= 0x20 { scalars = scalars.dropLast() }
        let cleaned = String(String.UnicodeScalarView(scalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }))
        guard let colon = cleaned.firstIndex(of: ":") else { return nil }
        let candidate = cleaned[..<colon]
        guard let first = candidate.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII,
            candidate.unicodeScalars.allSatisfy({
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0))
            })
        else { return nil }
        return candidate.lowercased()
    }
}
