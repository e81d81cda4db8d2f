import DossierKit
import Foundation
import Testing

/// The incremental rebuild of `serve` against full builds: after every
/// edit, the site in memory equals what `dossier build` writes, and a
/// failed rebuild reports exactly what the build reports.
@Suite struct IncrementalBuilderTests {
    /// Seeds 1 and 2; `DOSSIER_EDIT_SEEDS=N` runs seeds 1 to N.
    static let seeds = (1...UInt64(ProcessInfo.processInfo.environment["DOSSIER_EDIT_SEEDS"].flatMap(Int.init) ?? 2)).map { $0 }

    @Test(arguments: seeds)
    func randomEditsMatchFullBuilds(seed: UInt64) throws {
        let project = try TestProject()
        let builder = IncrementalBuilder(project: project.project)
        try expectSameAsFullBuild(builder.rebuild(), project, after: "the first build")
        var script = EditScript(project: project, seed: seed)
        for round in 0..<14 {
            var edits: [String] = []
            for _ in 0..<(round % 3 == 2 ? 2 : 1) { edits.append(try script.edit()) }
            try expectSameAsFullBuild(builder.rebuild(), project, after: edits.joined(separator: ", "))
        }
    }

    @Test func renderedOnlyWhatAnEditReaches() throws {
        let project = try TestProject()
        let builder = IncrementalBuilder(project: project.project)
        let first = builder.rebuild()
        #expect(first.succeeded && first.renderedAll)
        let event = project.files(under: "content/events")[0]
        try project.write(event, try project.read(event) + "\nOne more sentence.\n")
        let second = builder.rebuild()
        #expect(second.succeeded && !second.renderedAll)
        // Only its body changed: only its page, in each language, and the search index show it.
        #expect(second.renderedPages == 2)
        let pages = second.changedPaths.filter { !$0.hasPrefix("search/") && !$0.hasPrefix("fr/search/") }
        #expect(pages.first?.hasPrefix("events/") == true && pages.dropFirst().allSatisfy { $0 == "fr/" + pages[0] })
        #expect(second.changedPaths.contains { $0.hasPrefix("search/terms/") })
        try project.write(event, try project.read(event).replacingOccurrences(of: "title: ", with: "title: New "))
        let third = builder.rebuild()
        #expect(third.renderedPages > 1 && third.renderedPages < first.renderedPages / 2)
        #expect(third.changedPaths.contains("data/report.json") && third.changedPaths.contains("events/index.html"))
        let unchanged = builder.rebuild()
        #expect(unchanged.changedPaths.isEmpty && unchanged.generation == third.generation)
    }

    /// Two writes of the same size within one timestamp tick keep the file's
    /// stamp: the second must still be seen.
    @Test func sameSizeRewritesAreSeen() throws {
        let project = try TestProject()
        let builder = IncrementalBuilder(project: project.project)
        _ = builder.rebuild()
        let path = "content/pages/about.md"
        let original = try project.read(path)
        for word in ["Alpha", "Bravo", "Gamma"] {
            try project.overwrite(path, original.replacingOccurrences(of: "title: About this report", with: "title: About \(word) report"))
            let outcome = builder.rebuild()
            let page = String(decoding: outcome.site["pages/about/index.html"] ?? Data(), as: UTF8.self)
            #expect(page.contains("About \(word) report"))
        }
    }

