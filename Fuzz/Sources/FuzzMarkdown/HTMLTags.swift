/// Just enough HTML reading for cmark's own output: start tags with their
/// double-quoted attributes (entities decoded), and the URL rules browsers use.
enum HTMLTags {
    struct Tag {
        let name: String
        let attributes: [(String, String)]
    }

    /// What cmark writes (raw HTML is left out by CMARK_OPT_DEFAULT).
    static let cmarkElements: Set<String> = [
        "p", "a", "img", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "hr", "br",
        "h1", "h2", "h3", "h4", "h5", "h6",
    ]
    static let cmarkAttributes: Set<String> = ["href", "title", "src", "alt", "id", "start", "class"]

    static func scan(_ html: String) -> [Tag] {
        var tags: [Tag] = []
        let scalars = Array(html.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "<" else {
                index += 1
                continue
            }
            index += 1
            // End tags, and `<!-- raw HTML omitted -->`.
            if index < scalars.count, scalars[index] == "/" || scalars[index] == "!" {
                while index < scalars.count, scalars[index] != ">" { index += 1 }
                continue
            }
            var name = ""
            while index < scalars.count, scalars[index].properties.isAlphabetic || ("0"..."9").contains(scalars[index]) {
                name.unicodeScalars.append(scalars[index])
                index += 1
            }
            var attributes: [(String, String)] = []
            while index < scalars.count, scalars[index] != ">" {
                if scalars[index] == " " || scalars[index] == "/" {
                    index += 1
                    continue
                }
                var attribute = ""
                while index < scalars.count, !" =>/".unicodeScalars.contains(scalars[index]) {
                    attribute.unicodeScalars.append(scalars[index])
                    index += 1
                }
                var value = ""
                if index < scalars.count, scalars[index] == "=" {
                    index += 2  // `="`: cmark always quotes with double quotes
                    while index < scalars.count, scalars[index] != "\"" {
                        value.unicodeScalars.append(scalars[index])
                        index += 1
                    }
                    index += 1
                }
                attributes.append((attribute.lowercased(), decodeEntities(value)))
            }
            tags.append(Tag(name: name.lowercased(), attributes: attributes))
        }
        return tags
    }

    /// The few entities cmark writes in attributes.
    static func decodeEntities(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&#x27;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// A URL whose scheme (read as a browser reads it: outer blanks and
    /// control characters trimmed, tabs and line breaks removed) can run code.
    static func isDangerous(url: String) -> Bool {
        let trimmed = url.unicodeScalars.drop { $0.value <= 0x20 }.filter { !["\t", "\n", "\r"].contains($0) }
        let text = String(String.UnicodeScalarView(trimmed)).lowercased()
        guard let colon = text.firstIndex(of: ":") else { return false }
        let scheme = text[..<colon]
        guard let first = scheme.first, first.isLetter, scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) })
        else { return false }
        // cmark's own list; `livescript:` and other Netscape-era schemes run nowhere today.
        if ["javascript", "vbscript", "file"].contains(scheme) { return true }
        if scheme == "data" {
            return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { text.hasPrefix($0) }
        }
        return false
    }
}
