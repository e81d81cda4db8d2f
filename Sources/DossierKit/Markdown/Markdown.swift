import CCmark
import Foundation

/// Every cmark call of the project. Each function parses, uses and frees its
/// own tree and returns only Swift values: no C pointer outlives a call.
public enum Markdown {
    /// The links, citations and heading ids of a body, with file positions.
    static func outline(of body: MarkdownBody, reservedIDs: Set<String>) -> BodyOutline {
        parse(body, reservedIDs: reservedIDs, rewrite: nil, cite: nil).outline
    }

    /// The body as HTML: links rewritten by `rewrite` (nil leaves a link as it
    /// is), the `n`th citation group (from 0, in the order `outline` lists
    /// them) replaced by the markup `cite(n)` gives (nil leaves it as text),
    /// headings given the ids `outline` finds, raw HTML and unsafe URLs left
    /// out.
    /// `figure` gives the HTML of an image (`![alt](media:slug)`) from its
    /// destination and alt text, `block` when the image is alone in its
    /// paragraph (which it then replaces), and `index`, its place among the
    /// body's images; nil leaves the image as cmark writes it.
    static func html(
        of text: String, reservedIDs: Set<String>, rewrite: @escaping (String) -> String?,
        cite: @escaping (Int) -> String? = { _ in nil }, figure: Figure? = nil
    ) -> String {
        parse(MarkdownBody(text: text, firstLine: 1, path: ""), reservedIDs: reservedIDs, rewrite: rewrite, cite: cite, figure: figure)
            .html ?? ""
    }

    typealias Figure = (_ destination: String, _ alt: String, _ block: Bool, _ index: Int) -> String?

    /// The words a reader sees in the body, for the search index: text,
    /// code and images' alt text, blocks kept apart by a space; link
    /// destinations, raw HTML and citations (`[@slug]`) left out.
    static func plainText(of text: String) -> String {
        withTree(text) { root in
            var text = "", run = ""
            // A run of text and line breaks, where citations are (see `TextRun`):
            // cmark splits `[@a]` into several text nodes.
            func endRun() {
                text += withoutCitations(run)
                run = ""
            }
            walk(root) { node, _ in
                let type = cmark_node_get_type(node)
                switch type {
                case CMARK_NODE_TEXT:
                    if let literal = cmark_node_get_literal(node) { run += String(cString: literal) }
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                    run += "\n"
                case CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                    endRun()
                    if let literal = cmark_node_get_literal(node) { text += " " + String(cString: literal) + " " }
                default:
                    endRun()
                    // Blocks apart; emphasis and links within a word keep it whole.
                    if type.rawValue < CMARK_NODE_FIRST_INLINE.rawValue { text += " " }
                }
            }
            endRun()
            return text
        }
    }

    /// One walk over the body's tree for both: the outline, and with
    /// `rewrite` the HTML, so that the two always agree on heading ids and
    /// on which text is a citation.
    private static func parse(
        _ body: MarkdownBody, reservedIDs: Set<String>, rewrite: ((String) -> String?)?, cite: ((Int) -> String?)?,
        figure: Figure? = nil
    ) -> (outline: BodyOutline, html: String?) {
        withTree(body.text) { root in
            var outline = BodyOutline()
            var ids = HeadingIDs(reserved: reservedIDs)
            var locator = LinkLocator(body: body)
            var headings: [OpaquePointer] = []
            var runs: [TextRun] = []
            var lines: [Substring]?
            var images: [(node: OpaquePointer, destination: String)] = []
            walk(root) { node, entering in
                switch cmark_node_get_type(node) {
                case CMARK_NODE_HEADING where entering:
                    outline.headingIDs.append(ids.next(for: withoutCitations(plainText(of: node))))
                    headings.append(node)
                case CMARK_NODE_LINK where !entering:
                    let destination = String(cString: cmark_node_get_url(node))
                    let location = position(of: destination, link: node, with: &locator)
                    outline.links.append(LinkOccurrence(destination: destination, location: location))
                    // A footnote marker whose `[^1]: ...` line made it a link.
                    if plainText(of: node).hasPrefix("^") { outline.notices.append(.footnote(location)) }
                    if let url = rewrite?(destination) { cmark_node_set_url(node, url) }
                case CMARK_NODE_TEXT where entering && startsRun(node):
                    guard let run = TextRun(startingAt: node) else { break }
                    let found = run.outline(with: &locator)
                    outline.notices += found.notices
                    if !found.citations.isEmpty {
                        outline.citations += found.citations
                        runs.append(run)
                    }
                case CMARK_NODE_PARAGRAPH where !entering:
                    if let table = pipeTable(node, body: body, lines: &lines) { outline.notices.append(.pipeTable(table)) }
                case CMARK_NODE_IMAGE where !entering:
                    let destination = String(cString: cmark_node_get_url(node))
                    outline.links.append(
                        LinkOccurrence(destination: destination, location: position(of: destination, link: node, with: &locator)))
                    images.append((node, destination))
                default:
                    break
                }
            }
            guard rewrite != nil else { return (outline, nil) }
            var group = 0
            for run in runs {
                run.replaceGroups {
                    defer { group += 1 }
                    return cite?(group)
                }
            }
            for (heading, id) in zip(headings, outline.headingIDs) { replaceWithAnchoredHeading(heading, id: id) }
            if let figure { replaceImages(images, with: figure) }
            return (outline, render(root))
        }
    }

