import Foundation

/// The search index under `search/`, in shards the search page loads only
/// as a query needs them (`assets/search.js`), each a script (not JSON
/// fetched at run time) so that search works from `file://` too:
///
/// - `search-index.js`, the entry: the number of documents, the years to
///   filter by, and the keys of the term shards;
/// - `terms/<n>.js`: the words of the documents (title, aliases, summary,
///   body text), with the documents holding each, under the first letters
///   of the word; a shard over `shardCap` bytes is split by one more letter;
/// - `docs/<n>.js`: title, URL, kind and summary of `docsPerShard`
///   documents, for the results shown;
/// - `facets/<facet>/<value>.js`: the documents of one kind, actor,
///   country, source or year, for the filters;
/// - `options/<facet>.js`: the actors, countries and sources to choose from.
///
/// Documents are numbered in the order of their folded titles, so that
/// results sorted by score, then number, come in title order without the
/// titles loaded. Each shard calls `DOSSIER_SEARCH_SHARD(path, data)` with
/// its path under `search/` without `.js`.
struct SearchIndex {
    static let docsPerShard = 10
    static let shardCap = 48_000

    struct Document: Sendable {
        let kind: String, title: String, url: String, summary: String?
        /// Title and aliases: a query word found there counts twice.
        let titleText: String
        /// Summary and body text.
        let text: String
        let year: Int?
        let actors: [String], countries: [String], sources: [String]
    }

    struct Option { let value: String, label: String }

    /// In number order.
    let documents: [Document]
    let actors: [Option], countries: [Option], sources: [Option]
    let years: [Int]

    init(site: Site) {
        let entries = Kind.allCases.flatMap { site.entries(of: $0) }
        let unsorted = entries.parallelMap { entry -> (key: String, document: Document) in
            let event = entry.event, actor = entry.actor
            let actors = event.map { $0.actors.map(\.slug).uniqued() } ?? (actor != nil ? [entry.slug] : [])
            let countries =
                (event?.countries ?? actor?.countries).map { $0.map(\.slug).uniqued() }
                ?? (entry.kind == .country ? [entry.slug] : [])
            // An entry's sources: those it lists and those it cites.
            let sources = entry.kind == .source ? [entry.slug] : entry.sources.map(\.slug)
            let document = Document(
                kind: entry.kind.rawValue, title: entry.title, url: entry.pagePath, summary: entry.summary,
                titleText: ([entry.title] + (actor?.aliases ?? [])).joined(separator: " "),
                text: (entry.summary ?? "") + " " + Markdown.plainText(of: entry.body.text),
                year: event?.date.year ?? entry.source?.date?.year, actors: actors, countries: countries, sources: sources)
            return (SearchText.fold(entry.title), document)
        }
        documents = unsorted.sorted { a, b in
            if a.key != b.key { return SearchText.precedes(a.key, b.key) }
            if a.document.title != b.document.title { return SearchText.precedes(a.document.title, b.document.title) }
            return SearchText.precedes(a.document.url, b.document.url)
        }.map(\.document)
        actors = site.entries(of: .actor).map { Option(value: $0.slug, label: $0.title) }
        countries = site.entries(of: .country).map { Option(value: $0.slug, label: $0.title) }
        sources = site.entries(of: .source).map { Option(value: $0.slug, label: $0.title) }
        years = Array(Set(site.entries(of: .event).map { $0.event?.date.year ?? 0 })).sorted()
    }

