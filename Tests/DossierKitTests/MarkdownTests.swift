import Foundation
import Testing

@testable import DossierKit

/// The renderer: `Fixtures/markdown/<case>.md` → `<case>.html`, rendered for a
/// page at `events/current/index.html` of a site holding a few known pages.
/// Re-record with `DOSSIER_RECORD=1 swift test --filter Golden`.
@Suite struct MarkdownGoldenTests {
    static let folder = Fixture.url("markdown")
    static let pagePath = "events/current/index.html"
    static let known: Set<PageKey> = [
        PageKey(.actor, "nso-group"), PageKey(.actor, "shalev-hulio"), PageKey(.country, "france"),
        PageKey(.event, "pegasus-project"), PageKey(.source, "report"), PageKey(.page, "about"),
    ]

    /// The case names: every `.md` file of `Fixtures/markdown`.
    static func cases() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
    }

    /// What the renderer does with `KIND:SLUG` links: relative URL when the
    /// page exists, the destination as written otherwise.
    static func rewrite(_ destination: String) -> String? {
        guard let (kind, slug, fragment) = Reference.parse(destination: destination), known.contains(PageKey(kind, slug))
        else { return nil }
        let url = Addresses.relative(from: pagePath, to: Addresses.page(PageKey(kind, slug)))
        return fragment.map { url + "#" + $0 } ?? url
    }

    static func render(_ name: String) throws -> String {
        let text = try String(contentsOf: folder.appendingPathComponent(name + ".md"), encoding: .utf8)
        return Markdown.html(of: text, reservedIDs: Sections.ids(for: .event), rewrite: rewrite)
    }

    @Test func thereAreCases() {
        #expect(Self.cases() == ["autolinks", "headings", "links", "raw-html", "unsafe-links"])
    }

    @Test(arguments: cases())
    func markdownGolden(_ name: String) throws {
        try Golden.assertText(try Self.render(name), matches: Self.folder.appendingPathComponent(name + ".html"))
    }

    /// The ids `outline` gives (which fragments are checked against) are the
    /// ids `html` writes.
    @Test(arguments: cases())
    func outlineIDsAreTheRenderedIDs(_ name: String) throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent(name + ".md"), encoding: .utf8)
        let outline = Markdown.outline(of: MarkdownBody(text: text, firstLine: 1, path: "x.md"), reservedIDs: Sections.ids(for: .event))
        let html = try Self.render(name)
        let rendered = html.matches(of: #/<h[1-6] id="([^"]*)">/#).map { String($0.1) }
        #expect(outline.headingIDs == rendered)
    }

    /// The HTML gives each heading the id the outline found for it, in
    /// order (links to `#fragment` are checked against the outline).
    @Test(arguments: cases())
    func htmlHeadingsHaveTheOutlinesIDs(_ name: String) throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent(name + ".md"), encoding: .utf8)
        let outline = Markdown.outline(of: MarkdownBody(text: text, firstLine: 1, path: "x.md"), reservedIDs: Sections.ids(for: .event))
        let html = Markdown.html(of: text, reservedIDs: Sections.ids(for: .event), rewrite: Self.rewrite)
        let ids = html.matches(of: /<h[1-6] id="([^"]*)">/).map { String($0.1) }
        #expect(ids == outline.headingIDs)
    }

    @Test func headingIDsAvoidRepeatsAndThemeSections() {
        let text = "## History\n\n## History\n\n## Events\n\n## Summary\n\n## ???\n\n## Société Générale\n"
        let outline = Markdown.outline(of: MarkdownBody(text: text, firstLine: 1, path: "x.md"), reservedIDs: Sections.ids(for: .actor))
        #expect(outline.headingIDs == ["history", "history-2", "events-2", "summary-2", "section", "societe-generale"])
        // A page has no `events` section, so its heading keeps the plain id.
        let page = Markdown.outline(
            of: MarkdownBody(text: "## Events\n", firstLine: 1, path: "x.md"), reservedIDs: Sections.ids(for: .page))
        #expect(page.headingIDs == ["events"])
    }

    @Test func unsafeAndRawHTMLNeverReachThePage() throws {
        for name in ["raw-html", "unsafe-links"] {
            let html = try Self.render(name)
            for needle in ["<script", "onclick", "onerror", "<div", "<span", "<img src=\"x\""] {
                #expect(!html.lowercased().contains(needle), "\(name) contains \(needle)")
            }
            let urls = html.matches(of: #/(?:href|src)="([^"]*)"/#).map { String($0.1).lowercased() }
            #expect(name == "raw-html" || urls.count == 10, "\(name): \(urls.count) URLs")
            for url in urls {
                let unsafe = ["javascript:", "vbscript:", "file:", "data:"].contains { url.hasPrefix($0) }
                #expect(!unsafe || url.hasPrefix("data:image/"), "\(name): \(url)")
            }
        }
    }
}

