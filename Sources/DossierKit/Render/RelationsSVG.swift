import Foundation

/// One node of a relations picture: an actor or a country.
struct RelationNode: Sendable {
    let id: String
    let label: String
    /// Relative URL of the node's page, as the page holding the picture links to it.
    let url: String
    /// An actor kind (`person`, `company`, ...) or `country`; anything else is drawn as `rel-kind-other`.
    let kind: String
    /// How strongly it is related (e.g. shared events): sets the order, the cap and the circle's size.
    let weight: Int
}

/// An undirected link between two nodes, by id.
struct RelationEdge: Sendable {
    let from: String
    let to: String
    let weight: Int
}

/// A network of actors and countries as an inline `<svg>`, drawn at build time: a star around
/// a center, or a ring of all nodes (an overview). The viewBox is 480 wide, 480 tall (300 with
/// eight nodes or fewer); every colour and size comes from `assets/charts.css`.
enum RelationsSVG {
    private static let size = 480.0, ring = 118.0, centerRadius = 14.0
    // Longest label drawn, ellipsis included; the full label is the node's <title>.
    private static let labelLength = 14
    // Up to this many nodes the labels stay level; beyond it they run along the radius.
    private static let levelLabels = 8

    /// An `<svg role="group">` named by its `<title>`, described by its `<desc>` (ids start
    /// with `idPrefix`, reduced to `A-Z a-z 0-9 - _`; see `TimelineSVG.render`). Nodes (not
    /// the center; duplicates by id keep the heaviest) are ranked by weight, then label; the
    /// first `limit` (at least 1) go
    /// clockwise from the top, and the `<desc>` says how many more were left out (`omitted`
    /// counts those the caller ranked lower and did not pass). With a
    /// `center`, only edges touching it are drawn; without, edges between shown nodes.
    /// Each node is a link with a circle and a label. Returns "" when no node but the center.
    static func render(
        center: RelationNode?, nodes: [RelationNode], edges: [RelationEdge],
        title: String, description: String, idPrefix: String, limit: Int = 24, omitted: Int = 0
    ) -> String {
        let ranked = rank(nodes.filter { $0.id != center?.id })
        guard !ranked.isEmpty else { return "" }
        let placed = place(Array(ranked.prefix(max(limit, 1))))
        let leftOut = ranked.count - placed.count + omitted
        let note = leftOut > 0 ? "\(leftOut) more left out." : ""
        var points = Dictionary(uniqueKeysWithValues: placed.map { ($0.node.id, ($0.x, $0.y)) })
        if let center { points[center.id] = (size / 2, size / 2) }
        let id = elementID(idPrefix), level = placed.count <= levelLabels
        // Level labels reach no higher or lower than 150 from the middle: crop the empty bands.
        let crop = level ? size / 2 - 150 : 0
        var svg = SVGText(capacity: 2048 + 512 * placed.count)
        svg.open(
            kind: "chart-relations", viewBox: (0, crop, size, size - 2 * crop), fontSize: "14", id: id, title: title,
            description: [description, note].filter { !$0.isEmpty }.joined(separator: " "))
        edgeMarkup(edges, points: points, centerID: center?.id, into: &svg)
        svg.raw("<g class=\"rel-nodes\">")
        for node in placed {
            nodeMarkup(node.node, x: node.x, y: node.y, radius: node.radius, into: &svg) { svg in
                ringLabel(node, level: level, into: &svg)
            }
        }
        if let center {
            nodeMarkup(center, x: size / 2, y: size / 2, radius: centerRadius, extra: " rel-center", into: &svg) { svg in
                text(center.label, x: size / 2, y: size / 2 + centerRadius + 5, "middle", "hanging", into: &svg)
            }
        }
        svg.raw("</g></svg>")
        return svg.text
    }

    /// A node on the ring: where it is, at which angle (radians, clockwise from +x), how big.
    private struct Placed {
        let node: RelationNode
        let x: Double, y: Double, angle: Double, radius: Double
    }

    // Heaviest first, then by label and id; one node per id, the heaviest.
    private static func rank(_ nodes: [RelationNode]) -> [RelationNode] {
        var best: [String: RelationNode] = [:]
        for node in nodes where best[node.id].map({ $0.weight < node.weight }) ?? true { best[node.id] = node }
        return best.values.sorted { ($1.weight, $0.label, $0.id) < ($0.weight, $1.label, $1.id) }
    }

    // Clockwise from the top; with few nodes, half a step round so none sits on the vertical
    // axis, where level labels would collide. Radius 5–11 by the square root of the weight.
    private static func place(_ nodes: [RelationNode]) -> [Placed] {
        let low = nodes.map(\.weight).min() ?? 0, high = nodes.map(\.weight).max() ?? 0
        let step = 2 * Double.pi / Double(nodes.count)
        let offset = nodes.count <= levelLabels ? step / 2 : 0
        return nodes.enumerated().map { index, node in
            let angle = -Double.pi / 2 + offset + Double(index) * step
            let share = high > low ? Double(node.weight - low) / Double(high - low) : 0.5
            return Placed(
                node: node, x: size / 2 + ring * cos(angle), y: size / 2 + ring * sin(angle),
                angle: angle, radius: 5 + 6 * share.squareRoot())
        }
    }

