import Foundation
import Testing

@testable import DossierKit

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Every element of an SVG string in document order, read by Foundation's XML parser:
/// a string it cannot parse is not well-formed and fails the test that reads it.
private final class SVGTree: NSObject, XMLParserDelegate {
    struct Element {
        let name: String
        let attributes: [String: String]
        let ancestors: [String]
        var text = ""
    }

    private(set) var elements: [Element] = []
    private var open: [Int] = []

    init(_ svg: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        let parsed = parser.parse()
        #expect(parsed, "not well-formed XML: \(String(describing: parser.parserError))", sourceLocation: sourceLocation)
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.append(Element(name: name, attributes: attributes, ancestors: open.map { elements[$0].name }))
        open.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let last = open.last { elements[last].text += string }
    }

    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    /// The `<title>` text of each link, keyed by its href.
    var linkTitles: [String: [String]] {
        var titles: [String: [String]] = [:]
        for (index, element) in elements.enumerated() where element.name == "a" {
            let title = elements[(index + 1)...].first { $0.name == "title" }?.text ?? ""
            titles[element.attributes["href"] ?? "", default: []].append(title)
        }
        return titles
    }
}

private func date(_ text: String) -> PartialDate { PartialDate(text)! }

private func item(
    _ from: String, to: String? = nil, title: String = "Event", url: String, status: String = "confirmed"
) -> TimelineItem {
    TimelineItem(date: date(from), endDate: to.map(date), title: title, url: url, status: status)
}

private func node(_ id: String, weight: Int, label: String? = nil, kind: String = "company") -> RelationNode {
    RelationNode(id: id, label: label ?? id.capitalized, url: "../\(id)/index.html", kind: kind, weight: weight)
}

private func timeline(_ items: [TimelineItem]) -> String {
    TimelineSVG.render(items, title: "Timeline", description: "Events by date.", idPrefix: "tl", labels: .english)
}

private func relations(
    center: RelationNode? = nil, _ nodes: [RelationNode], edges: [RelationEdge] = [], limit: Int = 24
)
    -> String
{
    RelationsSVG.render(
        center: center, nodes: nodes, edges: edges, title: "Relations", description: "Who is linked.", idPrefix: "rel",
        labels: .english, limit: limit)
}

/// The top of a timeline mark: a bar's y, or a dot's centre minus its radius.
private func top(_ element: SVGTree.Element) -> Double {
    if let y = element.attributes["y"] { return Double(y)! }
    return Double(element.attributes["cy"]!)! - Double(element.attributes["r"]!)!
}

private func marks(_ tree: SVGTree) -> [SVGTree.Element] {
    tree.elements.filter { $0.ancestors.contains("a") && ($0.name == "rect" || $0.name == "circle") }
}

/// Each label's lines: a `<text>`'s own text, or its `<tspan>`s'.
private func labelLines(_ tree: SVGTree) -> [[String]] {
    var labels: [[String]] = []
    for element in tree.elements {
        if element.name == "text" { labels.append(element.text.isEmpty ? [] : [element.text]) }
        if element.name == "tspan", !labels.isEmpty { labels[labels.count - 1].append(element.text) }
    }
    return labels
}

/// The viewBox as numbers.
private func viewBox(_ tree: SVGTree) -> [Double] {
    (tree.elements.first?.attributes["viewBox"] ?? "").split(separator: " ").compactMap { Double($0) }
}

