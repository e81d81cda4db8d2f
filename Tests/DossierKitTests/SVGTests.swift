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
    TimelineSVG.render(items, title: "Timeline", description: "Events by date.", idPrefix: "tl")
}

private func relations(
    center: RelationNode? = nil, _ nodes: [RelationNode], edges: [RelationEdge] = [], limit: Int = 24
)
    -> String
{
    RelationsSVG.render(
        center: center, nodes: nodes, edges: edges, title: "Relations", description: "Who is linked.", idPrefix: "rel",
        limit: limit)
}

/// The top of a timeline mark: a bar's y, or a dot's centre minus its radius.
private func top(_ element: SVGTree.Element) -> Double {
    if let y = element.attributes["y"] { return Double(y)! }
    return Double(element.attributes["cy"]!)! - Double(element.attributes["r"]!)!
}

private func marks(_ tree: SVGTree) -> [SVGTree.Element] {
    tree.elements.filter { $0.ancestors.contains("a") && ($0.name == "rect" || $0.name == "circle") }
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
            title: hostile, description: hostile, idPrefix: "a b\"<")
        expectHarmless(svg)
        let tree = SVGTree(svg)
        #expect(tree.linkTitles[hostileURL] == ["18 July 2021 – \(hostile) (alleged\" onclick=\"x)"])
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
        #expect(legend == ["Confirmed", "Denied"])
    }

    @Test func everyItemIsOneLinkToItsPage() {
        let items = (1...12).map { item("20\(10 + $0)-0\($0 % 9 + 1)", title: "Event \($0)", url: "../e\($0)/index.html") }
        let titles = SVGTree(timeline(items)).linkTitles
        #expect(titles.count == 12)
        for (index, item) in items.enumerated() {
            #expect(titles[item.url] == ["\(item.date.display) – Event \(index + 1) (confirmed)"])
        }
    }

    @Test func rangesAreDescribedFromStartToEnd() {
        let svg = timeline([item("2019-03", to: "2020", title: "War", url: "w.html", status: "reported")])
        #expect(SVGTree(svg).linkTitles["w.html"] == ["March 2019 to 2020 – War (reported)"])
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
        #expect(tops["later.html"] == tops["year.html"], "a later item reuses the first row")
    }

    @Test func barsSpanTheirPeriod() throws {
        let tree = SVGTree(timeline([item("2020", url: "y.html"), item("2021-02", url: "m.html"), item("2021-08-08", url: "d.html")]))
        let shapes = marks(tree)
        let year = try #require(Double(shapes[0].attributes["width"] ?? ""))
        let month = try #require(Double(shapes[1].attributes["width"] ?? ""))
        #expect(year == (720 - 2 * 28) / 2)
        #expect(abs(month - year / 12) <= 0.1)
        #expect(shapes[2].name == "circle", "a day is a dot")
    }

    @Test func axisLabelsFitTheSpan() {
        let short = SVGTree(timeline([item("2021-02", url: "a.html"), item("2021-11-30", url: "b.html")]))
        let shortLabels = short.all("text").filter { $0.attributes["class"]?.hasPrefix("tl-label") == true }.map(\.text)
        #expect(shortLabels == PartialDate.monthNames.map { String($0.prefix(3)) } + ["2021"])
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
            edges: [RelationEdge(from: "x", to: "y", weight: 1)], title: hostile, description: hostile, idPrefix: "r")
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
        let labels = tree.all("text").map(\.text)
        #expect(labels == ["Amnesty Inter…", "B", "C"])
        #expect(labels.allSatisfy { $0.count <= 14 })
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
