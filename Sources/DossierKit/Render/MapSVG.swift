/// One country of the report, as the map draws it.
struct MapCountry: Sendable {
    /// ISO 3166-1 alpha-2.
    let code: String
    let title: String
    /// Relative URL of its page, as the page holding the map links to it.
    let url: String
    let events: Int
}

/// Which shade a country gets for its number of events: `map-0` for none,
/// then four ranges, each twice as wide as the one before; 1, 2–3, 4–7 and
/// 8 or more while no country has more than 15, all doubled as often as the
/// busiest country needs (1–15, 16–31, 32–63, 64 or more at 100), so that a
/// large report does not shade every country alike.
struct MapShading: Sendable, Equatable {
    /// The least number of events of levels 1 to 4.
    let bounds: [Int]

    init(busiest: Int) {
        var step = 1
        while step * 16 <= busiest { step *= 2 }
        bounds = [1, 2 * step, 4 * step, 8 * step]
    }

    /// 0 to 4.
    func level(_ events: Int) -> Int {
        (bounds.lastIndex { events >= $0 }).map { $0 + 1 } ?? 0
    }

    /// Each level's numbers of events: `to` nil for the last, open-ended.
    var ranges: [(level: Int, from: Int, to: Int?)] {
        [(0, 0, 0)]
            + bounds.indices.map { index in
                (index + 1, bounds[index], index + 1 < bounds.count ? bounds[index + 1] - 1 : nil)
            }
    }
}

/// The world map of the report's countries as an inline `<svg>`, drawn at
/// build time from the theme's `WorldMap`; every colour comes from
/// `assets/charts.css`.
enum MapSVG {
    /// An `<svg role="group">` named by its `<title>` and described by its
    /// `<desc>`, like the timeline. The countries of the map that the report
    /// has no page for are one plain path (`map-none`); each of the report's
    /// countries drawn on the map is a link to its page titled "name: N
    /// events" (label `map_country`) around its path, shaded `map-0` to `map-4`, in code order.
    /// A report country the map has no shape for is not drawn: the text
    /// beside the map lists it.
    static func render(
        _ map: WorldMap, countries: [MapCountry], shading: MapShading, title: String, description: String, idPrefix: String,
        labels: Labels
    ) -> String {
        let drawn = countries.filter { map[$0.code] != nil }.sorted { $0.code < $1.code }
        let inReport = Set(countries.map(\.code))
        var svg = SVGText(capacity: 40_000)
        svg.open(
            kind: "chart-map", viewBox: (0, 0, map.width, map.height), fontSize: "12",
            id: SVGMarkup.elementID(idPrefix, fallback: "map"), title: title, description: description)
        svg.raw("<path class=\"map-none\" d=\"")
        for country in map.countries where !inReport.contains(country.code) {
            svg.raw(country.path)
        }
        svg.raw("\"/>")
        for country in drawn {
            guard let shape = map[country.code] else { continue }
            svg.raw("<a href=\"")
            svg.escaped(country.url)
            svg.raw("\"><title>")
            svg.escaped(labels.count(country.events, "map_country", ["title": country.title]))
            svg.raw("</title><path class=\"map-")
            svg.integer(UInt(shading.level(country.events)))
            svg.raw("\" d=\"")
            svg.raw(shape.path)
            svg.raw("\"/></a>")
        }
        svg.raw("</svg>")
        return svg.text
    }

    /// A country smaller than this, in map units either way, is also ringed on its locator.
    private static let ringBelow = 12.0

    /// A small world map with one country marked, for its page: the map's
    /// coarse `land`, the country's shape over it and, when the country is
    /// too small to see at that size, a ring around it. `aria-hidden`: the
    /// theme names it around it. Nil when the map has no shape for `code`.
    static func locator(_ map: WorldMap, code: String) -> String? {
        guard let country = map[code] else { return nil }
        let scale = map.landScale
        var svg = SVGText(capacity: map.land.utf8.count + country.path.utf8.count + 512)
        svg.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-locator\" viewBox=\"0 0 ")
        svg.number(map.width / scale)
        svg.raw(" ")
        svg.number(map.height / scale)
        svg.raw("\" aria-hidden=\"true\"><path class=\"map-land\" d=\"")
        svg.raw(map.land)
        // The country's own units are `scale` times finer than the land's.
        svg.raw("\"/><path class=\"map-here\" transform=\"scale(")
        svg.raw(String(1 / scale))
        svg.raw(")\" d=\"")
        svg.raw(country.path)
        svg.raw("\"/>")
        if country.maxX - country.minX < ringBelow && country.maxY - country.minY < ringBelow {
            svg.raw("<circle class=\"map-ring\" cx=\"")
            svg.number((country.minX + country.maxX) / 2 / scale)
            svg.raw("\" cy=\"")
            svg.number((country.minY + country.maxY) / 2 / scale)
            svg.raw("\" r=\"5\"/>")
        }
        svg.raw("</svg>")
        return svg.text
    }
}
