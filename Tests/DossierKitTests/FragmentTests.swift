import Foundation
import Testing

@testable import DossierKit

/// A `#fragment` the checks accept must land on an `id` of the built page;
/// one they cannot find is a warning with its position.
@Suite struct FragmentTests {
    static let files = [
        "content/site.yaml": "title: T\ndescription: D\nlanguage: en\n",
        "content/actors/nso.md": "---\nname: NSO\nkind: company\n---\n## History\n",
        "content/sources/s.md": "---\ntitle: S\npublisher: P\n---\n",
        "content/events/e.md": "---\ntitle: E\ndate: 2021\nactors: [nso]\nsources: [s]\n---\n",
        // Theme sections this actor has no content for: no summary, no
        // members, no updates.
        "content/pages/about.md": """
        ---
        title: About
        ---
        [a](actor:nso#history) [b](actor:nso#events) [c](actor:nso#summary) [d](actor:nso#members)
        [e](actor:nso#updates) [f](actor:nso#histroy)

        """,
    ]

    @Test func unknownFragmentIsAWarningWithItsPosition() throws {
        try Fixture.withTemporaryFolder { folder in
            try Fixture.write(Self.files, into: folder)
            let project = Project(root: folder)
            let diagnostics = Builder(project: Project(content: project.content, templates: Fixture.templates, output: project.output))
                .check()
            let warnings = Fixture.lines(diagnostics, relativeTo: folder).filter { $0.contains("histroy") }
            #expect(
                warnings == [
                    "content/pages/about.md:5:28: warning: actor 'nso' has no heading or section 'histroy': the link lands at the top of the page"
                ])
        }
    }

    @Test func everyAcceptedFragmentLandsOnAnID() throws {
        try Fixture.withTemporaryFolder { folder in
            try Fixture.write(Self.files, into: folder)
            let root = Project(root: folder)
            let project = Project(content: root.content, templates: Fixture.templates, output: root.output)
            let summary = try Builder(project: project).build().get()
            let warned = Set(
                summary.diagnostics.all.filter { $0.message.contains("has no heading or section") }.compactMap {
                    $0.message.split(separator: "'").dropFirst(3).first.map(String.init)
                })
            // The actor has no summary, members or updates, so those sections
            // are not on its page: linking to them is warned about like a typo.
            #expect(warned == ["histroy", "summary", "members", "updates"])
            let page = try String(contentsOf: root.output.appendingPathComponent("actors/nso/index.html"), encoding: .utf8)
            let ids = SiteLinks.ids(in: page)
            for fragment in ["history", "events", "summary", "members", "updates"] where !warned.contains(fragment) {
                #expect(ids.contains(fragment), "BUG: '#\(fragment)' passes the check without a warning but the page has no such id")
            }
        }
    }
}