/// Labels whose glyphs, as `TextWidth` estimates them at the picture's font size, reach past the
/// viewBox: each line from its anchor, its baseline and its `dy`, turned by the text's rotate().
private func labelsOutside(_ svg: String, fontSize: Double) -> [String] {
    let tree = SVGTree(svg)
    let box = viewBox(tree)
    guard box.count == 4 else { return ["no viewBox"] }
    var outside: [String] = []
    for (index, element) in tree.elements.enumerated() where element.name == "text" {
        let x = Double(element.attributes["x"] ?? "") ?? .nan, y = Double(element.attributes["y"] ?? "") ?? .nan
        let bold =
            element.ancestors.contains("a") && element.attributes["class"] == "rel-label"
            && tree.elements[..<index].last { $0.name == "a" }?.attributes["class"]?.contains("rel-center") == true
        var lines: [(text: String, dy: Double)] = element.text.isEmpty ? [] : [(element.text, 0)]
        for tspan in tree.elements[(index + 1)...].prefix(while: { $0.name == "tspan" }) {
            let dy = Double((tspan.attributes["dy"] ?? "0").replacingOccurrences(of: "em", with: "")) ?? .nan
            lines.append((tspan.text, dy))
        }
        // How far a line's glyphs reach above and below its baseline, in ems.
        let (above, below): (Double, Double) =
            switch element.attributes["dominant-baseline"] {
            case "central": (0.6, 0.6)
            case "hanging": (0.1, 1.2)
            default: (1, 0.3)
            }
        var corners: [(Double, Double)] = []
        var baseline = y
        for line in lines {
            baseline += line.dy * fontSize
            let width = TextWidth.of(line.text, fontSize: fontSize, bold: bold)
            let left =
                switch element.attributes["text-anchor"] {
                case "end": x - width
                case "middle": x - width / 2
                default: x
                }
            for cx in [left, left + width] {
                for cy in [baseline - above * fontSize, baseline + below * fontSize] { corners.append((cx, cy)) }
            }
        }
        if let transform = element.attributes["transform"] {
            let numbers = transform.dropFirst("rotate(".count).dropLast().split(separator: " ").compactMap { Double($0) }
            let angle = numbers[0] * Double.pi / 180, (ox, oy) = (numbers[1], numbers[2])
            corners = corners.map { px, py in
                (ox + (px - ox) * cos(angle) - (py - oy) * sin(angle), oy + (px - ox) * sin(angle) + (py - oy) * cos(angle))
            }
        }
        // The halo of the label (charts.css) is drawn 1.5 units round the glyphs.
        let inside = corners.allSatisfy { cx, cy in
            cx - 1.5 >= box[0] && cx + 1.5 <= box[0] + box[2] && cy - 1.5 >= box[1] && cy + 1.5 <= box[1] + box[3]
        }
        if !inside { outside.append(lines.map(\.text).joined(separator: " / ")) }
    }
    return outside
}

private let hostile = #"<script>alert("x")</script>' onload='evil()' & <img src=x onerror=alert(1)>"#
private let hostileURL = #"../x/"><script>alert(1)</script>?a=1&b='2'"#

private func expectHarmless(_ svg: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let tree = SVGTree(svg, sourceLocation: sourceLocation)
    #expect(!svg.lowercased().contains("<script"), sourceLocation: sourceLocation)
    #expect(!svg.lowercased().contains("<img"), sourceLocation: sourceLocation)
    #expect(tree.all("script").isEmpty && tree.all("style").isEmpty, sourceLocation: sourceLocation)
    for element in tree.elements {
        let names = element.attributes.keys
        #expect(
            !names.contains { $0.lowercased().hasPrefix("on") || $0 == "style" }, "\(element.name): \(names)",
            sourceLocation: sourceLocation)
    }
}

/// Numbers in geometry attributes: integers or one decimal, never "-0", exponents or commas.
private func expectTidyNumbers(_ svg: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let geometry: Set = ["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height", "stroke-width"]
    let number = /-?(0|[1-9][0-9]*)(\.[0-9])?/
    for element in SVGTree(svg).elements {
        for (name, value) in element.attributes where geometry.contains(name) {
            #expect(value.wholeMatch(of: number) != nil && value != "-0", "\(name)=\(value)", sourceLocation: sourceLocation)
        }
    }
}

@Suite struct TimelineSVGTests {
    @Test func emptyInputDrawsNothing() {
        #expect(timeline([]) == "")
    }

    @Test func hostileTitlesAndURLsAreEscaped() throws {
        let svg = TimelineSVG.render(
            [item("2021-07-18", title: hostile, url: hostileURL, status: "alleged\" onclick=\"x")],
            title: hostile, description: hostile, idPrefix: "a b\"<", labels: .english)
        expectHarmless(svg)
        let tree = SVGTree(svg)
        #expect(tree.linkTitles[hostileURL] == ["18 July 2021 – \(hostile)"], "a status with no label is left out")
        #expect(tree.all("title").first?.text == hostile && tree.all("desc").first?.text == hostile)
        let root = try #require(tree.elements.first)
        #expect(root.attributes["aria-labelledby"] == "a-b---title" && root.attributes["aria-describedby"] == "a-b---desc")
        #expect(marks(tree).allSatisfy { $0.attributes["class"] == "tl-mark tl-other" })
    }

