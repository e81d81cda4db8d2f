import Foundation
import Testing

@testable import DossierKit

/// The search index in shards (`Render/SearchIndex.swift`) read the way
/// `assets/search.js` reads it must find exactly what a plain search over
/// the whole text of every document finds.
@Suite struct SearchIndexTests {
    static func site() throws -> Site {
        try JSONTextTests.site(Fixture.url("sites/minimal"))
    }

    // MARK: Folding

    static let accented = [
        "Émile ZOË Çà va", "Côte d’Ivoire", "José Núñez", "ΟΔΟΣ Σίσυφος", "İstanbul", "Straße ǅemal",
        "Ångström’s e\u{301}te\u{301}", "Москва́ 北京 हिन्दी", "l'État, c'est—moi_2024", "",
    ]

    @Test func foldsToLowerCaseWithoutAccents() {
        #expect(SearchText.fold("Émile ZOË Çà") == "emile zoe ca")
        #expect(SearchText.fold("ΟΔΟΣ Σίσυφος") == "οδοσ σισυφοσ")
        #expect(SearchText.fold("İstanbul") == "istanbul")
        #expect(SearchText.fold("e\u{301}te\u{301}") == "ete")
        #expect(
            SearchText.words("Côte d’Ivoire: José Núñez, l'État—2024_x") == [
                "cote", "d", "ivoire", "jose", "nunez", "l", "etat", "2024", "x",
            ])
        #expect(SearchText.words("हिन्दी 北京") == ["हिन्दी", "北京"])
        // The ASCII shortcut cuts and folds as the full path does.
        for text in Self.accented {
            #expect(SearchText.words(text) == Self.slowWords(text), "\(text)")
        }
    }

    /// Fold, then cut at every scalar that is no letter, mark or digit.
    static func slowWords(_ text: String) -> [String] {
        let folded = SearchText.fold(text)
        var words: [String] = [], word = ""
        for scalar in folded.unicodeScalars {
            let letter: [Unicode.GeneralCategory] = [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter]
            let markOrDigit: [Unicode.GeneralCategory] = [
                .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber,
            ]
            if (letter + markOrDigit).contains(scalar.properties.generalCategory) {
                word.unicodeScalars.append(scalar)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    /// The page's script folds and cuts as the index does (run under node
    /// when it is installed).
    @Test func scriptFoldsAsTheIndexDoes() throws {
        guard let node = ["/usr/bin/node", "/usr/local/bin/node"].first(where: FileManager.default.isExecutableFile) else { return }
        let script = try String(contentsOf: Fixture.templates.appendingPathComponent("assets/search.js"), encoding: .utf8)
        func function(_ name: String) throws -> String {
            let start = try #require(script.range(of: "  function \(name)("))
            let end = try #require(script.range(of: "\n  }\n", range: start.upperBound..<script.endIndex))
            return String(script[start.lowerBound..<end.upperBound])
        }
        let input = String(decoding: try JSONSerialization.data(withJSONObject: Self.accented), as: UTF8.self)
        let program = try function("fold") + function("wordsOf") + "process.stdout.write(JSON.stringify(\(input).map(wordsOf)));"
        let process = Process(), pipe = Pipe()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = ["-e", program]
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let fromScript = try #require(try JSONSerialization.jsonObject(with: output) as? [[String]])
        #expect(fromScript == Self.accented.map(SearchText.words))
    }

    // MARK: Shards against a plain search

    @Test func shardsFindWhatAPlainSearchFinds() throws {
        let index = SearchIndex(site: try Self.site())
        #expect(index.documents.count > 10)
        for cap in [SearchIndex.shardCap, 300, 1] {
            let sharded = try Sharded(files: index.files(shardCap: cap))
            if cap < SearchIndex.shardCap { #expect(!sharded.split.isEmpty, "no shard split at cap \(cap)") }
            for query in Self.queries(index) {
                #expect(try sharded.search(query) == Self.plainSearch(index, query), "'\(query)' at cap \(cap)")
            }
            for (facet, value) in [("kind", "actor"), ("country", "norway"), ("actor", "acme-surveillance"), ("year", "2021")] {
                #expect(try sharded.search("", filters: [facet: value]) == Self.plainSearch(index, "", filters: [facet: value]))
                #expect(try sharded.search("a", filters: [facet: value]) == Self.plainSearch(index, "a", filters: [facet: value]))
            }
        }
        // The body text is searched (a word only the founding event's body
        // holds), its citations are not ("[@press-statement]").
        let sharded = try Sharded(files: index.files())
        #expect(try sharded.search("announced") == ["events/founding/index.html"])
        #expect(try !sharded.search("statement").contains("events/founding/index.html"))
    }

    /// Every word of the fixture, its first one, two and three letters, a
    /// few pairs, accented forms and words found nowhere.
    static func queries(_ index: SearchIndex) -> [String] {
        var words = Set<String>()
        for document in index.documents {
            for word in SearchText.words(document.titleText + " " + document.text) {
                for length in 1...4 { words.insert(SearchText.prefix(word, length)) }
                words.insert(word)
            }
        }
        let sorted = words.sorted(by: SearchText.precedes)
        let pairs = stride(from: 0, to: sorted.count - 7, by: 7).map { sorted[$0] + " " + sorted[$0 + 7] }
        return sorted + pairs + ["Côte d’Ivoire", "NÚÑEZ", "ACME surveillance", "zzzz", "the qqq", "[@annual-report]", ""]
    }

    /// Each query word must begin a word of the document; title and
    /// aliases count 2, the rest 1; by score, then folded title.
    static func plainSearch(_ index: SearchIndex, _ query: String, filters: [String: String] = [:]) -> [String] {
        let words = SearchText.words(query)
        guard !words.isEmpty || !filters.isEmpty else { return [] }
        func begins(_ terms: [String], _ word: String) -> Bool { terms.contains { $0.utf8.starts(with: word.utf8) } }
        var hits: [(score: Int, document: SearchIndex.Document)] = []
        for document in index.documents {
            let title = SearchText.words(document.titleText), all = title + SearchText.words(document.text)
            let facets: [String: [String]] = [
                "kind": [document.kind], "actor": document.actors, "country": document.countries, "source": document.sources,
                "year": document.year.map { [String($0)] } ?? [],
            ]
            guard filters.allSatisfy({ facets[$0.key]?.contains($0.value) == true }) else { continue }
            guard words.allSatisfy({ begins(all, $0) }) else { continue }
            hits.append((words.reduce(0) { $0 + (begins(title, $1) ? 2 : 1) }, document))
        }
        return hits.sorted { a, b in
            if a.score != b.score { return a.score > b.score }
            let ta = SearchText.fold(a.document.title), tb = SearchText.fold(b.document.title)
            if ta != tb { return SearchText.precedes(ta, tb) }
            if a.document.title != b.document.title { return SearchText.precedes(a.document.title, b.document.title) }
            return SearchText.precedes(a.document.url, b.document.url)
        }.map(\.document.url)
    }

    // MARK: Files

    @Test func filesAreDeterministicScripts() throws {
        let site = try Self.site()
        let files = SearchIndex(site: site).files()
        #expect(files.map(\.path) == SearchIndex(site: site).files().map(\.path))
        #expect(files.map(\.bytes) == SearchIndex(site: site).files().map(\.bytes))
        let paths = Set(files.map(\.path))
        #expect(paths.count == files.count)
        for expected in [
            "search/search-index.js", "search/terms/0.js", "search/docs/0.js", "search/facets/kind/event.js",
            "search/facets/country/norway.js", "search/facets/year/2021.js", "search/options/source.js",
        ] {
            #expect(paths.contains(expected), "\(expected)")
        }
        let sharded = try Sharded(files: files)
        for (path, _) in files where path != "search/search-index.js" {
            _ = try sharded.data(String(path.dropFirst("search/".count).dropLast(".js".count)))
        }
    }

    @Test func shardsSplitWhenOverTheCap() throws {
        let index = SearchIndex(site: try Self.site())
        let whole = try Sharded(files: index.files())
        #expect(whole.split.isEmpty)
        #expect(whole.terms.allSatisfy { $0.unicodeScalars.count == 1 })
        let cap = 100
        let files = index.files(shardCap: cap)
        let sharded = try Sharded(files: files)
        #expect(!sharded.split.isEmpty)
        #expect(sharded.terms.count > whole.terms.count)
        // A shard over the cap holds a single word, or words of its key's length.
        for (number, key) in sharded.terms.enumerated() {
            let path = "search/terms/\(number).js"
            let size = try #require(files.first { $0.path == path }).bytes.count
            let terms = try #require(try sharded.data("terms/\(number)") as? [String: Any])["t"] as? [String: Any] ?? [:]
            let longer = terms.keys.filter { $0.unicodeScalars.count > key.unicodeScalars.count }
            #expect(size <= cap + 100 || longer.isEmpty, "\(key): \(size) bytes")
            #expect(terms.keys.allSatisfy { $0.utf8.starts(with: key.utf8) })
        }
    }

    @Test func denseWordsAreWrittenAsBits() {
        var bytes: [UInt8] = []
        SearchIndex.writePosting((0..<40).map(Int32.init), into: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "\"//////P\"")
        bytes = []
        SearchIndex.writePosting([3, 90, 1000] as [Int32], into: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "[3,87,910]")
        #expect(Sharded.documents(in: "//////P") == Array(0..<40))
        #expect(Sharded.documents(in: [3, 87, 910]) == [3, 90, 1000])
    }
}

/// The index's files read as `assets/search.js` reads them.
struct Sharded {
    let files: [String: [UInt8]]
    let count: Int, docsPerShard: Int
    let terms: [String]
    let split: Set<String>
    /// Every shard's data, by path.
    private let parsed: [String: Any]

    init(files list: [(path: String, bytes: [UInt8])]) throws {
        files = Dictionary(uniqueKeysWithValues: list.map { ($0.path, $0.bytes) })
        let entry = String(decoding: try #require(files["search/search-index.js"]), as: UTF8.self)
        let prefix = "window.DOSSIER_SEARCH = ", suffix = ";\n"
        #expect(entry.hasPrefix(prefix) && entry.hasSuffix(suffix))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(entry.dropFirst(prefix.count).dropLast(suffix.count).utf8)) as? [String: Any])
        count = try #require(json["count"] as? Int)
        docsPerShard = try #require(json["docs"] as? Int)
        terms = try #require(json["terms"] as? [String])
        split = Set(try #require(json["split"] as? [String]))
        #expect(json["years"] is [Int])
        var parsed: [String: Any] = [:]
        for (path, bytes) in files where path != "search/search-index.js" {
            let name = String(path.dropFirst("search/".count).dropLast(".js".count))
            parsed[name] = try Self.parse(name, bytes)
        }
        self.parsed = parsed
    }

    /// The data a shard hands to `DOSSIER_SEARCH_SHARD`; nil when there is
    /// no such file (the script's failed load).
    func data(_ path: String) throws -> Any? {
        if let parsed = parsed[path] { return parsed }
        return try Self.parse(path, files["search/\(path).js"])
    }

    private static func parse(_ path: String, _ bytes: [UInt8]?) throws -> Any? {
        guard let bytes else { return nil }
        var head = Array("DOSSIER_SEARCH_SHARD(".utf8)
        JSONWriter.write(path, into: &head)
        head.append(UInt8(ascii: ","))
        let tail = Array(");\n".utf8)
        #expect(bytes.starts(with: head) && bytes.reversed().starts(with: tail.reversed()), "\(path)")
        return try JSONSerialization.jsonObject(with: Data(bytes[head.count..<(bytes.count - tail.count)]), options: .fragmentsAllowed)
    }

    static func documents(in posting: Any) -> [Int] {
        if let bits = posting as? String {
            let digits = Array(SearchIndex.bitmapDigits)
            return bits.utf8.enumerated().flatMap { place, digit -> [Int] in
                let value = digits.firstIndex(of: digit) ?? 0
                return (0..<6).filter { value & (1 << $0) != 0 }.map { place * 6 + $0 }
            }
        }
        var id = 0
        let gaps = (posting as? [Any] ?? []).map { ($0 as? Int) ?? ($0 as? NSNumber)?.intValue ?? 0 }
        return gaps.map { gap in
            id += gap
            return id
        }
    }

    /// Result URLs in order, as the page lists them.
    func search(_ query: String, filters: [String: String] = [:]) throws -> [String] {
        let words = SearchText.words(query)
        guard !words.isEmpty || !filters.isEmpty else { return [] }
        var lists: [[Int]] = []
        for word in words {
            var marks = [Int](repeating: 0, count: count)
            let letters = word.unicodeScalars.count
            var length = 1, key = SearchText.prefix(word, 1)
            while split.contains(key), letters > length {
                length += 1
                key = SearchText.prefix(word, length)
            }
            if let number = terms.firstIndex(of: key) {
                let shard = try #require(try data("terms/\(number)") as? [String: Any])
                func mark(_ entry: Any?) {
                    guard let entry = entry as? [Any] else { return }
                    for id in Self.documents(in: entry[0]) where marks[id] == 0 { marks[id] = 1 }
                    if entry.count > 1 { for id in Self.documents(in: entry[1]) { marks[id] = 2 } }
                }
                if split.contains(key) {
                    mark(shard["p"])
                } else {
                    for (term, entry) in shard["t"] as? [String: Any] ?? [:] where term.utf8.starts(with: word.utf8) { mark(entry) }
                }
            }
            lists.append(marks)
        }
        for (facet, value) in filters {
            var marks = [Int](repeating: 0, count: count)
            if let posting = try data("facets/\(facet)/\(value)") { for id in Self.documents(in: posting) { marks[id] = 1 } }
            lists.append(marks)
        }
        var hits: [(id: Int, score: Int)] = []
        for id in 0..<count where lists.allSatisfy({ $0[id] > 0 }) {
            hits.append((id, lists.prefix(words.count).reduce(0) { $0 + $1[id] }))
        }
        return try hits.sorted { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }.map { hit in
            let shard = try #require(try data("docs/\(hit.id / docsPerShard)") as? [[String]])
            return shard[hit.id % docsPerShard][2]
        }
    }
}
