import Foundation

/// `search/search-index.js`: names, aliases, titles and summaries of every
/// page with the facets the search page filters by. A script file (not
/// JSON fetched at run time) so that search works from `file://` too.
struct SearchIndex: Encodable {
    struct Item: Encodable {
        /// Kind, title, URL from the site root, summary, aliases.
        let k: String, t: String, u: String, s: String?, a: [String]?
        /// Year, actor, country and source slugs, for the filters (an
        /// entry's sources: those it lists and those it cites).
        let y: Int?, ac: [String]?, co: [String]?, so: [String]?
    }

    struct Option: Encodable { let v: String, l: String }

    let items: [Item]
    let actors: [Option]
    let countries: [Option]
    let sources: [Option]
    let years: [Int]

    init(site: Site) {
        items = Kind.allCases.flatMap { site.entries(of: $0) }.map { entry in
            let event = entry.event, actor = entry.actor
            let actors = event.map { $0.actors.map(\.slug).uniqued() } ?? (actor != nil ? [entry.slug] : nil)
            let countries =
                (event?.countries ?? actor?.countries).map { $0.map(\.slug).uniqued() }
                ?? (entry.kind == .country ? [entry.slug] : nil)
            let sources = entry.kind == .source ? [entry.slug] : entry.sources.map(\.slug)
            return Item(
                k: entry.kind.rawValue, t: entry.title, u: entry.pagePath, s: entry.summary,
                a: actor?.aliases.isEmpty == false ? actor?.aliases : nil,
                y: event?.date.year ?? entry.source?.date?.year, ac: actors, co: countries,
                so: sources.isEmpty ? nil : sources)
        }
        actors = site.entries(of: .actor).map { Option(v: $0.slug, l: $0.title) }
        countries = site.entries(of: .country).map { Option(v: $0.slug, l: $0.title) }
        sources = site.entries(of: .source).map { Option(v: $0.slug, l: $0.title) }
        years = Array(Set(site.entries(of: .event).map { $0.event?.date.year ?? 0 })).sorted()
    }

    /// `search/search-index.js`: the index as a script that sets it.
    func scriptBytes() -> [UInt8] {
        var out = JSONWriter()
        out.bytes = Array("window.DOSSIER_SEARCH = ".utf8)
        write(into: &out)
        out.bytes += ";\n".utf8
        return out.bytes
    }

    /// What `JSONEncoder` makes of this value with `.sortedKeys`, written
    /// by hand (a test compares the two): members in that order.
    func write(into out: inout JSONWriter) {
        func option(_ out: inout JSONWriter, _ option: Option) {
            out.object { out in
                out.member("l", option.l)
                out.member("v", option.v)
            }
        }
        out.object { out in
            out.array("actors", actors, option)
            out.array("countries", countries, option)
            out.array("items", items) { out, item in
                out.object { out in
                    out.member("a", item.a)
                    out.member("ac", item.ac)
                    out.member("co", item.co)
                    out.member("k", item.k)
                    out.member("s", item.s)
                    out.member("so", item.so)
                    out.member("t", item.t)
                    out.member("u", item.u)
                    out.member("y", item.y)
                }
            }
            out.array("sources", sources, option)
            out.array("years", years) { $0.value($1) }
        }
    }
}
