import Foundation
import Testing

@testable import DossierKit

/// The project's own report, built with the project's own theme.
@Suite struct OwnContentTests {
    @Test func ownContentBuildsCleanWithEveryPageAndNoBrokenLink() throws {
        try Fixture.withTemporaryFolder { temporary in
            let output = temporary.appendingPathComponent("public")
            let project = Project(content: Fixture.content, templates: Fixture.templates, output: output)
            let result = Builder(project: project).build()
            let summary: BuildSummary
            switch result {
            case .success(let built): summary = built
            case .failure(let failure):
                Issue.record("build failed:\n\(failure.diagnostics.sorted.map(\.description).joined(separator: "\n"))")
                return
            }
            // Notes say what is not translated yet; nothing else may be said.
            #expect(summary.diagnostics.sorted.filter { $0.severity != .note }.map(\.description) == [], "no errors and no warnings")

            // One page per published content file, one index per kind, the
            // home page; no other page inside the kinds' folders.
            var expected: Set<String> = ["index.html"]
            for kind in Kind.allCases { expected.insert(Addresses.index(kind)) }
            var published: [Kind: Int] = [:]
            for file in try markdownFiles(in: Fixture.content) where !file.draft {
                let address = Addresses.page(PageKey(file.kind, file.slug))
                expected.insert(address)
                // `pages/home.md` is the home page's text, not a page of its own.
                if address != Addresses.home { published[file.kind, default: 0] += 1 }
            }
            let html = try Golden.files(in: output).filter { $0.hasSuffix(".html") }
            let kindFolders = Set(Kind.allCases.map(\.folder))
            let inKindFolders = html.filter { kindFolders.contains(String($0.split(separator: "/")[0])) || $0 == "index.html" }
            #expect(
                inKindFolders == expected,
                "missing: \(expected.subtracting(html).sorted()), extra: \(inKindFolders.subtracting(expected).sorted())")
            #expect(summary.pages == published)
            // The French edition publishes every page, translated or not.
            let french = Set(html.filter { $0.hasPrefix("fr/") }.map { String($0.dropFirst(3)) })
            #expect(expected.isSubset(of: french), "missing in fr/: \(expected.subtracting(french).sorted())")
            #expect(expected.count > 50, "the real report has many pages")

            let broken = try SiteLinks.broken(in: output)
            #expect(broken.isEmpty, "broken links:\n\(broken.map(\.description).joined(separator: "\n"))")
            let linkCount = try Golden.files(in: output).filter { $0.hasSuffix(".html") }.reduce(0) { count, page in
                count + SiteLinks.urls(in: try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)).count
            }
            #expect(linkCount > 1000, "the scanner found \(linkCount) links only")
            // The validator accepted every `#fragment`: each must land on an id.
            let fragments = try SiteLinks.brokenFragments(in: output)
            #expect(fragments.isEmpty, "fragments without a target:\n\(fragments.map(\.description).joined(separator: "\n"))")
        }
    }

    @Test func ownContentChecksClean() {
        let project = Project(content: Fixture.content, templates: Fixture.templates, output: Fixture.url("unused-output"))
        let diagnostics = Builder(project: project).check().sorted
        #expect(diagnostics.filter { $0.severity != .note }.map(\.description) == [])
        // One summary per language besides the report's own: the French edition.
        #expect(diagnostics.filter { $0.location == nil }.map(\.message).allSatisfy { $0.hasPrefix("'fr': ") })
        #expect(diagnostics.count { $0.location == nil } == 1)
    }

    /// Every `.md` below `content/<kind>/`, with its slug and draft flag
    /// (read with a plain line scan, independent of the loader).
    private func markdownFiles(in content: URL) throws -> [(kind: Kind, slug: String, draft: Bool)] {
        var files: [(Kind, String, Bool)] = []
        for kind in Kind.allCases {
            let folder = content.appendingPathComponent(kind.folder)
            for path in FileManager.default.subpaths(atPath: folder.path) ?? [] where path.hasSuffix(".md") {
                let name = (path as NSString).lastPathComponent
                // `x.fr.md` is a translation of `x.md`, not a page of its own.
                guard !name.hasPrefix("."), !name.hasPrefix("_"), name.dropLast(3).firstIndex(of: ".") == nil else { continue }
                let text = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
                let frontMatter = text.components(separatedBy: "\n---").first ?? ""
                let draft = frontMatter.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == "draft: true" }
                files.append((kind, String(name.dropLast(3)), draft))
            }
        }
        return files
    }
}

/// The same input gives the same bytes, whatever the scheduling of the cores.
@Suite struct DeterminismTests {
    @Test(arguments: ["own content", "minimal"])
    func twoBuildsAreByteIdentical(_ which: String) throws {
        let content = which == "minimal" ? Fixture.url("sites/minimal") : Fixture.content
        try Fixture.withTemporaryFolder { temporary in
            var outputs: [URL] = []
            for name in ["first", "second"] {
                let output = temporary.appendingPathComponent(name)
                _ = try Builder(project: Project(content: content, templates: Fixture.templates, output: output)).build().get()
                outputs.append(output)
            }
            let differences = try Golden.differences(between: outputs[0], and: outputs[1])
            #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
            #expect(try Golden.files(in: outputs[0]).count > 10)
        }
    }
}