/// Where body links are reported: file line and column in Unicode scalars,
/// pointing at the destination text, marked in the input with 1️⃣, 2️⃣...
@Suite struct LinkPositionTests {
    /// The body starts on file line 5 (after a three-field front matter).
    static let firstLine = 5

    func expect(_ input: String, _ destinations: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let marked = Marked(input)
        let outline = Markdown.outline(
            of: MarkdownBody(text: marked.text, firstLine: Self.firstLine, path: "x.md"), reservedIDs: [])
        #expect(outline.links.map(\.destination) == destinations, sourceLocation: sourceLocation)
        let expected = (1...max(1, destinations.count)).compactMap { marked.positions[$0] }.map {
            DossierKit.SourceLocation(path: "x.md", line: Self.firstLine + $0.line - 1, column: $0.column)
        }
        #expect(expected.count == destinations.count, "one marker per link", sourceLocation: sourceLocation)
        #expect(outline.links.map(\.location) == expected, sourceLocation: sourceLocation)
    }

    @Test func columnCountsUnicodeScalarsAfterAccents() {
        expect("Café crème: [X](1️⃣actor:x) and [Y](2️⃣actor:y).", ["actor:x", "actor:y"])
    }

    @Test func columnCountsScalarsOfCombinedEmoji() {
        // 👍🏽 is one character but two scalars (and eight UTF-8 bytes).
        expect("👍🏽 e\u{301} [X](1️⃣actor:x)", ["actor:x"])
    }

    @Test func paragraphOpeningWithReferenceDefinition() {
        expect("Intro.\n\n[ref]: https://example.org\nThen [X](1️⃣actor:x) on the next line.\n", ["actor:x"])
    }

    @Test func linkTextWrappedOverLines() {
        expect("Intro.\n\nSee [a long\nlink text](1️⃣actor:x) here,\nand [more\nwrapped\ntext](2️⃣actor:y).\n", ["actor:x", "actor:y"])
    }

    @Test func sameDestinationTwiceOnOneLine() {
        expect("[a](1️⃣actor:x) and [b](2️⃣actor:x)\n[c](3️⃣actor:x)", ["actor:x", "actor:x", "actor:x"])
    }

    @Test func linksInsideListsAndQuotes() {
        expect("- item [X](1️⃣actor:x)\n  - nested [Y](2️⃣actor:y)\n\n> quoted [Z](3️⃣actor:z)\n", ["actor:x", "actor:y", "actor:z"])
    }

    @Test func referenceLinkPointsAtItsDefinition() {
        expect("See [X][r].\n\n[r]: 1️⃣actor:x\n", ["actor:x"])
    }

    @Test func autolinkPointsInsideTheBrackets() {
        expect("See <1️⃣actor:x>.", ["actor:x"])
    }

    @Test func destinationWithEntityIsFoundByCmarkPosition() {
        // cmark decodes `&#45;`, so the destination text is not in the
        // source: the position falls back to cmark's own (the link's start).
        expect("Text 1️⃣[X](actor:a&#45;b)", ["actor:a-b"])
    }
}

/// A page's body: every `KIND:SLUG` link whose target is in the site
/// becomes a relative URL from the page (fragment kept); a link to no entry
/// stays as written.
@Suite struct BodyHTMLTests {
    @Test func linksAreRelativeToThePage() throws {
        let site = try JSONTextTests.site(Fixture.content)
        let entry = try #require(site.entries.values.filter { !$0.links.isEmpty }.min { $0.key < $1.key })
        let reference = entry.links[0]
        let target = PageKey(reference.kind, reference.slug)
        let url = "../../" + Addresses.page(target) + (reference.fragment.map { "#" + $0 } ?? "")
        #expect(Renderer.bodyHTML(entry, path: entry.pagePath, site: site).contains("href=\"\(url)\""))
        #expect(Renderer.bodyHTML(entry, path: "index.html", site: site).contains("href=\"\(Addresses.page(target))"))
        // Without its target, the link stays as written.
        let smaller = Site(settings: site.settings, entries: site.entries.values.filter { $0.key != target })
        let html = Renderer.bodyHTML(entry, path: entry.pagePath, site: smaller)
        #expect(html.contains("href=\"\(target.kind.rawValue):\(target.slug)"))
        #expect(!html.contains("href=\"\(url)\""))
    }
}
