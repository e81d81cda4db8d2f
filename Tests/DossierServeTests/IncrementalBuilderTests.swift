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
        #expect(second.renderedPages == 1)  // only its body changed: only its page shows it
        #expect(second.changedPaths.count == 1 && second.changedPaths[0].hasPrefix("events/"))
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