    @Test func isAccessibleAndStyledOnlyByClasses() throws {
        let tree = SVGTree(timeline([item("2020", url: "a.html"), item("2021-03", url: "b.html", status: "denied")]))
        let root = try #require(tree.elements.first)
        #expect(root.name == "svg" && root.attributes["role"] == "group")
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(root.attributes["viewBox"]?.hasPrefix("0 0 720 ") == true)
        #expect(tree.all("title").first?.attributes["id"] == "tl-title")
        #expect(tree.all("desc").first?.attributes["id"] == "tl-desc")
        #expect(tree.elements.allSatisfy { $0.attributes["style"] == nil && $0.attributes["xlink:href"] == nil })
        let legend = tree.all("text").filter { $0.attributes["class"] == "tl-legend-label" }.map(\.text)
        #expect(legend == ["Confirmed", "Denied", Labels.english.text("timeline_vague_date")])
        let dated = SVGTree(timeline([item("2020-01-02", url: "a.html"), item("2020", to: "2021", url: "b.html")]))
        let datedLegend = dated.all("text").filter { $0.attributes["class"] == "tl-legend-label" }.map(\.text)
        #expect(datedLegend == ["Confirmed"], "no vague date, no legend entry for one")
    }

    @Test func everyItemIsOneLinkToItsPage() {
        let items = (1...12).map { item("20\(10 + $0)-0\($0 % 9 + 1)", title: "Event \($0)", url: "../e\($0)/index.html") }
        let titles = SVGTree(timeline(items)).linkTitles
        #expect(titles.count == 12)
        for (index, item) in items.enumerated() {
            #expect(titles[item.url] == ["\(Labels.english.date(item.date)) – Event \(index + 1) (Confirmed)"])
        }
    }

    @Test func rangesAreDescribedFromStartToEnd() {
        let svg = timeline([item("2019-03", to: "2020", title: "War", url: "w.html", status: "reported")])
        #expect(SVGTree(svg).linkTitles["w.html"] == ["March 2019 to 2020 – War (Reported)"])
    }

    @Test func overlappingItemsGoOnDifferentRows() throws {
        let items = [
            item("2021", url: "year.html"), item("2021-05", url: "month.html"),
            item("2021-05-20", url: "day.html"), item("2021-03", to: "2021-09", url: "range.html"),
            item("2023-06-01", url: "later.html"),
        ]
        let tree = SVGTree(timeline(items))
        let links = tree.elements.filter { $0.name == "a" }.map { $0.attributes["href"]! }
        let tops = Dictionary(uniqueKeysWithValues: zip(links, marks(tree).map(top)))
        let overlapping = ["year.html", "month.html", "day.html", "range.html"].map { tops[$0]! }
        #expect(Set(overlapping).count == 4, "\(tops)")
        #expect(tops["later.html"] == tops["range.html"], "a later item reuses the first row")
    }

    @Test func vagueDatesAreLightBandsBelowTheDatedMarks() throws {
        let tree = SVGTree(
            timeline([
                item("2020", url: "y.html"), item("2021-02", url: "m.html", status: "alleged"), item("2021-08-08", url: "d.html"),
                item("2020-03", to: "2020-09", url: "r.html"),
            ]))
        let hrefs = tree.all("a").map { $0.attributes["href"]! }
        let shapes = Dictionary(uniqueKeysWithValues: zip(hrefs, marks(tree)))
        let year = try #require(shapes["y.html"]), month = try #require(shapes["m.html"])
        let day = try #require(shapes["d.html"]), range = try #require(shapes["r.html"])
        // A year-only date is a band over the year, not a solid bar: its own class, thinner.
        #expect(year.name == "rect" && year.attributes["class"] == "tl-vague tl-confirmed")
        #expect(month.attributes["class"] == "tl-vague tl-alleged")
        let yearWidth: Double = try #require(Double(year.attributes["width"] ?? ""))
        let monthWidth: Double = try #require(Double(month.attributes["width"] ?? ""))
        let drawn: Double = 720 - 2 * 28
        #expect(yearWidth == drawn / 2)
        #expect(abs(monthWidth - drawn / 24) <= 0.1)
        let bandHeight = try #require(Double(year.attributes["height"] ?? ""))
        let barHeight = try #require(Double(range.attributes["height"] ?? ""))
        #expect(bandHeight < barHeight)
        // A real span keeps its solid bar; a day is a dot.
        #expect(range.name == "rect" && range.attributes["class"] == "tl-mark tl-confirmed")
        #expect(day.name == "circle" && day.attributes["class"] == "tl-mark tl-confirmed")
        // The bands lie under every dated mark, above the axis.
        #expect(min(top(year), top(month)) >= max(top(day) + 12, top(range) + barHeight))
        let axis = try #require(tree.all("line").first { $0.attributes["class"] == "tl-baseline" })
        #expect(max(top(year), top(month)) + bandHeight < Double(axis.attributes["y1"] ?? "")!)
    }

