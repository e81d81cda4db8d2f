/// The structure of one theme template as swift-mustache's parser sees it:
/// what it renders besides its own text (partials, parents, overridden
/// blocks) and how deeply its sections nest. `Theme.load` reads it before
/// handing the text to swift-mustache, whose parser and renderer both
/// recurse once per level: a template nested a few thousand levels deep, one
/// that includes itself after a delimiter change (`{{=<% %>=}}<%> home%>`),
/// or a block override that expands its own block would overflow the stack
/// instead of failing.
///
/// The scanner follows swift-mustache's grammar tag by tag (its delimiters,
/// comments, set-delimiter and triple-brace tags, name characters, and the
/// point where it gives up on a malformed tag), so every level it would open
/// is counted here first; where the two could differ it counts more, never
/// fewer.
struct TemplateOutline {
    /// What a tag makes swift-mustache render from elsewhere.
    enum Target: Hashable {
        /// `{{> name}}` or `{{< name}}`: a template of the theme.
        case template(String)
        /// `{{$name}}` outside a parent's top level: the block, or the
        /// override of it that any enclosing `{{< parent}}` passed down.
        case block(String)
    }

    struct Reference {
        var target: Target
        /// `{{>*name}}` and `{{<*name}}`: the partial is named by a value.
        var dynamic: Bool
        /// Levels open around the tag in its body (a `{{< parent}}` or
        /// `{{$block}}` counts itself).
        var depth: Int
        var line: Int
        var column: Int
    }

    /// Text rendered as one piece: the template itself (the first body) or
    /// a block override written at the top level of a `{{< parent}}`, which
    /// is rendered wherever the parent, or anything it includes, expands
    /// that block.
    struct Body {
        /// The block it overrides; nil for the template itself.
        var block: String?
        /// The deepest nesting inside it.
        var depth = 0
        var references: [Reference] = []
    }

    /// How many sections, parents and blocks may be open at once, counting
    /// those of the partials a template includes. The default theme uses 6.
    static let depthLimit = 100

    private(set) var bodies = [Body(block: nil)]
    /// The deepest nesting of sections, parents and blocks in the text, as
    /// the parser meets them.
    private(set) var depth = 0
    /// The first opening tag past `depthLimit`; scanning stops there.
    private(set) var tooDeep: (line: Int, column: Int)?

    /// Every reference of every body.
    var references: [Reference] { bodies.flatMap(\.references) }

    init(_ text: String) {
        var scanner = Scanner(text)
        scan(&scanner)
    }

    private enum Element { case section, parent, blockDefinition, blockExpansion }

    private mutating func scan(_ s: inout Scanner) {
        var start: [Character] = ["{", "{"], end: [Character] = ["}", "}"]
        // Open elements: their closing name, kind, and the body inside them.
        var open: [(name: String, element: Element, body: Int)] = []
        // Where each body starts: how many elements were open around it.
        var base = [0]
        var body: Int { open.last?.body ?? 0 }
        func opens(_ name: String, _ element: Element, line: Int, column: Int) -> Bool {
            var inside = body
            if element == .blockDefinition {
                bodies.append(Body(block: name))
                base.append(open.count + 1)
                inside = bodies.count - 1
            }
            open.append((name, element, inside))
            depth = max(depth, open.count)
            bodies[inside].depth = max(bodies[inside].depth, open.count - base[inside])
            guard open.count <= Self.depthLimit else {
                tooDeep = (line, column)
                return false
            }
            return true
        }
        func refer(_ target: Target, dynamic: Bool = false, line: Int, column: Int) {
            bodies[body].references.append(
                Reference(target: target, dynamic: dynamic, depth: open.count - base[body], line: line, column: column))
        }
        while s.skip(to: start) {
            let (line, column) = (s.line, s.column)
            guard s.advance(over: start), let kind = s.current else { return }
            // Each case consumes one tag as swift-mustache does, and returns
            // where swift-mustache would throw: the rest is never parsed.
            switch kind {
            case "#", "^":
                s.advance()
                guard let name = s.name(Scanner.sectionNameChars, end: end),
                    opens(name, .section, line: line, column: column)
                else { return }
            case "$":
                s.advance()
                guard let name = s.name(Scanner.sectionNameChars, end: end), !name.contains("(") else { return }
                // At a parent's top level a block is an override; elsewhere it is expanded.
                if open.last?.element == .parent {
                    guard opens(name, .blockDefinition, line: line, column: column) else { return }
                } else {
                    guard opens(name, .blockExpansion, line: line, column: column) else { return }
                    refer(.block(name), line: line, column: column)
                }
            case "/":
                s.advance()
                guard let name = s.name(Scanner.sectionNameChars, end: end), name == open.last?.name else { return }
                open.removeLast()
            case "!":
                s.advance()
                guard s.skip(past: end) else { return }
            case "{":
                s.advance()
                guard s.name(Scanner.sectionNameChars, end: end) != nil, s.current == "}" else { return }
                s.advance()
            case ">":
                s.advance()
                s.skipWhitespace()
                let dynamic = s.current == "*"
                if dynamic { s.advance() }
                guard let name = s.name(Scanner.partialNameChars, end: end) else { return }
                refer(.template(name), dynamic: dynamic, line: line, column: column)
            case "<":
                s.advance()
                s.skipWhitespace()
                guard let name = s.name(Scanner.partialNameChars, end: end),
                    opens(name, .parent, line: line, column: column)
                else { return }
                let dynamic = name.first == "*"
                refer(.template(dynamic ? String(name.dropFirst()) : name), dynamic: dynamic, line: line, column: column)
            case "=":
                s.advance()
                s.skipWhitespace()
                guard let newStart = s.read(until: { $0.isWhitespace }) else { return }
                s.skipWhitespace()
                guard let newEnd = s.read(until: { $0 == "=" || $0.isWhitespace }) else { return }
                s.skipWhitespace()
                guard s.current == "=" else { return }
                s.advance()
                guard s.advance(over: end), !newStart.isEmpty, !newEnd.isEmpty else { return }
                (start, end) = (newStart, newEnd)
            case "%":
                // A pragma: swift-mustache accepts `{{% NAME: VALUE}}` or throws.
                s.advance()
                guard s.name(Scanner.plainNameChars, end: [":"]) != nil,
                    s.name(Scanner.plainNameChars, end: end) != nil
                else { return }
            default:
                // `{{name}}`, and `{{&name}}` once past its `&`.
                if kind == "&" { s.advance() }
                guard s.name(Scanner.sectionNameChars, end: end) != nil else { return }
            }
        }
    }
}

