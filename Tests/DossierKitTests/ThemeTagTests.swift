import Foundation
import Testing

@testable import DossierKit

/// The outline scanner that reads each theme template as swift-mustache's
/// parser will (inclusions, nesting depth), and the checks built on it:
/// missing partials, self-inclusion, nesting too deep to render.
@Suite struct ThemeTagTests {
    @Test func findsEveryInclusionWithItsPlaceAndDepth() {
        let text = "<p>{{> partials/a}}{{>b}}</p>\n{{! {{> not}} }} {{> }}\n  é{{#x}}{{> d}}{{/x}}{{>*dyn}}\n{{<layout}}{{$main}}{{/main}}{{/layout}}"
        let outline = TemplateOutline(text)
        #expect(outline.inclusions.map(\.name) == ["partials/a", "b", "", "d", "dyn", "layout"])
        #expect(outline.inclusions.map(\.dynamic) == [false, false, false, false, true, false])
        #expect(outline.inclusions.map(\.line) == [1, 1, 2, 3, 3, 4])
        // Columns count Unicode scalars from 1: `é` is one.
        #expect(outline.inclusions.map(\.column) == [4, 20, 18, 10, 23, 1])
        // `d` sits inside `x`; `layout` opens a level itself; `main` inside it makes 2.
        #expect(outline.inclusions.map(\.depth) == [0, 0, 0, 1, 0, 1])
        #expect(outline.depth == 2)
        #expect(outline.tooDeep == nil)
    }

    /// Tags written after a delimiter change are read with the new
    /// delimiters; `{{...}}` is then plain text. Triple braces and
    /// comments hide nothing else.
    @Test func followsDelimiterChanges() {
        let outline = TemplateOutline("{{{raw}}}{{=<% %>=}}{{> ignored}}<%> home%>\n<%#a%><%={{ }}=%>{{> back}}{{/a}}")
        #expect(outline.inclusions.map(\.name) == ["home", "back"])
        #expect(outline.inclusions.map { [$0.line, $0.column, $0.depth] } == [[1, 34, 0], [2, 18, 1]])
    }

    /// Scanning stops where swift-mustache would stop: an unclosed tag, a
    /// section closed with the wrong name.
    @Test func stopsWhereTheParserGivesUp() {
        #expect(TemplateOutline("{{> a}}{{>b} }{{> c}}").inclusions.map(\.name) == ["a"])
        #expect(TemplateOutline("{{#a}}{{/b}}{{> c}}").inclusions.isEmpty)
        #expect(TemplateOutline("{{! open comment {{> c}}").inclusions.isEmpty)
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
            _ = Theme.load(from: theme, &diagnostics)
            return Fixture.lines(diagnostics, relativeTo: theme)
        }
    }

    @Test func theDefaultThemeLoadsClean() throws {
        #expect(try load([:]) == [])
    }

    @Test func missingPartialIsAnErrorAtItsPlace() throws {
        #expect(try load(["page.mustache": "{{<layout}}{{$main}}\n  {{> partials/nowhere }}\n{{/main}}{{/layout}}\n"]) == [
            "page.mustache:2:3: error: missing partial 'partials/nowhere': no file 'partials/nowhere.mustache' in the theme"
        ])
    }

    @Test func partialNamedByAValueIsRefused() throws {
        #expect(try load(["page.mustache": "{{<layout}}{{$main}}{{>*title}}{{/main}}{{/layout}}\n"]) == [
            "page.mustache:1:21: error: partial named by a value ('title'): not supported, every partial is checked before rendering"
        ])
    }

    /// The inclusion the previous scanner missed: written after a
    /// delimiter change, it made swift-mustache recurse until the stack
    /// overflowed (found by FuzzTemplate).
    @Test func selfInclusionAfterADelimiterChangeIsAnError() throws {
        #expect(try load(["home.mustache": "{{=<% %>=}}<%> home%>\n"]) == [
            "home.mustache:1:12: error: template includes itself ('home' → 'home'): the build would never end"
        ])
    }

    @Test func deepNestingIsAnErrorBeforeParsing() throws {
        let text = "<p>\n" + String(repeating: "{{#a}}", count: 50_000) + String(repeating: "{{/a}}", count: 50_000)
        #expect(try load(["home.mustache": text]) == [
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
        #expect(lines.first == "partials/chain0.mustache:1:7: error: including 'partials/chain1' here nests sections and partials more than \(limit) levels deep")
        #expect(!lines.contains { $0.hasPrefix("partials/chain\(limit / 2).mustache") })
    }
}