    @Test func legendAndAxisLabelsFitTheViewBox() {
        let items = EventStatus.allCases.enumerated().map {
            item("2021-0\($0.offset + 1)", url: "\($0.offset).html", status: $0.element.rawValue)
        }
        let svg = timeline(items + [item("2021-07-04", url: "day.html")])
        // The largest font charts.css gives the timeline (on phones).
        #expect(labelsOutside(svg, fontSize: 22) == [])
    }

    @Test func axisLabelsFitTheSpan() {
        let short = SVGTree(timeline([item("2021-02", url: "a.html"), item("2021-11-30", url: "b.html")]))
        let shortLabels = short.all("text").filter { $0.attributes["class"]?.hasPrefix("tl-label") == true }.map(\.text)
        #expect(shortLabels == (1...12).map(Labels.english.shortMonthName) + ["2021"])
        #expect(short.elements.contains { $0.attributes["class"] == "tl-tick tl-tick-minor" })
        let long = SVGTree(timeline([item("1990", url: "a.html"), item("2019-12", url: "b.html")]))
        let years = long.all("text").filter { $0.attributes["class"] == "tl-label tl-year" }.map(\.text)
        #expect(years == ["1990", "1995", "2000", "2005", "2010", "2015", "2020"])
    }

    @Test func outputIsDeterministicAndTidy() {
        let items = (0..<40).map { item("20\(10 + $0 % 12)-\(String(format: "%02d", $0 % 12 + 1))", url: "e\($0).html") }
        let svg = timeline(items)
        #expect(svg == timeline(items))
        #expect(svg == timeline(items.reversed()), "input order does not matter")
        expectTidyNumbers(svg)
    }
}

@Suite struct RelationsSVGTests {
    @Test func noNodesDrawNothing() {
        #expect(relations([]) == "")
        #expect(relations(center: node("c", weight: 1), [node("c", weight: 3)]) == "", "the center alone is no picture")
    }

    @Test func hostileLabelsAndURLsAreEscaped() {
        let bad = RelationNode(id: "x", label: hostile, url: hostileURL, kind: "person\" onmouseover=\"x", weight: 1)
        let svg = RelationsSVG.render(
            center: bad, nodes: [RelationNode(id: "y", label: hostile, url: "y.html", kind: "<b>", weight: 2)],
            edges: [RelationEdge(from: "x", to: "y", weight: 1)], title: hostile, description: hostile, idPrefix: "r", labels: .english)
        expectHarmless(svg)
        let tree = SVGTree(svg)
        #expect(tree.linkTitles == [hostileURL: [hostile], "y.html": [hostile]])
        #expect(tree.all("a").map { $0.attributes["class"] } == ["rel-node rel-kind-other", "rel-node rel-kind-other rel-center"])
    }

    @Test func everyNodeIsOneLinkWithItsFullLabel() {
        let long = "Amnesty International Security Lab"
        let nodes = [node("a", weight: 3, label: long, kind: "organization"), node("b", weight: 2, kind: "country")]
        let tree = SVGTree(relations(center: node("c", weight: 0), nodes))
        #expect(tree.linkTitles == ["../a/index.html": [long], "../b/index.html": ["B"], "../c/index.html": ["C"]])
        #expect(labelLines(tree) == [["Amnesty International", "Security Lab"], ["B"], ["C"]], "shown whole, on two lines")
    }