    /// A heading's text without its citations, which are no part of its id.
    private static func withoutCitations(_ text: String) -> String {
        // A byte scan first: Foundation's `contains` of a string goes through
        // NSString and took 5% of a large build, for every run of every body.
        guard text.containsUTF8(where: { $0 == UInt8(ascii: "@") }) else { return text }
        let bytes = Array(text.utf8)
        var kept: [UInt8] = []
        var cursor = 0
        for group in CitationSyntax.groups(in: bytes) {
            kept += bytes[cursor..<group.range.lowerBound]
            cursor = group.range.upperBound
        }
        return String(decoding: kept + bytes[cursor...], as: UTF8.self)
    }

    /// Whether a text node opens a run of text (its previous sibling is no
    /// text or line break) outside any link or image, whose text is the
    /// link's.
    private static func startsRun(_ node: OpaquePointer) -> Bool {
        if let previous = cmark_node_previous(node), TextRun.continues(previous) { return false }
        var parent = cmark_node_parent(node)
        while let current = parent {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE { return false }
            parent = cmark_node_parent(current)
        }
        return true
    }

    /// Where a paragraph of several lines has a pipe table's delimiter row
    /// (`|---|---|`, `--|:-:`): cmark shows a table as a paragraph of text.
    private static func pipeTable(_ paragraph: OpaquePointer, body: MarkdownBody, lines: inout [Substring]?) -> SourceLocation? {
        let first = Int(cmark_node_get_start_line(paragraph)), last = Int(cmark_node_get_end_line(paragraph))
        guard first >= 1, last > first else { return nil }
        if lines == nil { lines = body.text.split(separator: "\n", omittingEmptySubsequences: false) }
        guard let lines, last <= lines.count else { return nil }
        for number in (first + 1)...last {
            let line = lines[number - 1].utf8
            if line.contains(UInt8(ascii: "|")), line.contains(UInt8(ascii: "-")),
                line.allSatisfy({
                    $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":") || $0 == 0x20 || $0 == 0x09
                })
            {
                return SourceLocation(path: body.path, line: body.firstLine + first - 1, column: 1)
            }
        }
        return nil
    }

    private static func render(_ root: OpaquePointer) -> String {
        guard let rendered = cmark_render_html(root, CMARK_OPT_DEFAULT) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    private static func withTree<T>(_ text: String, _ use: (OpaquePointer) -> T) -> T {
        let root = text.withCString { cmark_parse_document($0, strlen($0), CMARK_OPT_DEFAULT) }!
        defer { cmark_node_free(root) }
        return use(root)
    }

    private static func walk(_ root: OpaquePointer, _ visit: (OpaquePointer, Bool) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            visit(node, event == CMARK_EVENT_ENTER)
        }
    }

    /// The text of a node's inline content, as a reader sees it.
    private static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        walk(node) { child, entering in
            guard entering else { return }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text
    }

    /// Puts the heading's inline children into a custom block that writes
    /// `<hN id="...">` and `</hN>`, since cmark's own heading has no id.
    private static func replaceWithAnchoredHeading(_ heading: OpaquePointer, id: String) {
        let level = cmark_node_get_heading_level(heading)
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(block, "<h\(level) id=\"\(id)\">")
        cmark_node_set_on_exit(block, "</h\(level)>")
        while let child = cmark_node_first_child(heading) {
            cmark_node_unlink(child)
            cmark_node_append_child(block, child)
        }
        cmark_node_insert_before(heading, block)
        cmark_node_free(heading)
    }

    /// Puts each image's HTML from `figure` in its place: a custom block
    /// instead of the paragraph it is alone in, else a custom inline.
    private static func replaceImages(_ images: [(node: OpaquePointer, destination: String)], with figure: Figure) {
        for (index, image) in images.enumerated() {
            let parent = cmark_node_parent(image.node)
            let inParagraph = parent.map { cmark_node_get_type($0) == CMARK_NODE_PARAGRAPH } ?? false
            let alone = inParagraph && cmark_node_previous(image.node) == nil && cmark_node_next(image.node) == nil
            guard let html = figure(image.destination, plainText(of: image.node), alone, index) else { continue }
            guard let replacement = cmark_node_new(alone ? CMARK_NODE_CUSTOM_BLOCK : CMARK_NODE_CUSTOM_INLINE) else { continue }
            cmark_node_set_on_enter(replacement, html)
            let replaced = alone ? parent! : image.node
            cmark_node_insert_before(replaced, replacement)
            cmark_node_free(replaced)
        }
    }

    /// Where a link's destination is written. cmark 0.30's inline positions
    /// can be off (a paragraph opening with link reference definitions, link
    /// text wrapped over lines), so the destination text itself is looked for
    /// from cmark's line to the end of the enclosing block, then in the whole
    /// body; cmark's own spot is the last resort.
    private static func position(of destination: String, link: OpaquePointer, with locator: inout LinkLocator) -> SourceLocation {
        let line = Int(cmark_node_get_start_line(link))
        var block: OpaquePointer? = cmark_node_parent(link)
        while let current = block, cmark_node_get_end_line(current) == 0 { block = cmark_node_parent(current) }
        let blockEnd = block.map { Int(cmark_node_get_end_line($0)) } ?? line
        return locator.locate(destination, line: line, byteColumn: Int(cmark_node_get_start_column(link)), blockEnd: blockEnd)
    }
}
