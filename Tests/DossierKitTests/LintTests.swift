import Foundation
import Testing

@testable import DossierKit

/// Warnings for what the format allows but is likely a mistake.
@Suite struct LintTests {
    static let site = "title: T\ndescription: D\nlanguage: en\n"

    func check(_ files: [String: String]) throws -> [String] {
        try Fixture.withTemporaryFolder { folder in
            try Fixture.write(files.merging(["content/site.yaml": Self.site]) { a, _ in a }, into: folder)
            let project = Project(root: folder)
            return Fixture.lines(
                Builder(project: Project(content: project.content, templates: Fixture.templates, output: project.output)).check(),
                relativeTo: folder)
        }
    }

    @Test func likelyMistakesAreWarnings() throws {
        let lines = try check([
            "content/actors/idle.md": "---\nname: Idle\nkind: person\n---\n",
            "content/actors/busy.md": "---\nname: Busy\nkind: person\n---\n",
            "content/sources/cited.md": "---\ntitle: Cited\npublisher: P\n---\n",
            "content/sources/uncited.md": "---\ntitle: Uncited\npublisher: P\n---\n",
            "content/events/with-actors.md": "---\ntitle: E\ndate: 2021\nactors: [busy]\nsources: [cited]\n---\n",
            "content/events/no-actors.md": "---\ntitle: F\ndate: 2021\nsources: [cited]\n---\n",
        ])
        #expect(
            lines == [
                "content/actors/idle.md:1:1: warning: actor is in no event: no event lists it in 'actors' or links to it",
                "content/events/no-actors.md:1:1: warning: event has no actors",
                "content/sources/uncited.md:1:1: warning: source is cited by no page and linked from none",
            ])
    }

    @Test func aBodyLinkCountsAsInvolvementAndCitation() throws {
        let lines = try check([
            "content/actors/linked.md": "---\nname: Linked\nkind: person\n---\n",
            "content/sources/linked.md": "---\ntitle: S\npublisher: P\n---\n",
            "content/sources/cited.md": "---\ntitle: C\npublisher: P\n---\n",
            "content/events/e.md": "---\ntitle: E\ndate: 2021\nactors: [linked]\nsources: [cited]\n---\n",
            "content/pages/about.md": "---\ntitle: About\n---\nSee [the source](source:linked).\n",
        ])
        #expect(lines == [])
    }

    /// With a file dropped for its errors, what it cites would look uncited:
    /// no likely-mistake warnings until the errors are fixed.
    @Test func silentWhileThereAreErrors() throws {
        let lines = try check([
            "content/sources/cited.md": "---\ntitle: Cited\npublisher: P\n---\n",
            "content/events/broken.md": "---\ntitle: E\ndate: 2021-02-30\nsources: [cited]\n---\n",
        ])
        #expect(
            lines == [
                "content/events/broken.md:3:7: error: invalid date '2021-02-30' in 'date': expected a real date written YYYY, YYYY-MM or YYYY-MM-DD"
            ])
    }
}