    @Test func longLabelsAreWrappedAndCutOnlyBeyondTwoLines() {
        for name in ["Israeli Ministry of Foreign Affairs", "Palestinian rights activists and NGOs"] {
            let lines = RelationsSVG.lines(name)
            #expect(lines.count == 2 && lines.joined(separator: " ") == name, "shown whole: \(lines)")
        }
        #expect(RelationsSVG.lines("NSO Group") == ["NSO Group"])
        let company = RelationsSVG.lines("Computer Security Initiative Consultancy PTE. LTD PTE. LTD PTE. LTD")
        #expect(company.count == 2 && company[1].hasSuffix("…"))
        #expect(company.joined(separator: " ").dropLast().allSatisfy { $0 != "…" })
        #expect("Computer Security Initiative Consultancy PTE. LTD".hasPrefix(company.joined(separator: " ").dropLast()))
        let word = RelationsSVG.lines(String(repeating: "W", count: 60))
        #expect(word.count == 1 && word[0].hasSuffix("…"))
        for lines in [company, word] {
            #expect(lines.allSatisfy { TextWidth.of($0, fontSize: RelationsSVG.fontSize) <= RelationsSVG.lineWidth })
        }
        #expect(RelationsSVG.lines("") == [""])
    }

    /// Names as long as the report's, on every side of the ring, level and along the radius.
    @Test(arguments: [2, 5, 8, 9, 16, 24])
    func everyLabelLiesInsideTheViewBox(count: Int) {
        let names = [
            "Computer Security Initiative Consultancy PTE. LTD", "US Department of Commerce", "Israeli Ministry of Defense",
            "Palestinian rights activists and NGOs", "WWWWWWWWWWWWWWWWWWWWWWWW", "Amnesty International Israel", "Ē̄ Łódź",
        ]
        let nodes = (0..<count).map { node("n\($0)", weight: $0 % 3, label: names[$0 % names.count]) }
        let center = node("c", weight: 0, label: "Israeli National Security Council of the State")
        for svg in [relations(center: center, nodes), relations(nodes)] {
            #expect(labelsOutside(svg, fontSize: RelationsSVG.fontSize) == [])
            let tree = SVGTree(svg)
            let box = viewBox(tree)
            #expect(tree.elements.first?.attributes["width"].flatMap(Double.init) == box[2], "drawn at one pixel per unit")
            #expect(tree.elements.first?.attributes["height"].flatMap(Double.init) == box[3])
        }
    }

