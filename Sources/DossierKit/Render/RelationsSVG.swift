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
/// a center, or a ring of all nodes (an overview). Nodes sit on a ring of radius 118 around
/// (240, 240); the viewBox is cropped to what is drawn, labels included, and the `<svg>`'s
/// width and height are the viewBox's, so it is drawn at one pixel per unit where there is
/// room and shrinks where there is not. Every colour and size comes from `assets/charts.css`.
enum RelationsSVG {
    private static let size = 480.0, ring = 118.0, centerRadius = 14.0
    // Labels are drawn at this many units (charts.css), in lines this far apart.
    static let fontSize = 14.0, lineHeight = 1.2
    // A label is broken at spaces into at most `labelLines` lines no wider than `lineWidth`
    // (estimated, about 20 to 26 characters); the rest becomes "…". Its full text is the
    // node's <title> and is in the list beside the picture.
    static let lineWidth = 12 * fontSize, labelLines = 2
    // Up to this many nodes the labels stay level; beyond it they run along the radius.
    private static let levelLabels = 8
    // Room around what is drawn: the labels' halo (charts.css) and a hovered dot's stroke.
    private static let padding = 4.0

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
        title: String, description: String, idPrefix: String, labels: Labels, limit: Int = 24, omitted: Int = 0
    ) -> String {
        let ranked = rank(nodes.filter { $0.id != center?.id })
        guard !ranked.isEmpty else { return "" }
        let placed = place(Array(ranked.prefix(max(limit, 1))))
        let leftOut = ranked.count - placed.count + omitted
        let note = leftOut > 0 ? labels.count(leftOut, "relations_left_out") : ""
        var points = Dictionary(uniqueKeysWithValues: placed.map { ($0.node.id, ($0.x, $0.y)) })
        if let center { points[center.id] = (size / 2, size / 2) }
        let id = elementID(idPrefix), level = placed.count <= levelLabels
        var labels = placed.map { ringLabel($0, level: level) }
        var bounds = Bounds()
        for node in placed { bounds.add(circle: node.x, node.y, node.radius) }
        if let center {
            bounds.add(circle: size / 2, size / 2, centerRadius)
            let y = size / 2 + centerRadius + 5
            labels.append(Label(lines(center.label, bold: true), x: size / 2, y: y, anchor: "middle", baseline: "hanging", bold: true))
        }
        for label in labels { bounds.add(label) }
        let box = bounds.box(padding: padding)
        var svg = SVGText(capacity: 2048 + 512 * placed.count)
        svg.open(
            kind: "chart-relations", viewBox: box, fontSize: "14", id: id, title: title,
            description: [description, note].filter { !$0.isEmpty }.joined(separator: " "), sized: true)
        edgeMarkup(edges, points: points, centerID: center?.id, into: &svg)
        svg.raw("<g class=\"rel-nodes\">")
        for (index, node) in placed.enumerated() {
            nodeMarkup(node.node, x: node.x, y: node.y, radius: node.radius, into: &svg) { svg in
                text(labels[index], into: &svg)
            }
        }
        if let center, let label = labels.last {
            nodeMarkup(center, x: size / 2, y: size / 2, radius: centerRadius, extra: " rel-center", into: &svg) { svg in
                text(label, into: &svg)
            }
        }
        svg.raw("</g></svg>")
        return svg.text
    }

    /// A label as drawn: its lines, where it is anchored, and its turn (degrees about x, y).
    struct Label {
        let lines: [String]
        let x: Double, y: Double
        let anchor: StaticString, baseline: StaticString
        var rotate: Double? = nil
        var bold = false

        init(
            _ lines: [String], x: Double, y: Double, anchor: StaticString, baseline: StaticString, rotate: Double? = nil,
            bold: Bool = false
        ) {
            (self.lines, self.x, self.y, self.anchor, self.baseline, self.rotate, self.bold) =
                (lines, x, y, anchor, baseline, rotate, bold)
        }

        /// The first line's offset from `y`, in ems: the block of lines is centred on a central
        /// baseline, grows upward from an alphabetic one and downward from a hanging one.
        var firstLineShift: Double {
            let extra = Double(lines.count - 1) * RelationsSVG.lineHeight
            switch baseline.description {
            case "central": return -extra / 2
            case "auto": return -extra
            default: return 0
            }
        }

        /// Corners of the box the label's glyphs are estimated to fill, turned as drawn.
        var corners: [(Double, Double)] {
            let em = RelationsSVG.fontSize
            let width = lines.map { TextWidth.of($0, fontSize: em, bold: bold) }.max() ?? 0
            let left = anchor.description == "start" ? x : anchor.description == "end" ? x - width : x - width / 2
            // A line reaches about 0.6 em either side of a central baseline, 1 em above an
            // alphabetic one (0.3 below), 1.2 em below a hanging one.
            let (above, below): (Double, Double) =
                switch baseline.description {
                case "central": (0.6, 0.6)
                case "auto": (1, 0.3)
                default: (0.1, 1.2)
                }
            let first = y + firstLineShift * em
            let top = first - above * em
            let bottom = first + (Double(lines.count - 1) * RelationsSVG.lineHeight + below) * em
            let box = [(left, top), (left + width, top), (left, bottom), (left + width, bottom)]
            guard let rotate else { return box }
            let (cosine, sine) = (cos(rotate * Double.pi / 180), sin(rotate * Double.pi / 180))
            return box.map { px, py in
                (x + (px - x) * cosine - (py - y) * sine, y + (px - x) * sine + (py - y) * cosine)
            }
        }
    }

    /// The smallest box around what is drawn.
    private struct Bounds {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity

        mutating func add(_ x: Double, _ y: Double) {
            (minX, minY, maxX, maxY) = (min(minX, x), min(minY, y), max(maxX, x), max(maxY, y))
        }

        mutating func add(circle x: Double, _ y: Double, _ radius: Double) {
            add(x - radius, y - radius)
            add(x + radius, y + radius)
        }

        mutating func add(_ label: Label) {
            for (x, y) in label.corners { add(x, y) }
        }

        // Whole units outward, so the numbers stay short and nothing is cut by rounding.
        func box(padding: Double) -> (x: Double, y: Double, width: Double, height: Double) {
            let x = (minX - padding).rounded(.down), y = (minY - padding).rounded(.down)
            return (x, y, (maxX + padding).rounded(.up) - x, (maxY + padding).rounded(.up) - y)
        }
    }

    /// `label` broken at spaces into at most `labelLines` lines of at most `lineWidth`
    /// (estimated); a word wider than a line, or the text beyond the last line, is cut and
    /// ends in "…". Lines are trimmed; an empty label is one empty line.
    static func lines(_ label: String, bold: Bool = false) -> [String] {
        func width(_ text: Substring) -> Double { TextWidth.of(text, fontSize: fontSize, bold: bold) }
        let words = label.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        var lines: [Substring] = []
        var current: Substring = ""
        for word in words {
            if current.isEmpty {
                current = word
            } else if width(current) + width(" ") + width(word) <= lineWidth {
                // The same characters, spaces as written: a slice of the label.
                current = label[current.startIndex..<word.endIndex]
            } else {
                lines.append(current)
                current = word
            }
        }
        lines.append(current)
        guard lines.count > labelLines else { return lines.map { fit($0, more: false, width: width) } }
        // The last line holds what of the rest fits.
        let last = label[lines[labelLines - 1].startIndex...]
        return lines.prefix(labelLines - 1).map { fit($0, more: false, width: width) } + [fit(last, more: true, width: width)]
    }

    // A line as drawn: whole when it fits and nothing is left out, else as much as fits with
    // "…", cut at the last space before it when there is one.
    private static func fit(_ line: Substring, more: Bool, width: (Substring) -> Double) -> String {
        if !more && width(line) <= lineWidth { return String(line) }
        let room = lineWidth - width("…")
        var end = line.startIndex, used = 0.0
        while end < line.endIndex {
            let next = line.index(after: end)
            used += width(line[end..<next])
            if used > room { break }
            end = next
        }
        var cut = line[..<end]
        if end < line.endIndex, line[end] != " ", let space = cut.lastIndex(of: " ") { cut = cut[..<space] }
        return trimmed(cut) + "…"
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
    private static func ringLabel(_ node: Placed, level: Bool) -> Label {
        let (cosine, sine) = (cos(node.angle), sin(node.angle))
        let out = ring + node.radius + 5
        let x = size / 2 + out * cosine, y = size / 2 + out * sine
        let lines = lines(node.node.label)
        if level {
            let anchor: StaticString = cosine > 0.3 ? "start" : cosine < -0.3 ? "end" : "middle"
            let baseline: StaticString = cosine > 0.3 || cosine < -0.3 ? "central" : sine < 0 ? "auto" : "hanging"
            return Label(lines, x: x, y: y, anchor: anchor, baseline: baseline)
        }
        let flip = cosine < 0
        let degrees = node.angle * 180 / Double.pi + (flip ? 180 : 0)
        return Label(lines, x: x, y: y, anchor: flip ? "end" : "start", baseline: "central", rotate: degrees)
    }

    // One <text>, a <tspan> per line; each line starts again at x.
    private static func text(_ label: Label, into svg: inout SVGText) {
        svg.raw("<text class=\"rel-label\" x=\"")
        svg.number(label.x)
        svg.raw("\" y=\"")
        svg.number(label.y)
        svg.raw("\" text-anchor=\"")
        svg.raw(label.anchor)
        svg.raw("\" dominant-baseline=\"")
        svg.raw(label.baseline)
        svg.raw("\"")
        if let rotate = label.rotate {
            svg.raw(" transform=\"rotate(")
            svg.number(rotate)
            svg.raw(" ")
            svg.number(label.x)
            svg.raw(" ")
            svg.number(label.y)
            svg.raw(")\"")
        }
        svg.raw(">")
        if label.lines.count == 1 {
            svg.escaped(label.lines[0])
        } else {
            for (index, line) in label.lines.enumerated() {
                svg.raw("<tspan x=\"")
                svg.number(label.x)
                svg.raw("\" dy=\"")
                svg.number(index == 0 ? label.firstLineShift : lineHeight)
                svg.raw("em\">")
                svg.escaped(line)
                svg.raw("</tspan>")
            }
        }
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
