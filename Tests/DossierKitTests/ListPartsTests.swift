import Foundation
import Testing

@testable import DossierKit

/// Split lists (`ListParts`) on generated reports just under and just over
/// each threshold: nothing splits below, and past it every part is linked,
/// from the index and from its neighbours, and holds its events once.
@Suite struct ListPartsTests {
    static let base = "https://example.org/r/"

    /// A report of `count` events (`e-0000`, ...) in the years `year(i)`;
    /// the first `busy` involve the actor `busy` and the country `norway`.
    static func content(count: Int, busy: Int, year: (Int) -> Int) -> [String: String] {
        var files = [
            "site.yaml": "title: Lists\ndescription: Generated.\nlanguage: en\nbase_url: \(base)\n",
            "actors/busy.md": "---\nname: Busy\nkind: company\n---\nBusy.\n",
            "actors/quiet.md": "---\nname: Quiet\nkind: person\n---\nQuiet.\n",
            "countries/norway.md": "---\nname: Norway\ncode: NO\n---\nNorway.\n",
            "sources/s.md": "---\ntitle: A source\npublisher: Someone\nurl: https://example.org/s\n---\n",
        ]
        for i in 0..<count {
            let date = String(format: "%04d-%02d-%02d", year(i), i % 12 + 1, i % 28 + 1)
            let involved = i < busy ? "actors: [busy]\ncountries: [norway]\n" : "actors: [quiet]\n"
            files[String(format: "events/e-%04d.md", i)] = "---\ntitle: Event \(i)\ndate: \(date)\nsources: [s]\n\(involved)---\nText.\n"
        }
        return files
    }

