import CCmark
import Foundation

/// The text nodes and line breaks next to each other in one inline
/// container, read as one text: cmark cuts `[@a, p. 4]` into several nodes
/// (`[` and `]` are link delimiters), and a citation may wrap over lines.
/// Only runs holding a citation or a footnote marker are kept.
struct TextRun {
    private let nodes: [OpaquePointer]
    private let text: [UInt8]
    private let groups: [CitationSyntax.Group]
    private let footnotes: [Int]

    /// Whether `node` belongs in a run.
    static func continues(_ node: OpaquePointer) -> Bool {
        let type = cmark_node_get_type(node)
        return type == CMARK_NODE_TEXT || type == CMARK_NODE_SOFTBREAK
    }

    init?(startingAt node: OpaquePointer) {
        // Most runs hold no `[`: looked for in place, before any copy.
        var probe: OpaquePointer? = node
        var bracket = false
        while let each = probe, Self.continues(each), !bracket {
            if let literal = cmark_node_get_literal(each), strchr(literal, 0x5B) != nil { bracket = true }
            probe = cmark_node_next(each)
        }
        guard bracket else { return nil }
        var nodes: [OpaquePointer] = []
        var text: [UInt8] = []
        var current: OpaquePointer? = node
        while let each = current, Self.continues(each) {
            nodes.append(each)
            if cmark_node_get_type(each) == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(each) {
                text.append(contentsOf: String(cString: literal).utf8)
            } else {
                text.append(0x0A)
            }
            current = cmark_node_next(each)
        }
        groups = CitationSyntax.groups(in: text)
        footnotes = CitationSyntax.footnotes(in: text)
        guard !groups.isEmpty || !footnotes.isEmpty else { return nil }
        self.nodes = nodes
        self.text = text
    }

    /// The run's citation groups and footnote markers, with where each is written.
    func outline(with locator: inout LinkLocator) -> (citations: [[CitationOccurrence]], notices: [BodyNotice]) {
        let first = nodes[0]
        var line = Int(cmark_node_get_start_line(first)), column = Int(cmark_node_get_start_column(first))
        var block: OpaquePointer? = cmark_node_parent(first)
        while let current = block, cmark_node_get_end_line(current) == 0 { block = cmark_node_parent(current) }
        if line == 0, let block { (line, column) = (Int(cmark_node_get_start_line(block)), Int(cmark_node_get_start_column(block))) }
        let blockEnd = block.map { Int(cmark_node_get_end_line($0)) } ?? line
        // Looked for in the order written, so each takes the next free spot.
        enum Found { case citation(Int), footnote(Int) }
        let found = (groups.indices.map { (groups[$0].range.lowerBound, Found.citation($0)) } + footnotes.map { ($0, Found.footnote($0)) })
            .sorted { $0.0 < $1.0 }
        var citations: [[CitationOccurrence]] = []
        var notices: [BodyNotice] = []
        for (_, item) in found {
            switch item {
            case .citation(let index):
                citations.append(
                    groups[index].items.map { item in
                        let location = locator.locate("@" + item.key, line: line, byteColumn: column, blockEnd: blockEnd)
                        return CitationOccurrence(key: item.key, locator: item.locator, location: location)
                    })
            case .footnote(let offset):
                let close = text[offset...].firstIndex(of: UInt8(ascii: "]")) ?? offset
                let marker = String(decoding: text[offset...close], as: UTF8.self)
                notices.append(.footnote(locator.locate(marker, line: line, byteColumn: column, blockEnd: blockEnd)))
            }
        }
        return (citations, notices)
    }

    /// Replaces each citation group, in order, by the markup `markup` gives
    /// (a group it gives nil for stays as text). Called after the walk:
    /// cmark's iterator may not see nodes it has yet to visit change.
    func replaceGroups(_ markup: () -> String?) {
        var pieces: [OpaquePointer] = []
        var cursor = 0
        for group in groups {
            guard let html = markup() else { continue }
            pieces += Self.textNodes(text[cursor..<group.range.lowerBound])
            guard let custom = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { continue }
            // A custom node's text is written as it is, while cmark's safe
            // mode would drop an inline HTML node.
            cmark_node_set_on_enter(custom, html)
            cmark_node_set_on_exit(custom, "")
            pieces.append(custom)
            cursor = group.range.upperBound
        }
        guard cursor > 0 else { return }
        pieces += Self.textNodes(text[cursor...])
        for piece in pieces { cmark_node_insert_before(nodes[0], piece) }
        for node in nodes { cmark_node_free(node) }
    }

    /// Text nodes with a line break node at each line feed.
    private static func textNodes(_ bytes: ArraySlice<UInt8>) -> [OpaquePointer] {
        var nodes: [OpaquePointer] = []
        for (index, line) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            if index > 0, let lineBreak = cmark_node_new(CMARK_NODE_SOFTBREAK) { nodes.append(lineBreak) }
            guard !line.isEmpty, let node = cmark_node_new(CMARK_NODE_TEXT) else { continue }
            cmark_node_set_literal(node, String(decoding: line, as: UTF8.self))
            nodes.append(node)
        }
        return nodes
    }
}
