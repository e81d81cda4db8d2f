import Foundation
import Testing

@testable import DossierKit

/// `[@slug]` citations: what is one and what is text, where each is
/// written, how a page numbers them, and the markup a body gets.
@Suite struct CitationSyntaxTests {
    func keys(_ text: String) -> [[String]] {
        CitationSyntax.groups(in: Array(text.utf8)).map { $0.items.map(\.key) }
    }

    @Test func oneSeveralAndLocators() {
        let groups = CitationSyntax.groups(in: Array("a [@x] b [@y, p. 4] c [@x; @z, ch. 2; @y]".utf8))
        #expect(groups.map { $0.items.map(\.key) } == [["x"], ["y"], ["x", "z", "y"]])
        #expect(groups.map { $0.items.map(\.locator) } == [[nil], ["p. 4"], [nil, "ch. 2", nil]])
        #expect(groups[0].range == 2..<6)
    }

    @Test func locatorWrappedOverLinesIsOneLine() {
        let groups = CitationSyntax.groups(in: Array("[@x, pp.\n 4-5]".utf8))
        #expect(groups.map { $0.items.map(\.locator) } == [["pp. 4-5"]])
    }

    @Test func whatIsNotACitation() {
        for text in [
            "[ask@example.org]", "write to ask@example.org", "a stray [@ bracket", "[@x and more]", "[@x,]", "[@x; y]",
            "[@]", "[@x", "[@x [@y]", "[see @x]",
        ] {
            let found = keys(text)
            #expect(found == (text == "[@x [@y]" ? [["y"]] : []), "\(text)")
        }
    }

    @Test func keyOfAnotherFormIsStillACitation() {
        #expect(keys("[@NSO_Group]") == [["NSO_Group"]])
    }

    @Test func footnoteMarkers() {
        #expect(CitationSyntax.footnotes(in: Array("a[^1] b [^note] [^ x] [^]".utf8)) == [1, 8])
    }
}

@Suite struct CitationOutlineTests {
    func outline(_ text: String) -> BodyOutline {
        Markdown.outline(of: MarkdownBody(text: text, firstLine: 5, path: "x.md"), reservedIDs: [])
    }

    @Test func eachKeyIsFoundWhereWritten() {
        let marked = Marked("Café [@1️⃣a, p. 2] and [@2️⃣b;\n @3️⃣a].\n\n- item [@4️⃣c]\n")
        let found = outline(marked.text).citations
        #expect(found.map { $0.map(\.key) } == [["a"], ["b", "a"], ["c"]])
        let expected = (1...4).compactMap { marked.positions[$0] }.map {
            // The marker stands just after `@`: the location is the `@`'s.
            DossierKit.SourceLocation(path: "x.md", line: 4 + $0.line, column: $0.column - 1)
        }
        #expect(found.flatMap { $0.map(\.location) } == expected)
    }

    @Test func codeLinksAndEmphasis() {
        let found = outline("`[@a]` and\n\n    [@b]\n\nand [see [@c]](https://example.org) but *[@d]*").citations
        #expect(found.map { $0.map(\.key) } == [["d"]])
    }

    @Test func footnotesAndTablesAreNoticed() {
        let text = "Claim[^1].\n\nUsed[^n] with a definition.\n\n[^n]: https://example.org\n\n| a | b |\n|---|:-:|\n| 1 | 2 |\n"
        #expect(
            outline(text).notices == [
                .footnote(DossierKit.SourceLocation(path: "x.md", line: 5, column: 6)),
                .footnote(DossierKit.SourceLocation(path: "x.md", line: 9, column: 7)),
                .pipeTable(DossierKit.SourceLocation(path: "x.md", line: 11, column: 1)),
            ])
    }

    @Test func aParagraphWithPipesButNoDelimiterRowIsText() {
        #expect(outline("a | b\nc | d\n\n---\n").notices.isEmpty)
    }
}

@Suite struct CitationHTMLTests {
    @Test func groupsAreReplacedInOrderAndTheRestStays() {
        let html = Markdown.html(
            of: "One [@a], two [@b;\n@c, p. 2]. Code `[@d]`.\n", reservedIDs: [], rewrite: { _ in nil },
            cite: { "<M\($0)>" })
        #expect(html == "<p>One <M0>, two <M1>. Code <code>[@d]</code>.</p>\n")
    }

    @Test func aGroupWithoutMarkupStaysText() {
        let html = Markdown.html(of: "One [@a] and\n[@b].\n", reservedIDs: [], rewrite: { _ in nil }, cite: { $0 == 0 ? nil : "<M>" })
        #expect(html == "<p>One [@a] and\n<M>.</p>\n")
    }

    @Test func headingIDsLeaveCitationsOut() {
        let body = MarkdownBody(text: "## Findings [@a, p. 2]\n", firstLine: 1, path: "x.md")
        #expect(Markdown.outline(of: body, reservedIDs: []).headingIDs == ["findings"])
    }

    @Test func lettersOfBacklinks() {
        let latin = Array("abcdefghijklmnopqrstuvwxyz")
        #expect((0..<3).map { CitationNumbers.letter($0, of: latin) } == ["a", "b", "c"])
        #expect([25, 26, 27, 701, 702].map { CitationNumbers.letter($0, of: latin) } == ["z", "aa", "ab", "zz", "aaa"])
        #expect([0, 2, 3].map { CitationNumbers.letter($0, of: Array("αβγ")) } == ["α", "γ", "αα"])
    }
}