    @Test func starPutsTheCenterInTheMiddleAndTheHeaviestOnTop() throws {
        let nodes = (1...12).map { node("n\($0)", weight: $0 % 4, label: "Node \(String(format: "%02d", $0))") }
        let tree = SVGTree(relations(center: node("c", weight: 0), nodes))
        let circles = tree.all("circle")
        let center = try #require(circles.last)
        #expect(center.attributes["cx"] == "240" && center.attributes["cy"] == "240")
        let first = try #require(circles.first)
        #expect(first.attributes["cx"] == "240" && first.attributes["cy"] == "122", "heaviest node at the top")
        #expect(tree.linkTitles.count == 13)
        let drawn = tree.elements.filter { $0.name == "title" && $0.ancestors.contains("a") }.map(\.text)
        #expect(
            drawn == [
                "Node 03", "Node 07", "Node 11", "Node 02", "Node 06", "Node 10", "Node 01", "Node 05", "Node 09", "Node 04", "Node 08",
                "Node 12", "C",
            ])
    }

    @Test func edgesFollowWeightAndMode() {
        let nodes = [node("a", weight: 5), node("b", weight: 1), node("d", weight: 2)]
        let edges = [
            RelationEdge(from: "c", to: "a", weight: 9), RelationEdge(from: "b", to: "c", weight: 1),
            RelationEdge(from: "a", to: "b", weight: 4), RelationEdge(from: "a", to: "ghost", weight: 7),
            RelationEdge(from: "a", to: "a", weight: 3),
        ]
        let star = SVGTree(relations(center: node("c", weight: 0), nodes, edges: edges)).all("path")
        #expect(star.map { $0.attributes["stroke-width"] } == ["1", "4"], "only the center's edges, lightest first")
        #expect(star.allSatisfy { $0.attributes["d"]?.contains("L") == true })
        let ring = SVGTree(relations(nodes, edges: edges)).all("path")
        #expect(ring.map { $0.attributes["stroke-width"] } == ["1.6"], "only edges between drawn nodes")
        #expect(ring.allSatisfy { $0.attributes["d"]?.contains("Q") == true })
    }

    @Test func limitKeepsTheHeaviestAndSaysHowManyWereLeftOut() {
        let nodes = (1...30).map { node("n\($0)", weight: $0) }
        let tree = SVGTree(relations(center: node("c", weight: 0), nodes, limit: 24))
        let hrefs = Set(tree.all("a").compactMap { $0.attributes["href"] })
        #expect(hrefs.count == 25)
        #expect(!hrefs.contains("../n6/index.html") && hrefs.contains("../n7/index.html"))
        #expect(tree.all("desc").first?.text == "Who is linked. 6 more left out.")
        let whole = SVGTree(relations(nodes, limit: 30))
        #expect(whole.all("desc").first?.text == "Who is linked.")
    }

    @Test func outputIsDeterministicAndTidy() {
        let nodes = (1...20).map { node("n\($0)", weight: $0 % 5, kind: ["person", "country", "media"][$0 % 3]) }
        let edges = (1...20).map { RelationEdge(from: "n\($0)", to: "n\($0 % 7 + 1)", weight: $0 % 4) }
        let svg = relations(nodes, edges: edges)
        #expect(svg == relations(nodes, edges: edges))
        #expect(svg == relations(nodes.reversed(), edges: edges.reversed()), "input order does not matter")
        expectTidyNumbers(svg)
        expectTidyNumbers(relations(center: node("c", weight: 0), Array(nodes.prefix(5))))
    }
}

@Suite struct MapSVGTests {
    /// A map of three squares and a coarse land, as `scripts/make-world-map` writes them.
    static let map = WorldMap(
        width: 100, height: 50, land: "M0 0l25 0 0 12z", landScale: 4,
        countries: [
            .init(code: "FR", name: "France", minX: 10, minY: 10, maxX: 30, maxY: 30, path: "M10 10l20 0 0 20-20 0z"),
            .init(code: "BH", name: "Bahrain", minX: 60, minY: 20, maxX: 62, maxY: 22, path: "M60 20l2 0 0 2z"),
            .init(code: "NO", name: "Norway", minX: 40, minY: 0, maxX: 60, maxY: 10, path: "M40 0l20 0 0 10z"),
        ])

    private func country(_ code: String, _ title: String, events: Int) -> MapCountry {
        MapCountry(code: code, title: title, url: "../\(code.lowercased())/index.html", events: events)
    }

    private func render(_ countries: [MapCountry]) -> String {
        MapSVG.render(
            Self.map, countries: countries, shading: MapShading(busiest: countries.map(\.events).max() ?? 0), title: "Map",
            description: "Countries.", idPrefix: "m", labels: .english)
    }

    @Test func shadesDoubleAndWidenWithTheBusiestCountry() {
        let small = MapShading(busiest: 10)
        #expect([0, 1, 2, 3, 4, 7, 8, 500].map(small.level) == [0, 1, 2, 2, 3, 3, 4, 4])
        #expect(small.ranges.map { "\($0.from)–\($0.to.map(String.init) ?? "")" } == ["0–0", "1–1", "2–3", "4–7", "8–"])
        let large = MapShading(busiest: 100)
        #expect(large.bounds == [1, 16, 32, 64])
        #expect([0, 1, 15, 16, 31, 32, 63, 64, 100].map(large.level) == [0, 1, 1, 2, 2, 3, 3, 4, 4])
        #expect(MapShading(busiest: 15).bounds == [1, 2, 4, 8] && MapShading(busiest: 16).bounds == [1, 4, 8, 16])
        #expect(MapShading(busiest: 0).bounds == [1, 2, 4, 8])
    }

