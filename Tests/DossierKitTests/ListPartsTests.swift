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
        let count = ListParts.splitAbove, busy = ListParts.entryListAbove
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
        let count = ListParts.splitAbove + 1, busy = ListParts.entryListAbove + 1
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

    /// A report where `linkers` events link to the actor `target` in their
    /// body, the actor `hub` shares an event with each of `peers` actors (all
    /// of the country `land`), and
    /// `sources` sources come from two publishers (the first `splitAbove`
    /// from one), each linked from the page `all`.
    static func wide(linkers: Int, peers: Int, sources: Int) -> [String: String] {
        var files = [
            "site.yaml": "title: Wide\ndescription: Generated.\nlanguage: en\nbase_url: \(base)\n",
            "actors/target.md": "---\nname: Target\nkind: company\n---\nTarget.\n",
            "actors/hub.md": "---\nname: Hub\nkind: company\n---\nHub.\n",
        ]
        files["countries/land.md"] = "---\nname: Land\ncode: NO\n---\nLand.\n"
        for i in 0..<peers {
            files[String(format: "actors/p-%04d.md", i)] = "---\nname: Peer \(i)\nkind: person\ncountries: [land]\n---\nPeer.\n"
        }
        for i in 0..<sources {
            let publisher = i < ListParts.splitAbove ? "Alpha" : "beta"
            files[String(format: "sources/s-%04d.md", i)] = "---\ntitle: Source \(i)\npublisher: \(publisher)\n---\n"
        }
        files["pages/all.md"] =
            "---\ntitle: All sources\n---\n" + (0..<sources).map { String(format: "[s](source:s-%04d)", $0) }.joined(separator: "\n") + "\n"
        for i in 0..<max(linkers, peers) {
            let actors = i < peers ? String(format: "[hub, p-%04d]", i) : "[hub]"
            let body = i < linkers ? "See [the target](actor:target)." : "Text."
            files[String(format: "events/e-%04d.md", i)] =
                "---\ntitle: Event \(i)\ndate: 2020-01-01\nsources: [s-\(String(format: "%04d", i % sources))]\nactors: \(actors)\n---\n\(body)\n"
        }
        return files
    }

    /// The distinct `prefix-NNNN` slugs linked in `html`, in order.
    static func slugs(_ prefix: String, in html: String) -> [String] {
        var found: [String] = []
        var rest = html[...]
        while let range = rest.range(of: prefix) {
            found.append(String(rest[range.upperBound...].prefix(4)))
            rest = rest[range.upperBound...]
        }
        return found.uniqued()
    }

    /// The text of the `<section id="id">` of a page.
    static func section(_ id: String, of html: String) -> String {
        guard let start = html.range(of: "<section id=\"\(id)\"") else { return "" }
        let end = html[start.upperBound...].range(of: "</section>")?.lowerBound ?? html.endIndex
        return String(html[start.lowerBound..<end])
    }

    @Test func entryListsAndIndexesStayWholeAtTheirThresholds() throws {
        let above = ListParts.entryListAbove
        try Self.build(Self.wide(linkers: above, peers: above, sources: ListParts.splitAbove)) { output in
            for folder in ["actors/target/linked-from", "actors/hub/connections", "countries/land/actors", "sources/pages"] {
                #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(folder).path), "\(folder)")
            }
            let target = try Self.read(output, "actors/target/index.html")
            #expect(Self.slugs("events/e-", in: Self.section("linked-from", of: target)).count == above)
            let hub = try Self.read(output, "actors/hub/index.html")
            let list = Self.section("relations", of: hub).components(separatedBy: "<ul class=\"link-list\">").last ?? ""
            #expect(Self.slugs("actors/p-", in: list).count == above)
            #expect(Self.slugs("sources/s-", in: try Self.read(output, "sources/index.html")).count == ListParts.splitAbove)
            let land = try Self.read(output, "countries/land/index.html")
            #expect(Self.slugs("actors/p-", in: Self.section("actors", of: land)).count == above)
        }
    }

    /// Past the thresholds a page shows the first items and links to the
    /// complete list; the parts hold every item once; the sources index is
    /// paged, and its first page says where each publisher begins.
    @Test func entryListsAndIndexesSplitPastTheirThresholds() throws {
        let linkers = ListParts.entryListAbove + 1, peers = ListParts.pageSize + 3, sources = ListParts.splitAbove + 1
        try Self.build(Self.wide(linkers: linkers, peers: peers, sources: sources)) { output in
            let target = try Self.read(output, "actors/target/index.html")
            #expect(Self.slugs("events/e-", in: Self.section("linked-from", of: target)).count == ListParts.recentCount)
            #expect(Self.links(target, on: "actors/target/index.html").contains("actors/target/linked-from/index.html"))
            let linking = try Self.read(output, "actors/target/linked-from/index.html")
            #expect(Self.slugs("events/e-", in: linking).count == linkers)
            #expect(Self.links(linking, on: "actors/target/linked-from/index.html").contains("actors/target/index.html"))

            let hub = try Self.read(output, "actors/hub/index.html")
            let list = Self.section("relations", of: hub).components(separatedBy: "<ul class=\"link-list\">").last ?? ""
            #expect(Self.slugs("actors/p-", in: list).count == ListParts.recentCount)
            #expect(Self.links(hub, on: "actors/hub/index.html").contains("actors/hub/connections/index.html"))
            var peersListed: [String] = []
            for part in ["actors/hub/connections/index.html", "actors/hub/connections/page-2/index.html"] {
                let html = try Self.read(output, part)
                peersListed += Self.slugs("actors/p-", in: html.components(separatedBy: "<ul class=\"link-list\">").last ?? "")
            }
            #expect(peersListed.count == peers && Set(peersListed).count == peers)

            let land = try Self.read(output, "countries/land/index.html")
            #expect(Self.slugs("actors/p-", in: Self.section("actors", of: land)).count == ListParts.recentCount)
            var actorsListed: [String] = []
            for part in ["countries/land/actors/index.html", "countries/land/actors/page-2/index.html"] {
                let html = try Self.read(output, part)
                #expect(Self.links(html, on: part).contains("countries/land/index.html"))
                actorsListed += Self.slugs("actors/p-", in: html.components(separatedBy: "<ul class=\"link-list\">").last ?? "")
            }
            #expect(actorsListed.count == peers && Set(actorsListed).count == peers)

            let first = try Self.read(output, "sources/index.html"), second = try Self.read(output, "sources/pages/2/index.html")
            let listed = Self.slugs("sources/s-", in: first) + Self.slugs("sources/s-", in: second)
            #expect(listed.count == sources && Set(listed).count == sources)
            #expect(Self.links(first, on: "sources/index.html").contains("sources/pages/2/index.html"))
            #expect(Self.links(second, on: "sources/pages/2/index.html").contains("sources/index.html"))
            // Where each publisher begins: "Alpha" on the first page, "beta" on the second.
            #expect(first.contains("sources/index.html#publisher-alpha\""))
            #expect(first.contains("sources/pages/2/index.html#publisher-beta\""))
            #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("sources/pages/3").path))
        }
    }
}
