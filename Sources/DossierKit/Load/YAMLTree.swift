import Yams

/// One value of front matter as `FieldReader` reads it: a text (and whether
/// it was written plain, which decides whether it can be null), a list or a
/// set of fields, each with its position in the YAML text.
indirect enum YAMLNode: Equatable {
    case scalar(String, plain: Bool, at: YAMLMark)
    case sequence([YAMLNode], at: YAMLMark)
    case mapping([YAMLPair], at: YAMLMark)

    var mark: YAMLMark {
        switch self {
        case .scalar(_, _, let mark), .sequence(_, let mark), .mapping(_, let mark): mark
        }
    }

    /// The text of a scalar; nil for a list or a mapping.
    var text: String? {
        if case .scalar(let text, _, _) = self { text } else { nil }
    }
}

struct YAMLPair: Equatable {
    let key: YAMLNode
    let value: YAMLNode
}

/// A 1-based line and column (in characters) of the YAML text, as Yams counts them.
struct YAMLMark: Equatable {
    let line: Int
    let column: Int
}

/// Front matter's YAML, composed into `YAMLNode`s.
///
/// Yams composes a tree of its own (a `Tag` object per node, hashed keys to
/// find duplicates) that cost about three times libyaml's own parsing. Plain
/// front matter (no anchors, aliases or tags, text keys, each key once, one
/// document) means the same in both trees, so it is composed here directly
/// from libyaml's events, the same libyaml Yams is built on. Anything else,
/// and every error, goes to Yams: its tree is converted, and its errors
/// (and their positions) are the ones reported, whichever way the text went
/// first. `composeDirectly` and `composeWithYams` agree on every text the
/// first accepts; the tests and the content fuzzer check it.
enum YAMLTree {
    /// Composing never constructs values, so one constructor (read only:
    /// its maps are constants) serves every parse on every core;
    /// `Constructor.default` builds a new one on each use.
    nonisolated(unsafe) private static let constructor = Constructor([:], [:], [:])

    /// The document's root; nil for an empty text. Throws Yams's `YamlError`.
    static func compose(_ yaml: String) throws -> YAMLNode? {
        switch composeDirectly(yaml) {
        case .composed(let root): return root
        case .needsYams: return try composeWithYams(yaml)
        }
    }

    /// Yams's composition, converted. The encoding is given: Yams's default
    /// reads the whole environment on every parse to look for an override.
    static func composeWithYams(_ yaml: String) throws -> YAMLNode? {
        try Yams.compose(yaml: yaml, .basic, constructor, .utf8).map(YAMLNode.init)
    }

    enum Outcome: Equatable {
        case composed(YAMLNode?)
        /// The text has an anchor, alias, tag, non-text or repeated key,
        /// more than one document, or an error: Yams decides.
        case needsYams
    }

    /// Composes plain front matter from libyaml's events, without recursion
    /// (libyaml itself stops nesting at 1,000 levels).
    static func composeDirectly(_ yaml: String) -> Outcome {
        var composer = Composer()
        return LibYAMLEvents.first(in: yaml) { event -> Outcome? in
            switch composer.take(event) {
            case .next: nil
            case .finished(let outcome): outcome
            }
        } ?? .needsYams
    }

    /// The state between events: collections still open, and where the
    /// stream is.
    private struct Composer {
        enum Step { case next, finished(Outcome) }

        /// A list or a set of fields still open: its values so far and,
        /// in a mapping, the key waiting for its value and the keys seen.
        private struct Open {
            let isMapping: Bool
            let mark: YAMLMark
            var items: [YAMLNode] = []
            var pairs: [YAMLPair] = []
            var pendingKey: YAMLNode?
            var keys: Set<String> = []
        }

        private var open: [Open] = []
        private var root: YAMLNode?
        private var documentStarted = false
        private var documentEnded = false

        mutating func take(_ event: LibYAMLEvents.Event) -> Step {
            let mark = YAMLMark(line: event.line, column: event.column)
            switch event.kind {
            case .streamStart:
                return .next
            case .documentStart:
                // A second document is Yams's error to report.
                guard !documentStarted else { return .finished(.needsYams) }
                documentStarted = true
                return .next
            case .documentEnd:
                documentEnded = true
                return .next
            case .streamEnd:
                guard !documentStarted || (documentEnded && root != nil) else { return .finished(.needsYams) }
                return .finished(.composed(root))
            case .scalar:
                guard event.anchor == nil, !event.hasTag else { return .finished(.needsYams) }
                return add(.scalar(event.text, plain: event.plain, at: mark))
            case .sequenceStart, .mappingStart:
                guard event.anchor == nil, !event.hasTag else { return .finished(.needsYams) }
                open.append(Open(isMapping: event.kind == .mappingStart, mark: mark))
                return .next
            case .sequenceEnd, .mappingEnd:
                guard let closed = open.popLast(), closed.pendingKey == nil else { return .finished(.needsYams) }
                return add(closed.isMapping ? .mapping(closed.pairs, at: closed.mark) : .sequence(closed.items, at: closed.mark))
            case .alias, .other:
                return .finished(.needsYams)
            }
        }

        /// Puts a finished value in the collection that holds it.
        private mutating func add(_ node: YAMLNode) -> Step {
            guard let last = open.indices.last else {
                root = node
                return .next
            }
            if !open[last].isMapping {
                open[last].items.append(node)
            } else if let key = open[last].pendingKey {
                open[last].pairs.append(YAMLPair(key: key, value: node))
                open[last].pendingKey = nil
            } else {
                guard case .scalar(let name, _, _) = node, open[last].keys.insert(name).inserted else {
                    return .finished(.needsYams)
                }
                open[last].pendingKey = node
            }
            return .next
        }
    }
}

extension YAMLNode {
    /// Yams's node as read here. Yams composes aliases as the node they
    /// name, so its `.alias` case never comes out of `compose`.
    init(_ node: Node) {
        let mark = node.mark.map { YAMLMark(line: $0.line, column: $0.column) } ?? YAMLMark(line: 1, column: 1)
        switch node {
        case .scalar(let scalar): self = .scalar(scalar.string, plain: scalar.style == .plain, at: mark)
        case .sequence(let sequence): self = .sequence(sequence.map(YAMLNode.init), at: mark)
        case .mapping(let mapping): self = .mapping(mapping.map { YAMLPair(key: YAMLNode($0.key), value: YAMLNode($0.value)) }, at: mark)
        case .alias: self = .scalar("", plain: true, at: mark)
        }
    }
}
