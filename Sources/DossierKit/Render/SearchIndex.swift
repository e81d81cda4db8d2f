import Foundation

/// `search/search-index.js`: names, aliases, titles and summaries of every
/// page with the facets the search page filters by. A script file (not
/// JSON fetched at run time) so that search works from `file://` too.
struct SearchIndex: Encodable {
    struct Item: Encodable {
        /// Kind, title, URL from the site root, summary, aliases.
        let k: String, t: String, u: String, s: String?, a: [String]?
        /// Year, actor slugs and country slugs, for the filters.
        let y: Int?, ac: [String]?, co: [String]?
    }

    struct Option: Encodable { let v: String, l: String }

    let items: [Item]
    let actors: [Option]
    let countries: [Option]
    let years: [Int]

    init(site: Site) {
        items = Kind.allCases.flatMap { site.entries(of: $0) }.map { entry in
            let event = entry.event, actor = entry.actor
            let actors = event.map { Self.unique($0.actors.map(\.slug)) } ?? (actor != nil ? [entry.slug] : nil)
            let countries = (event?.countries ?? actor?.countries).map { Self.unique($0.map(\.slug)) }
                ?? (entry.kind == .country ? [entry.slug] : nil)
            return Item(k: entry.kind.rawValue, t: entry.title, u: Addresses.page(entry.key), s: entry.summary,
                        a: actor?.aliases.isEmpty == false ? actor?.aliases : nil,
                        y: event?.date.year ?? entry.source?.date?.year, ac: actors, co: countries)
        }
        actors = site.entries(of: .actor).map { Option(v: $0.slug, l: $0.title) }
        countries = site.entries(of: .country).map { Option(v: $0.slug, l: $0.title) }
        years = Array(Set(site.entries(of: .event).map { $0.event?.date.year ?? 0 })).sorted()
    }

    func script() -> String {
        var bytes = Array("window.DOSSIER_SEARCH = ".utf8)
        jsonValue.write(into: &bytes)
        bytes += ";\n".utf8
        return String(decoding: bytes, as: UTF8.self)
    }

    /// What `JSONEncoder` would make of this value, built by hand (a test
    /// compares the two).
    var jsonValue: JSONValue {
        func strings(_ values: [String]?) -> JSONValue? { values.map(JSONValue.strings) }
        let items = items.map { item -> JSONValue in
            .object([
                ("k", .string(item.k)), ("t", .string(item.t)), ("u", .string(item.u)), ("s", item.s.map(JSONValue.string)),
                ("a", strings(item.a)), ("y", item.y.map(JSONValue.int)), ("ac", strings(item.ac)), ("co", strings(item.co)),
            ])
        }
        func options(_ list: [Option]) -> JSONValue {
            .array(list.map { .object([("v", .string($0.v)), ("l", .string($0.l))]) })
        }
        return .object([
            ("items", .array(items)), ("actors", options(actors)), ("countries", options(countries)),
            ("years", .array(years.map(JSONValue.int))),
        ])
    }

    private static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}
