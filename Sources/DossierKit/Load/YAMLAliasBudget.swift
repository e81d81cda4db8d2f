/// Guards front matter against alias bombs ("billion laughs"): YAML aliases
/// let a few lines stand for billions of values, and Yams hashes a mapping's
/// keys whole, so `? *huge : x` would hang the build. Before composing, the
/// text is read as libyaml events and the values aliases add are counted;
/// past `limit` the file is refused, pointing at the alias that went over.
/// Text without a `*` has no alias and skips the count.
enum YAMLAliasBudget {
    /// Values aliases may add to one document; hand-written front matter
    /// that reuses a list or two stays far below.
    static let limit = 10_000

    /// nil when the text is within the budget (or not YAML at all: Yams
    /// reports that); else the 1-based line and column of the alias that
    /// went over.
    static func overrun(in yaml: String) -> (line: Int, column: Int)? {
        guard yaml.containsUTF8(where: { $0 == UInt8(ascii: "*") }) else { return nil }
        // Each open collection: values it holds so far and its anchor.
        var open: [(size: Int, anchor: String?)] = [(0, nil)]
        var anchored: [String: Int] = [:]
        var added = 0
        return LibYAMLEvents.first(in: yaml) { event -> (line: Int, column: Int)? in
            var value: (size: Int, anchor: String?)?
            switch event.kind {
            case .scalar:
                value = (1, event.anchor)
            case .sequenceStart, .mappingStart:
                open.append((0, event.anchor))
            case .sequenceEnd, .mappingEnd:
                guard open.count > 1 else { return nil }
                let closed = open.removeLast()
                value = (closed.size + 1, closed.anchor)
            case .alias:
                let size = event.anchor.flatMap { anchored[$0] } ?? 1
                added += size
                if added > limit { return (event.line, event.column) }
                value = (size, nil)
            default:
                break
            }
            if let value {
                // Sizes stay below `limit` plus the text's own length: no overflow.
                open[open.count - 1].size += value.size
                if let anchor = value.anchor { anchored[anchor] = value.size }
            }
            return nil
        }
    }
}