/// A cursor over a template's characters (grapheme clusters, as
/// swift-mustache reads them) that keeps the line and the column, counted
/// in Unicode scalars from 1 as every diagnostic counts them.
private struct Scanner {
    static let plainNameChars = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    static let sectionNameChars = plainNameChars.union("()")
    static let partialNameChars = sectionNameChars.union("/")

    private let characters: [Character]
    private var index = 0
    private(set) var line = 1
    private(set) var column = 1

    init(_ text: String) { characters = Array(text) }

    var current: Character? { index < characters.count ? characters[index] : nil }

    mutating func advance() {
        guard index < characters.count else { return }
        if characters[index] == "\n" || characters[index] == "\r\n" {
            line += 1
            column = 1
        } else {
            column += characters[index].unicodeScalars.count
        }
        index += 1
    }

    /// Whether `string` comes next (swift-mustache needs all of it before
    /// the end); consumes it when it does.
    mutating func advance(over string: [Character]) -> Bool {
        guard characters.count - index >= string.count,
            characters[index..<(index + string.count)].elementsEqual(string)
        else { return false }
        for _ in string { advance() }
        return true
    }

    /// Moves to the next place where `string` starts; false at the end.
    mutating func skip(to string: [Character]) -> Bool {
        while index < characters.count {
            if characters[index] == string[0], characters[index...].starts(with: string) { return true }
            advance()
        }
        return false
    }

    /// Moves past the next `string` as swift-mustache's comment reader
    /// does: a partial match that fails starts over at the next character
    /// without looking back. False (and at the end) when there is none.
    mutating func skip(past string: [Character]) -> Bool {
        var matched = 0
        while index < characters.count {
            matched = characters[index] == string[matched] ? matched + 1 : 0
            advance()
            if matched == string.count { return true }
        }
        return false
    }

    mutating func skipWhitespace() {
        while let character = current, character.isWhitespace { advance() }
    }

    /// Spaces, a name of `allowed` characters, spaces, then `end`: the name,
    /// or nil where swift-mustache would throw.
    mutating func name(_ allowed: Set<Character>, end: [Character]) -> String? {
        skipWhitespace()
        var name = ""
        while let character = current, allowed.contains(character) {
            name.append(character)
            advance()
        }
        skipWhitespace()
        return advance(over: end) ? name : nil
    }

    /// The characters before the first that `stop` accepts; nil at the end.
    mutating func read(until stop: (Character) -> Bool) -> [Character]? {
        var read: [Character] = []
        while let character = current {
            if stop(character) { return read }
            read.append(character)
            advance()
        }
        return nil
    }
}