    /// Every file of the index, paths from the site root.
    func files(shardCap: Int = Self.shardCap) -> [(path: String, bytes: [UInt8])] {
        let terms = termShards(cap: shardCap)
        var files: [(path: String, bytes: [UInt8])] = []
        var entry = JSONWriter()
        entry.bytes = Array("window.DOSSIER_SEARCH = ".utf8)
        entry.object { out in
            out.member("count", documents.count)
            out.member("docs", Self.docsPerShard)
            out.member("split", terms.filter(\.split).map(\.key))
            out.member("terms", terms.map(\.key))
            out.array("years", years) { $0.value($1) }
        }
        entry.bytes += ";\n".utf8
        files.append(("search/search-index.js", entry.bytes))
        for (number, shard) in terms.enumerated() {
            files.append(Self.script("terms/\(number)", shard.bytes))
        }
        for start in stride(from: 0, to: documents.count, by: Self.docsPerShard) {
            var out = JSONWriter()
            out.array(documents[start..<min(start + Self.docsPerShard, documents.count)]) { out, document in
                out.array([document.kind, document.title, document.url] + (document.summary.map { [$0] } ?? [])) {
                    $0.value($1)
                }
            }
            files.append(Self.script("docs/\(start / Self.docsPerShard)", out.bytes))
        }
        for (facet, values) in facets() {
            for (value, ids) in values.sorted(by: { SearchText.precedes($0.key, $1.key) }) {
                var bytes: [UInt8] = []
                Self.writePosting(ids, into: &bytes)
                files.append(Self.script("facets/\(facet)/\(value)", bytes))
            }
        }
        for (facet, options) in [("actor", actors), ("country", countries), ("source", sources)] {
            var out = JSONWriter()
            out.array(options) { out, option in
                out.object { out in
                    out.member("l", option.label)
                    out.member("v", option.value)
                }
            }
            files.append(Self.script("options/\(facet)", out.bytes))
        }
        return files
    }

    /// `search/<path>.js`: a call that hands `data` to the search page.
    private static func script(_ path: String, _ data: [UInt8]) -> (path: String, bytes: [UInt8]) {
        var bytes = Array("DOSSIER_SEARCH_SHARD(".utf8)
        JSONWriter.write(path, into: &bytes)
        bytes.append(UInt8(ascii: ","))
        bytes += data
        bytes += ");\n".utf8
        return ("search/\(path).js", bytes)
    }

    /// The documents of each value of each filter, by facet name as in
    /// the page's URL parameters.
    private func facets() -> [(String, [String: [Int32]])] {
        var kind: [String: [Int32]] = [:], actor: [String: [Int32]] = [:], country: [String: [Int32]] = [:]
        var source: [String: [Int32]] = [:], year: [String: [Int32]] = [:]
        for (index, document) in documents.enumerated() {
            let id = Int32(index)
            kind[document.kind, default: []].append(id)
            for slug in document.actors { actor[slug, default: []].append(id) }
            for slug in document.countries { country[slug, default: []].append(id) }
            for slug in document.sources.uniqued() { source[slug, default: []].append(id) }
            if let value = document.year { year[String(value), default: []].append(id) }
        }
        return [("kind", kind), ("actor", actor), ("country", country), ("source", source), ("year", year)]
    }

    // MARK: Terms

    /// One term shard: its key, whether it is split (then it holds only
    /// the word equal to its key, and the documents of every word starting
    /// with it, `p`), and its JSON.
    struct TermShard {
        let key: String
        let split: Bool
        let bytes: [UInt8]
    }

    /// The documents of each word: all that hold it, and those whose
    /// title or aliases do.
    struct Postings {
        var all: [Int32] = []
        var title: [Int32] = []
    }

    /// Every word of the documents with its postings, in byte order.
    func postings() -> [(term: String, postings: Postings)] {
        let words = documents.parallelMap { document -> (title: Set<String>, text: Set<String>) in
            let title = Set(SearchText.words(document.titleText))
            return (title, Set(SearchText.words(document.text)).subtracting(title))
        }
        var index: [String: Int] = [:]
        var postings: [Postings] = []
        func slot(_ term: String) -> Int {
            if let found = index[term] { return found }
            index[term] = postings.count
            postings.append(Postings())
            return postings.count - 1
        }
        for (id, found) in words.enumerated() {
            for term in found.title {
                let at = slot(term)
                postings[at].all.append(Int32(id))
                postings[at].title.append(Int32(id))
            }
            for term in found.text { postings[slot(term)].all.append(Int32(id)) }
        }
        return index.map { ($0.key, postings[$0.value]) }.sorted { SearchText.precedes($0.term, $1.term) }
    }