    /// Past `ListParts.splitAbove` events the events index and the timeline
    /// are split by year, and an actor's long list has pages of its own: an
    /// edit re-renders the parts that show the event, as a full build would.
    @Test func splitListsFollowEdits() throws {
        let project = try TestProject()
        try project.write("content/sources/generated.md", "---\ntitle: Generated\npublisher: Tests\nurl: https://example.org/g\n---\n")
        for i in 0..<(ListParts.splitAbove + 20) {
            let date = String(format: "%04d-%02d-%02d", 2000 + i % 4, i % 12 + 1, i % 28 + 1)
            try project.write(
                String(format: "content/events/generated/g-%04d.md", i),
                "---\ntitle: Generated \(i)\ndate: \(date)\nactors: [nso-group]\nsources: [generated]\n---\nText.\n")
        }
        let builder = IncrementalBuilder(project: project.project)
        let first = builder.rebuild()
        #expect(first.site["events/years/2000/index.html"] != nil && first.site["actors/nso-group/events/index.html"] != nil)
        try expectSameAsFullBuild(first, project, after: "the first build")
        let event = "content/events/generated/g-0004.md"
        try project.write(event, try project.read(event).replacingOccurrences(of: "title: Generated 4", with: "title: Renamed 4"))
        let renamed = builder.rebuild()
        #expect(!renamed.renderedAll && renamed.changedPaths.contains("events/years/2000/index.html"))
        #expect(renamed.changedPaths.contains("timeline/2000/index.html"))
        try expectSameAsFullBuild(renamed, project, after: "a renamed event")
        // Moved to another year: both years' parts change.
        try project.write(event, try project.read(event).replacingOccurrences(of: "date: 2000-", with: "date: 2003-"))
        try expectSameAsFullBuild(builder.rebuild(), project, after: "an event moved to another year")
        try project.remove(event)
        try expectSameAsFullBuild(builder.rebuild(), project, after: "a removed event")
    }

    /// The report's French edition is rendered again at each rebuild: a
    /// translation edited, added or removed, the site's words translated,
    /// and a language dropped give what a full build gives.
    @Test func otherLanguagesFollowEdits() throws {
        let project = try TestProject()
        let builder = IncrementalBuilder(project: project.project)
        let first = builder.rebuild()
        #expect(first.site["fr/index.html"] != nil && first.site["fr/search/index.html"] != nil)
        let translation = try #require(project.files(under: "content/events", translations: true).first { $0.hasSuffix(".fr.md") })
        let original = translation.replacingOccurrences(of: ".fr.md", with: ".md")
        try project.write(translation, try project.read(translation).replacingOccurrences(of: "title: ", with: "title: Nouveau "))
        let retitled = builder.rebuild()
        let page = "fr/" + String(original.dropFirst("content/".count).split(separator: "/").first!) + "/"
        #expect(retitled.changedPaths.contains { $0.hasPrefix(page) } && retitled.changedPaths.contains("data/report.json"))
        try expectSameAsFullBuild(retitled, project, after: "a translation's new title")
        try project.remove(translation)
        try expectSameAsFullBuild(builder.rebuild(), project, after: "a translation removed")
        try project.write("content/site.fr.yaml", "title: Autre titre\ndescription: Autre description.\n")
        try expectSameAsFullBuild(builder.rebuild(), project, after: "the site's title translated anew")
        try project.write(
            "content/site.yaml", try project.read("content/site.yaml").replacingOccurrences(of: "languages: [en, fr]\n", with: ""))
        try project.remove("content/site.fr.yaml")
        for file in project.files(under: "content", translations: true) where file.hasSuffix(".fr.md") { try project.remove(file) }
        let english = builder.rebuild()
        #expect(!english.site.keys.contains { $0.hasPrefix("fr/") })
        try expectSameAsFullBuild(english, project, after: "French dropped")
    }

    private func expectSameAsFullBuild(
        _ outcome: RebuildOutcome, _ project: TestProject, after what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        switch try project.fullBuild() {
        case .success(let expected):
            #expect(outcome.succeeded, "rebuild failed after \(what): \(outcome.diagnostics.sorted)", sourceLocation: sourceLocation)
            let site = outcome.site
            let differing = Set(expected.keys).union(site.keys).filter { expected[$0] != site[$0] }.sorted()
            #expect(differing.isEmpty, "differs from a full build after \(what): \(differing.prefix(10))", sourceLocation: sourceLocation)
        case .failure(let failure):
            #expect(!outcome.succeeded, "rebuild succeeded but the build failed after \(what)", sourceLocation: sourceLocation)
            #expect(
                outcome.diagnostics.sorted.map(\.description) == failure.diagnostics.sorted.map(\.description),
                "diagnostics differ after \(what)", sourceLocation: sourceLocation)
        }
    }
}