    /// Builds the report and hands `body` the output folder.
    static func build(_ files: [String: String], _ body: (URL) throws -> Void) throws {
        try Fixture.withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("content"), output = folder.appendingPathComponent("public")
            try Fixture.write(files, into: content)
            let summary = try Builder(project: Project(content: content, templates: Fixture.templates, output: output)).build().get()
            #expect(summary.diagnostics.sorted.isEmpty, "\(summary.diagnostics.sorted)")
            let broken = try SiteLinks.broken(in: output, base: base) + SiteLinks.brokenFragments(in: output, base: base)
            #expect(broken.isEmpty, "\(broken.prefix(5).map(\.description))")
            try body(output)
        }
    }

    static func read(_ output: URL, _ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    /// The slugs of the events listed (as event items) on a page, in order.
    static func listedEvents(_ html: String) -> [String] {
        html.split(separator: "\n").filter { $0.contains("class=\"event-item\"") }.compactMap { line -> String? in
            guard let start = line.range(of: "events/e-") else { return nil }
            return String(line[start.upperBound...].prefix(4))
        }
    }

    /// The site paths of the files `page` links to.
    static func links(_ html: String, on page: String) -> Set<String> {
        Set(
            SiteLinks.urls(in: html).compactMap { url -> String? in
                if case .file(let path, _) = SiteLinks.target(of: url, on: page, base: base) { return path }
                return nil
            })
    }

    /// Every `index.html` under `folder` of the site, but `folder/index.html`.
    static func parts(_ output: URL, under folder: String) -> [String] {
        let paths = FileManager.default.subpaths(atPath: output.appendingPathComponent(folder).path) ?? []
        return paths.filter { $0.hasSuffix("index.html") && $0 != "index.html" }.map { folder + "/" + $0 }
    }

    /// Parts in reading order: by year, then page (`YEAR/index.html` first).
    static func ordered(_ paths: [String]) -> [String] {
        func place(_ path: String) -> (Int, Int) {
            let names = path.split(separator: "/")
            let year = names.compactMap { Int($0) }.first ?? 0
            let page = names.first { $0.hasPrefix("page-") }.flatMap { Int($0.dropFirst(5)) } ?? 1
            return (year, page)
        }
        return paths.sorted { place($0) < place($1) }
    }

    static func all(_ count: Int) -> [String] { (0..<count).map { String(format: "%04d", $0) } }

    @Test func atTheThresholdsNothingSplits() throws {
        let count = ListParts.splitAbove, busy = ListParts.entryEventsAbove
        try Self.build(Self.content(count: count, busy: busy) { 2010 + $0 % 3 }) { output in
            #expect(Self.parts(output, under: "events/years").isEmpty)
            #expect(Self.parts(output, under: "timeline").isEmpty)
            #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("actors/busy/events").path))
            for page in ["events/index.html", "timeline/index.html"] {
                #expect(Set(Self.listedEvents(try Self.read(output, page))) == Set(Self.all(count)), "\(page)")
            }
            for page in ["actors/busy/index.html", "countries/norway/index.html"] {
                let html = try Self.read(output, page)
                #expect(Self.listedEvents(html).count == busy && !html.contains("events/index.html\">All"), "\(page)")
            }
        }
    }

    @Test func pastTheThresholdsListsSplitByYear() throws {
        let count = ListParts.splitAbove + 1, busy = ListParts.entryEventsAbove + 1
        try Self.build(Self.content(count: count, busy: busy) { 2010 + $0 % 3 }) { output in
            try Self.expectSplit(output, count: count, folders: ["events/years", "timeline"], years: [2010, 2011, 2012], pages: 3)
            for entry in ["actors/busy", "countries/norway"] {
                try Self.expectEntryList(output, entry: entry, count: busy, pages: 1)
            }
        }
    }

    /// A year over `pageSize` events is paged, and so is an entry's list.
    @Test func largeYearsAndEntryListsArePaged() throws {
        let size = ListParts.pageSize
        let count = 2 * size + 30, busy = size + 2
        // 2010 holds 10 events, 2011 the rest: three pages.
        try Self.build(Self.content(count: count, busy: busy) { $0 < 10 ? 2010 : 2011 }) { output in
            try Self.expectSplit(output, count: count, folders: ["events/years", "timeline"], years: [2010, 2011], pages: 4)
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("events/years/2011/page-3/index.html").path))
            try Self.expectEntryList(output, entry: "actors/busy", count: busy, pages: 2)
        }
    }

    /// Each of `folders` (the parts of a list) holds every event once, in
    /// `pages` parts each linked from the index (or its year's first page)
    /// and from its neighbours, which it links back.
    static func expectSplit(_ output: URL, count: Int, folders: [String], years: [Int], pages: Int) throws {
        for folder in folders {
            let index = folder == "timeline" ? "timeline/index.html" : "events/index.html"
            let indexHTML = try read(output, index)
            let parts = ordered(Self.parts(output, under: folder))
            #expect(parts.count == pages, "\(folder): \(parts)")
            #expect(parts.filter { !$0.contains("page-") } == years.map { "\(folder)/\($0)/index.html" })
            let indexLinks = links(indexHTML, on: index)
            var listed: [String] = []
            for (i, part) in parts.enumerated() {
                let html = try read(output, part)
                listed += listedEvents(html)
                let partLinks = links(html, on: part)
                #expect(partLinks.contains(index), "\(part) does not lead back to \(index)")
                if !part.contains("page-") { #expect(indexLinks.contains(part), "\(index) does not link \(part)") }
                if i > 0 { #expect(partLinks.contains(parts[i - 1]) && html.contains("rel=\"prev\""), "\(part): no previous") }
                if i + 1 < parts.count { #expect(partLinks.contains(parts[i + 1]) && html.contains("rel=\"next\""), "\(part): no next") }
                #expect(listedEvents(html).count <= ListParts.pageSize)
            }
            #expect(listed.count == count && Set(listed) == Set(all(count)), "\(folder): \(listed.count) events listed")
        }
        // The index shows the most recent events, no longer all of them.
        let recent = listedEvents(try read(output, "events/index.html"))
        #expect(recent.count == ListParts.recentCount)
    }

    /// An entry's page shows its most recent events and links to its
    /// complete list, whose `pages` pages hold each of its `count` events once.
    static func expectEntryList(_ output: URL, entry: String, count: Int, pages: Int) throws {
        let page = entry + "/index.html"
        let html = try read(output, page)
        #expect(listedEvents(html).count == ListParts.recentCount)
        let first = entry + "/events/index.html"
        #expect(links(html, on: page).contains(first))
        let parts = [first] + (2...max(2, pages)).prefix(pages - 1).map { "\(entry)/events/page-\($0)/index.html" }
        var listed: [String] = []
        for (i, part) in parts.enumerated() {
            let partHTML = try read(output, part)
            listed += listedEvents(partHTML)
            #expect(links(partHTML, on: part).contains(page), "\(part) does not lead back to \(page)")
            if i + 1 < parts.count { #expect(links(partHTML, on: part).contains(parts[i + 1])) }
            if i > 0 { #expect(links(partHTML, on: part).contains(parts[i - 1])) }
        }
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("\(entry)/events/page-\(pages + 1)").path))
        #expect(listed.count == count && Set(listed) == Set(all(count)), "\(entry): \(listed.count) events listed")
    }
}