    /// The term shards, in key order: one per first letter, each split by
    /// the next letter while over `cap` bytes.
    func termShards(cap: Int) -> [TermShard] {
        let encoded = postings().map { term, postings -> (term: String, postings: Postings, bytes: [UInt8]) in
            var bytes: [UInt8] = []
            JSONWriter.write(term, into: &bytes)
            bytes.append(UInt8(ascii: ":"))
            Self.writeEntry(postings, into: &bytes)
            return (term, postings, bytes)
        }
        var shards: [TermShard] = []
        // `terms`: those starting with `key`, in byte order.
        func shard(_ key: String, _ terms: ArraySlice<(term: String, postings: Postings, bytes: [UInt8])>) {
            let size = terms.reduce(0) { $0 + $1.bytes.count + 1 }
            let length = key.unicodeScalars.count
            let longer = terms.filter { $0.term.unicodeScalars.count > length }
            guard size > cap, !longer.isEmpty else {
                shards.append(TermShard(key: key, split: false, bytes: Self.shardJSON(prefix: nil, terms)))
                return
            }
            let union = Postings(all: Self.union(terms.map(\.postings.all)), title: Self.union(terms.map(\.postings.title)))
            let exact = terms.filter { $0.term.unicodeScalars.count == length }
            shards.append(TermShard(key: key, split: true, bytes: Self.shardJSON(prefix: union, exact[...])))
            group(longer[...], length + 1)
        }
        // Hands each run of terms sharing their first `length` letters to `shard`.
        func group(_ terms: ArraySlice<(term: String, postings: Postings, bytes: [UInt8])>, _ length: Int) {
            var start = terms.startIndex
            while start < terms.endIndex {
                let key = SearchText.prefix(terms[start].term, length)
                var end = start + 1
                while end < terms.endIndex, SearchText.prefix(terms[end].term, length) == key { end += 1 }
                shard(key, terms[start..<end])
                start = end
            }
        }
        group(encoded[...], 1)
        return shards.sorted { SearchText.precedes($0.key, $1.key) }
    }

    /// The documents of any of `lists`, ascending.
    private static func union(_ lists: [[Int32]]) -> [Int32] {
        var seen = [Bool](repeating: false, count: Int(lists.lazy.compactMap(\.last).max() ?? 0) + 1)
        for list in lists { for id in list { seen[Int(id)] = true } }
        return seen.indices.compactMap { seen[$0] ? Int32($0) : nil }
    }

    private static func shardJSON(
        prefix: Postings?, _ terms: ArraySlice<(term: String, postings: Postings, bytes: [UInt8])>
    ) -> [UInt8] {
        var bytes = Array("{".utf8)
        if let prefix {
            bytes += "\"p\":".utf8
            writeEntry(prefix, into: &bytes)
            bytes.append(UInt8(ascii: ","))
        }
        bytes += "\"t\":{".utf8
        for (index, term) in terms.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes += term.bytes
        }
        bytes += "}}".utf8
        return bytes
    }

    /// `[all]` or `[all, title]`, each a posting list.
    private static func writeEntry(_ postings: Postings, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "["))
        writePosting(postings.all, into: &bytes)
        if !postings.title.isEmpty {
            bytes.append(UInt8(ascii: ","))
            writePosting(postings.title, into: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    static let bitmapDigits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Ascending document numbers as whichever is shorter: an array of the
    /// gaps between them (the first from 0), or a string of base-64 digits,
    /// each holding six documents (bit `i` of digit `d`: document `6d + i`),
    /// for words found in many documents.
    static func writePosting<IDs: Collection<Int32>>(_ ids: IDs, into bytes: inout [UInt8]) {
        var gaps: [UInt8] = [UInt8(ascii: "[")]
        var previous: Int32 = 0
        var digitsOfGap: [UInt8] = []
        for (index, id) in ids.enumerated() {
            if index > 0 { gaps.append(UInt8(ascii: ",")) }
            // The decimal digits of the gap, written without a String each.
            var gap = id - previous
            digitsOfGap.removeAll(keepingCapacity: true)
            repeat {
                digitsOfGap.append(UInt8(ascii: "0") + UInt8(gap % 10))
                gap /= 10
            } while gap > 0
            gaps += digitsOfGap.reversed()
            previous = id
        }
        gaps.append(UInt8(ascii: "]"))
        let digits = Int(ids.max() ?? 0) / 6 + 1
        guard digits + 2 < gaps.count else {
            bytes += gaps
            return
        }
        var bits = [UInt8](repeating: 0, count: digits)
        for id in ids { bits[Int(id) / 6] |= 1 << UInt8(id % 6) }
        bytes.append(UInt8(ascii: "\""))
        bytes += bits.map { bitmapDigits[Int($0)] }
        bytes.append(UInt8(ascii: "\""))
    }
}
