import Foundation
import Testing

@testable import DossierKit

/// The outline scanner that reads each theme template as swift-mustache's
/// parser will (inclusions, nesting depth), and the checks built on it:
/// missing partials, self-inclusion, nesting too deep to render.
@Suite struct ThemeTagTests {
    private func names(_ outline: TemplateOutline) -> [String] {
        outline.references.map { reference in
            switch reference.target {
            case .template(let name): name
            case .block(let name): "$" + name
            }
        }
    }

    @Test func findsEveryReferenceWithItsPlaceAndDepth() {
        let text =
            "<p>{{> partials/a}}{{>b}}</p>\n{{! {{> not}} }} {{> }}\n  é{{#x}}{{> d}}{{/x}}{{>*dyn}}\n{{<layout}}{{$main}}{{$inner}}{{/inner}}{{/main}}{{/layout}}{{$block}}{{/block}}"
        let outline = TemplateOutline(text)
        #expect(names(outline) == ["partials/a", "b", "", "d", "dyn", "layout", "$block", "$inner"])
        #expect(outline.references.map(\.dynamic) == [false, false, false, false, true, false, false, false])
        #expect(outline.references.map(\.line) == [1, 1, 2, 3, 3, 4, 4, 4])
        // Columns count Unicode scalars from 1: `é` is one.
        #expect(outline.references.map(\.column) == [4, 20, 18, 10, 23, 1, 61, 21])
        // `d` sits inside `x`; `layout` and a block expansion count themselves;
        // `inner` is expanded inside the override of `main`, a body of its own.
        #expect(outline.references.map(\.depth) == [0, 0, 0, 1, 0, 1, 1, 1])
        #expect(outline.bodies.map(\.block) == [nil, "main"])
        #expect(outline.bodies.map(\.depth) == [1, 1])
        #expect(outline.depth == 3)
        #expect(outline.tooDeep == nil)
    }

    /// Tags written after a delimiter change are read with the new
    /// delimiters; `{{...}}` is then plain text. Triple braces and
    /// comments hide nothing else.
    @Test func followsDelimiterChanges() {
        let outline = TemplateOutline("{{{raw}}}{{=<% %>=}}{{> ignored}}<%> home%>\n<%#a%><%={{ }}=%>{{> back}}{{/a}}")
        #expect(names(outline) == ["home", "back"])
        #expect(outline.references.map { [$0.line, $0.column, $0.depth] } == [[1, 34, 0], [2, 18, 1]])
    }

    /// Scanning stops where swift-mustache would stop: an unclosed tag, a
    /// section closed with the wrong name.
    @Test func stopsWhereTheParserGivesUp() {
        #expect(names(TemplateOutline("{{> a}}{{>b} }{{> c}}")) == ["a"])
        #expect(TemplateOutline("{{#a}}{{/b}}{{> c}}").references.isEmpty)
        #expect(TemplateOutline("{{! open comment {{> c}}").references.isEmpty)
    }

    @Test func nestingPastTheLimitStopsAtTheTagThatGoesOver() {
        let limit = TemplateOutline.depthLimit
        let fine = TemplateOutline(String(repeating: "{{#a}}", count: limit) + String(repeating: "{{/a}}", count: limit))
        #expect(fine.depth == limit && fine.tooDeep == nil)
        let deep = TemplateOutline("x\n" + String(repeating: "{{^a}}", count: 100_000))
        #expect(deep.tooDeep.map { [$0.line, $0.column] } == [2, limit * 6 + 1])
        #expect(deep.depth == limit + 1)
    }

    @Test func theDefaultThemeIsWellWithinTheLimit() throws {
        var deepest = 0
        for case let file as String in FileManager.default.enumerator(atPath: Fixture.templates.path)! where file.hasSuffix(".mustache") {
            let text = try String(contentsOf: Fixture.templates.appendingPathComponent(file), encoding: .utf8)
            deepest = max(deepest, TemplateOutline(text).depth)
            #expect(TemplateOutline(text).tooDeep == nil)
        }
        #expect(deepest > 0 && deepest <= 10)
    }

    // MARK: The checks, through Theme.load

