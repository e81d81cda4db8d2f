import Foundation
import Testing

@testable import DossierKit

/// The scanner that finds `{{> name}}` and `{{< name}}` for the theme's
/// missing-partial and self-inclusion checks.
@Suite struct ThemeTagTests {
    @Test func findsEveryInclusionWithItsPlace() {
        let text = "<p>{{> partials/a}}{{>b}}</p>\n{{ <  layout  }}\n{{!> not}} {{> }} {{>c} }\n  é{{> d}}{{#x}}{{/x}}{{{> e}}}"
        let tags = PartialCycles.tags(in: text)
        #expect(tags.map(\.name) == ["partials/a", "b", "layout", "d", "e"])
        #expect(tags.map(\.line) == [1, 1, 2, 4, 4])
        // Columns count Unicode scalars from 1; `{{{> e}}}` is found from its second brace.
        #expect(tags.map(\.column) == [4, 20, 1, 4, 24])
    }

    @Test func missingPartialIsAnErrorAtItsPlace() throws {
        try Fixture.withTemporaryFolder { folder in
            let theme = folder.appendingPathComponent("templates")
            try FileManager.default.copyItem(at: Fixture.templates, to: theme)
            try Data("{{<layout}}{{$main}}\n  {{> partials/nowhere }}\n{{/main}}{{/layout}}\n".utf8)
                .write(to: theme.appendingPathComponent("page.mustache"))
            var diagnostics = Diagnostics()
            _ = Theme.load(from: theme, &diagnostics)
            #expect(Fixture.lines(diagnostics, relativeTo: theme) == [
                "page.mustache:2:3: error: missing partial 'partials/nowhere': no file 'partials/nowhere.mustache' in the theme"
            ])
        }
    }
}