    @Test func onlyTheReportsCountriesAreLinksShadedByTheirEvents() throws {
        let svg = render([country("FR", "France", events: 8), country("NO", "Norway", events: 0), country("SG", "Singapore", events: 3)])
        let tree = SVGTree(svg)
        let root = try #require(tree.elements.first)
        #expect(root.attributes["role"] == "group" && root.attributes["viewBox"] == "0 0 100 50")
        #expect(tree.linkTitles == ["../fr/index.html": ["France: 8 events"], "../no/index.html": ["Norway: 0 events"]])
        let paths = tree.all("path")
        #expect(paths.map { $0.attributes["class"] ?? "" } == ["map-none", "map-4", "map-0"])
        // Bahrain has no page: drawn, plain, not a link; Singapore has no shape: not drawn.
        #expect(paths[0].attributes["d"] == "M60 20l2 0 0 2z" && paths[0].ancestors == ["svg"])
        #expect(paths[1].ancestors == ["svg", "a"] && paths[1].attributes["d"] == "M10 10l20 0 0 20-20 0z")
        #expect(tree.elements.allSatisfy { $0.attributes["style"] == nil })
    }

    @Test func hostileTitlesAndURLsAreEscaped() {
        let svg = MapSVG.render(
            Self.map, countries: [MapCountry(code: "FR", title: hostile, url: hostileURL, events: 1)],
            shading: MapShading(busiest: 1), title: hostile, description: hostile, idPrefix: "a b", labels: .english)
        expectHarmless(svg)
        #expect(SVGTree(svg).linkTitles[hostileURL] == ["\(hostile): 1 event"])
    }

    @Test func outputIsDeterministic() {
        let countries = [country("NO", "Norway", events: 2), country("FR", "France", events: 5)]
        #expect(render(countries) == render(countries))
        #expect(render(countries) == render(countries.reversed()), "input order does not matter")
    }