    /// Loads the real theme with `files` replaced or added; the diagnostics.
    private func load(_ files: [String: String]) throws -> [String] {
        try Fixture.withTemporaryFolder { folder in
            let theme = folder.appendingPathComponent("templates")
            try FileManager.default.copyItem(at: Fixture.templates, to: theme)
            for (name, text) in files {
                let url = theme.appendingPathComponent(name)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
            var diagnostics = Diagnostics()
            _ = Theme.load(from: theme, languages: ["en"], &diagnostics)
            return Fixture.lines(diagnostics, relativeTo: theme)
        }
    }

    @Test func theDefaultThemeLoadsClean() throws {
        #expect(try load([:]) == [])
    }

    @Test func missingPartialIsAnErrorAtItsPlace() throws {
        #expect(
            try load(["page.mustache": "{{<layout}}{{$main}}\n  {{> partials/nowhere }}\n{{/main}}{{/layout}}\n"]) == [
                "page.mustache:2:3: error: missing partial 'partials/nowhere': no file 'partials/nowhere.mustache' in the theme"
            ])
    }

    @Test func partialTagWithoutANameIsAnError() throws {
        #expect(
            try load(["page.mustache": "{{<layout}}{{$main}}\n{{>  }}{{/main}}{{/layout}}\n"]) == [
                "page.mustache:2:1: error: partial tag without a name"
            ])
    }

    @Test func partialNamedByAValueIsRefused() throws {
        #expect(
            try load(["page.mustache": "{{<layout}}{{$main}}{{>*title}}{{/main}}{{/layout}}\n"]) == [
                "page.mustache:1:21: error: partial named by a value ('title'): not supported, every partial is checked before rendering"
            ])
    }

    /// The inclusion the previous scanner missed: written after a
    /// delimiter change, it made swift-mustache recurse until the stack
    /// overflowed (found by FuzzTemplate).
    @Test func selfInclusionAfterADelimiterChangeIsAnError() throws {
        #expect(
            try load(["home.mustache": "{{=<% %>=}}<%> home%>\n"]) == [
                "home.mustache:1:12: error: template includes itself ('home' → 'home'): the build would never end"
            ])
    }

    /// A block override that expands its own block renders itself forever
    /// (found by FuzzTemplate), directly or through a partial or another block.
    @Test func blockOverrideExpandingItselfIsAnError() throws {
        #expect(
            try load(["404.mustache": "{{<layout}}{{$main}}\n<p>{{$main}}x{{/main}}</p>\n{{/main}}{{/layout}}\n"]) == [
                "404.mustache:2:4: error: template includes itself (block 'main' → block 'main'): the build would never end"
            ])
        let lines = try load([
            "404.mustache": "{{<layout}}{{$main}}{{> partials/again}}{{/main}}{{/layout}}\n",
            "partials/again.mustache": "{{$main}}{{/main}}\n",
        ])
        #expect(
            lines == [
                "404.mustache:1:21: error: template includes itself (block 'main' → 'partials/again' → block 'main'): the build would never end",
                "partials/again.mustache:1:1: error: template includes itself ('partials/again' → block 'main' → 'partials/again'): the build would never end",
            ])
    }

    /// The first such input FuzzTemplate found, as it was.
    @Test func fuzzFindingsLoadWithErrors() throws {
        let text =
            "{{<layout}}\n{{$main}}\n<h1>{{title}}</h1>\n<p>mistyt}}\n{{$main}}\n<h1>{{title}}</h1>\n{{/main}}\n{{/main}}\n{{/layout}}\n"
        #expect(
            try load(["404.mustache": text]) == [
                "404.mustache:5:1: error: template includes itself (block 'main' → block 'main'): the build would never end"
            ])
    }

    @Test func deepNestingIsAnErrorBeforeParsing() throws {
        let text = "<p>\n" + String(repeating: "{{#a}}", count: 50_000) + String(repeating: "{{/a}}", count: 50_000)
        #expect(
            try load(["home.mustache": text]) == [
                "home.mustache:2:\(TemplateOutline.depthLimit * 6 + 1): error: sections nested more than \(TemplateOutline.depthLimit) levels deep"
            ])
    }

    /// A chain of partials, each fine alone, that renders deeper than the
    /// limit: an error at the inclusion where each template goes over.
    @Test func chainOfPartialsTooDeepIsAnError() throws {
        let limit = TemplateOutline.depthLimit
        var files: [String: String] = [:]
        for index in 0..<limit {
            files["partials/chain\(index).mustache"] = "{{#a}}{{> partials/chain\(index + 1)}}{{/a}}"
        }
        files["partials/chain\(limit).mustache"] = "end"
        let lines = try load(files)
        // chainK renders 2 × (limit − K) levels deep: over the limit for K < limit / 2.
        #expect(lines.count == limit / 2)
        #expect(
            lines.first
                == "partials/chain0.mustache:1:7: error: including 'partials/chain1' here nests sections and partials more than \(limit) levels deep"
        )
        #expect(!lines.contains { $0.hasPrefix("partials/chain\(limit / 2).mustache") })
    }
}
