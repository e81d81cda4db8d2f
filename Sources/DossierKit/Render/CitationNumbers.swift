/// How an entry's page numbers its sources: in the order of their first
/// citation in the body, then the `sources` never cited (`Entry.sources`).
/// Each citation is given an anchor, so the numbered list can link back to
/// every place that cites a source.
struct CitationNumbers {
    /// The sources in the site, in number order: source `n` is `sources[n - 1]`.
    let sources: [Entry]
    /// Each citation group of the body, in order: its markers.
    let groups: [[Marker]]
    /// For each source (by `sources` index), the anchors of its citations.
    let backlinks: [[String]]

    struct Marker {
        let number: Int
        let locator: String?
        let anchor: String
    }

    init(_ entry: Entry, site: Site) {
        sources = entry.sources.compactMap { site[PageKey($0.kind, $0.slug)] }
        var number: [String: Int] = [:]
        for (index, source) in sources.enumerated() { number[source.slug] = index + 1 }
        var backlinks = Array(repeating: [String](), count: sources.count)
        groups = entry.citations.map { group in
            group.items.compactMap { item in
                guard let number = number[item.reference.slug] else { return nil }
                let anchor = Self.citationAnchor(number, backlinks[number - 1].count + 1)
                backlinks[number - 1].append(anchor)
                return Marker(number: number, locator: item.locator, anchor: anchor)
            }
        }
        self.backlinks = backlinks
    }

    /// Anchors use `_`, which no heading id has (`Slug.make`), so they
    /// never clash with a heading or a section.
    static func noteAnchor(_ number: Int) -> String { "cite_\(number)" }

    static func citationAnchor(_ number: Int, _ occurrence: Int) -> String { "cite_ref_\(number)_\(occurrence)" }

    /// The letters of the back-links to a source's citations, from the
    /// language's `letters` (label `backlink_letters`): a, b, ... z, aa, ab...
    static func letter(_ index: Int, of letters: [Character]) -> String {
        guard !letters.isEmpty else { return String(index + 1) }
        let count = letters.count
        return index < count ? String(letters[index]) : letter(index / count - 1, of: letters) + String(letters[index % count])
    }

    /// The values of the theme's marker partial for group `index`, or nil
    /// when none of its sources is in the site.
    func markerView(_ index: Int) -> View? {
        guard index < groups.count, !groups[index].isEmpty else { return nil }
        let items = groups[index].map { marker -> View in
            var item: View = ["number": marker.number, "id": marker.anchor, "url": "#" + Self.noteAnchor(marker.number)]
            item["locator"] = marker.locator ?? false
            return item
        }
        return ["items": items]
    }
}