    // One line per pair of drawn nodes (the heaviest if repeated), lightest first so heavy
    // ones lie on top; stroke width 1–4 by weight. Ring chords bow toward the middle.
    private static func edgeMarkup(
        _ edges: [RelationEdge], points: [String: (Double, Double)], centerID: String?, into svg: inout SVGText
    ) {
        struct Pair: Hashable {
            let first: String, second: String
        }
        var best: [Pair: Int] = [:]
        for edge in edges where edge.from != edge.to && points[edge.from] != nil && points[edge.to] != nil {
            if let centerID, edge.from != centerID, edge.to != centerID { continue }
            let pair = edge.from < edge.to ? Pair(first: edge.from, second: edge.to) : Pair(first: edge.to, second: edge.from)
            best[pair] = max(best[pair] ?? .min, edge.weight)
        }
        let kept = best.sorted { ($0.value, $0.key.first, $0.key.second) < ($1.value, $1.key.first, $1.key.second) }
        let low = kept.first?.value ?? 0, high = kept.last?.value ?? 0
        svg.raw("<g class=\"rel-edges\">")
        for (pair, weight) in kept {
            guard let from = points[pair.first], let to = points[pair.second] else { continue }
            let (x1, y1) = from, (x2, y2) = to
            let share = high > low ? Double(weight - low) / Double(high - low) : 0.2
            svg.raw("<path class=\"rel-edge\" d=\"M")
            svg.number(x1)
            svg.raw(" ")
            svg.number(y1)
            svg.raw(" ")
            if centerID == nil {
                svg.raw("Q")
                svg.number(((x1 + x2) / 2 + size / 2) / 2)
                svg.raw(" ")
                svg.number(((y1 + y2) / 2 + size / 2) / 2)
                svg.raw(" ")
            } else {
                svg.raw("L")
            }
            svg.number(x2)
            svg.raw(" ")
            svg.number(y2)
            svg.raw("\" stroke-width=\"")
            svg.number(1 + 3 * share)
            svg.raw("\"/>")
        }
        svg.raw("</g>")
    }

    private static func nodeMarkup(
        _ node: RelationNode, x: Double, y: Double, radius: Double, extra: StaticString = "", into svg: inout SVGText,
        label: (inout SVGText) -> Void
    ) {
        let kind = ActorKind(rawValue: node.kind) != nil || node.kind == "country" ? node.kind : "other"
        svg.raw("<a href=\"")
        svg.escaped(node.url)
        svg.raw("\" class=\"rel-node rel-kind-")
        svg.raw(kind)
        svg.raw(extra)
        svg.raw("\"><title>")
        svg.escaped(node.label)
        svg.raw("</title><circle class=\"rel-dot\" cx=\"")
        svg.number(x)
        svg.raw("\" cy=\"")
        svg.number(y)
        svg.raw("\" r=\"")
        svg.number(radius)
        svg.raw("\"/>")
        label(&svg)
        svg.raw("</a>")
    }

    // Outside the ring: level and pointing away from the middle when few, along the radius
    // (turned so it never reads upside down) when many.
    private static func ringLabel(_ node: Placed, level: Bool, into svg: inout SVGText) {
        let (cosine, sine) = (cos(node.angle), sin(node.angle))
        let out = ring + node.radius + 5
        let x = size / 2 + out * cosine, y = size / 2 + out * sine
        if level {
            let anchor: StaticString = cosine > 0.3 ? "start" : cosine < -0.3 ? "end" : "middle"
            let baseline: StaticString = cosine > 0.3 || cosine < -0.3 ? "central" : sine < 0 ? "auto" : "hanging"
            return text(node.node.label, x: x, y: y, anchor, baseline, into: &svg)
        }
        let flip = cosine < 0
        let degrees = node.angle * 180 / Double.pi + (flip ? 180 : 0)
        text(node.node.label, x: x, y: y, flip ? "end" : "start", "central", rotate: degrees, into: &svg)
    }

    private static func text(
        _ label: String, x: Double, y: Double, _ anchor: StaticString, _ baseline: StaticString, rotate: Double? = nil,
        into svg: inout SVGText
    ) {
        // No more bytes than the limit means no more characters: most labels
        // are counted without breaking them into characters.
        let short =
            label.utf8.count > labelLength && label.count > labelLength
            ? trimmed(label.prefix(labelLength - 1)) + "…" : label
        svg.raw("<text class=\"rel-label\" x=\"")
        svg.number(x)
        svg.raw("\" y=\"")
        svg.number(y)
        svg.raw("\" text-anchor=\"")
        svg.raw(anchor)
        svg.raw("\" dominant-baseline=\"")
        svg.raw(baseline)
        svg.raw("\"")
        if let rotate {
            svg.raw(" transform=\"rotate(")
            svg.number(rotate)
            svg.raw(" ")
            svg.number(x)
            svg.raw(" ")
            svg.number(y)
            svg.raw(")\"")
        }
        svg.raw(">")
        svg.escaped(short)
        svg.raw("</text>")
    }

    /// `text` without spaces or tabs at either end: what Foundation's
    /// `trimmingCharacters(in: .whitespaces)` does (tab and the Unicode
    /// space separators), without bridging to `NSString`.
    static func trimmed(_ text: Substring) -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
        }
        var scalars = text.unicodeScalars[...]
        while let first = scalars.first, isSpace(first) { scalars.removeFirst() }
        while let last = scalars.last, isSpace(last) { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    private static func elementID(_ prefix: String) -> String { SVGMarkup.elementID(prefix, fallback: "relations") }
}