    @Test func locatorMarksTheCountryAndRingsASmallOne() throws {
        let france = SVGTree(try #require(MapSVG.locator(Self.map, code: "FR")))
        let root = try #require(france.elements.first)
        #expect(root.attributes["aria-hidden"] == "true" && root.attributes["viewBox"] == "0 0 25 12.5")
        #expect(france.all("path").map { $0.attributes["class"] ?? "" } == ["map-land", "map-here"])
        #expect(france.all("path")[1].attributes["transform"] == "scale(0.25)")
        #expect(france.all("circle").isEmpty && france.all("a").isEmpty)
        let bahrain = SVGTree(try #require(MapSVG.locator(Self.map, code: "BH")))
        let ring = try #require(bahrain.all("circle").first)
        #expect(ring.attributes["cx"] == "15.3" && ring.attributes["cy"] == "5.3")
        #expect(MapSVG.locator(Self.map, code: "SG") == nil)
    }

    /// The home page's map and the table beside it show the same countries and numbers.
    @Test func tableBesideTheMapMatchesIt() throws {
        let site = try JSONTextTests.site(Fixture.content)
        var diagnostics = Diagnostics()
        let theme = try #require(Theme.load(from: Fixture.templates, languages: ["en"], &diagnostics))
        let map = try #require(theme.map)
        let builder = ViewBuilder(
            site: site, renderBody: { _, _ in "" }, partials: PartialCache(theme: theme), labels: theme.labels, map: map)
        var view: View = [:]
        builder.worldMap(path: "index.html", idPrefix: "home-map", description: "", into: &view)
        let rows = try #require(view["mapRows"] as? [View])
        #expect(rows.count == site.entries(of: .country).count && rows.count > 10)
        let links = SVGTree(try #require(view["mapSVG"] as? String)).linkTitles
        var onMap = 0
        for row in rows {
            let url = try #require(row["url"] as? String), title = try #require(row["title"] as? String)
            let events = try #require(row["events"] as? Int)
            if row["onMap"] as? Bool == true {
                onMap += 1
                #expect(links[url] == ["\(title): \(Labels.english.count(events, .event))"])
            } else {
                #expect(links[url] == nil)
            }
        }
        #expect(links.count == onMap && onMap < rows.count, "Bahrain and Singapore are too small for the map")
        let counts = rows.compactMap { $0["events"] as? Int }
        #expect(counts == counts.sorted(by: >), "most events first")
    }
}

@Suite struct WorldMapFileTests {
    /// The real theme with its map replaced (nil: removed); the diagnostics and the map.
    private func load(_ text: String?) throws -> (lines: [String], map: WorldMap?) {
        try Fixture.withTemporaryFolder { folder in
            let theme = folder.appendingPathComponent("templates")
            try FileManager.default.copyItem(at: Fixture.templates, to: theme)
            let file = theme.appendingPathComponent(WorldMap.file)
            if let text { try Data(text.utf8).write(to: file) } else { try FileManager.default.removeItem(at: file) }
            var diagnostics = Diagnostics()
            let loaded = Theme.load(from: theme, languages: ["en"], &diagnostics)
            return (Fixture.lines(diagnostics, relativeTo: theme), loaded?.map)
        }
    }

    @Test func theThemesMapCoversTheContentsLargerCountries() throws {
        var diagnostics = Diagnostics()
        let map = try #require(Theme.load(from: Fixture.templates, languages: ["en"], &diagnostics)?.map)
        #expect(diagnostics.all.isEmpty)
        #expect(map.countries.count > 150 && map.width == 1000)
        for code in ["FR", "NO", "US", "IL", "PS", "CY", "SO"] { #expect(map[code] != nil, "\(code)") }
        #expect(map["AQ"] == nil && map["SG"] == nil && map["BH"] == nil)
    }

    @Test func missingMapIsAnErrorNamingTheFile() throws {
        let result = try load(nil)
        #expect(
            result.lines == [
                "map/world.json: error: missing world map: the theme's maps are drawn from this file (scripts/make-world-map writes it)"
            ])
        #expect(result.map == nil)
    }

    @Test(arguments: [
        ("{\"viewBox\": [0, 0, 10", "not valid JSON"),
        ("[]", "not a JSON object"),
        ("{\"viewBox\": [0, 0, 10, 5], \"landScale\": 4, \"countries\": []}", "'land' is missing"),
        (
            "{\"viewBox\": [0, 0, 10, 5], \"landScale\": 4, \"land\": \"M0 0z\", \"countries\": [{\"code\": \"FR\"}]}",
            "'countries[0].name' is missing"
        ),
        ("{\"viewBox\": [0, 0, 10, 5], \"landScale\": \"4\", \"land\": \"M0 0z\", \"countries\": []}", "'landScale' has the wrong type"),
        ("{\"viewBox\": [0, 0, 0, 5], \"landScale\": 4, \"land\": \"M0 0z\", \"countries\": []}", Messages.worldMapBadViewBox),
        ("{\"viewBox\": [0, 0, 10, 5], \"landScale\": 4, \"land\": \"<script>\", \"countries\": []}", Messages.worldMapBadLand),
        (
            "{\"viewBox\": [0, 0, 10, 5], \"landScale\": 4, \"land\": \"M0 0z\", \"countries\": [{\"code\": \"fr\", \"name\": \"F\", \"box\": [0, 0, 1, 1], \"d\": \"M0 0z\"}]}",
            Messages.worldMapBadCode(number: 1)
        ),
        (
            "{\"viewBox\": [0, 0, 10, 5], \"landScale\": 4, \"land\": \"M0 0z\", \"countries\": [{\"code\": \"FR\", \"name\": \"F\", \"box\": [0, 0, 1, 1], \"d\": \"M0 0z\\\"/><script>\"}]}",
            Messages.worldMapBadCountry("FR")
        ),
    ])
    func malformedMapIsAnErrorNamingTheFile(_ text: String, _ detail: String) throws {
        let result = try load(text)
        #expect(result.lines == ["map/world.json: error: malformed world map: \(detail) (scripts/make-world-map writes this file)"])
        #expect(result.map == nil)
    }

    /// A build with a broken map stops with the error rather than a page without maps.
    @Test func buildStopsOnABrokenMap() throws {
        try Fixture.withTemporaryFolder { folder in
            let theme = folder.appendingPathComponent("templates")
            try FileManager.default.copyItem(at: Fixture.templates, to: theme)
            try Data("[]".utf8).write(to: theme.appendingPathComponent(WorldMap.file))
            let project = Project(
                content: GoldenSiteTests.site, templates: theme, output: folder.appendingPathComponent("public"))
            let result = try? Builder(project: project).build().get()
            #expect(result == nil)
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("public/index.html").path))
        }
    }
}
