import Foundation

/// One event on a timeline.
struct TimelineItem: Sendable {
    let date: PartialDate
    let endDate: PartialDate?
    let title: String
    /// Relative URL of the event's page, as the page holding the picture links to it.
    let url: String
    /// `confirmed`, `reported`, `alleged`, `disputed` or `denied`; anything else is drawn as `tl-other`.
    let status: String
}

/// Events on a horizontal time axis as an inline `<svg>`, drawn at build time: 720 units wide,
/// as tall as its rows need; every colour and size comes from `assets/charts.css`.
enum TimelineSVG {
    private static let width = 720.0, margin = 28.0, top = 8.0
    private static let rowPitch = 18.0, markHeight = 12.0, pointRadius = 6.0, gap = 3.0
    // Dates known only to the year or month sit in thinner rows of their own, under the rest.
    private static let vaguePitch = 12.0, vagueHeight = 8.0
    // A line of axis or legend text, roomy enough for the larger font charts.css uses on phones.
    private static let textRow = 26.0

    /// An `<svg role="group">` named by its `<title>`, described by its `<desc>` (ids start
    /// with `idPrefix`, reduced to `A-Z a-z 0-9 - _`; not role="img", whose children would hide
    /// the links: axe's nested-interactive). Day-precision dates are dots, `date…endDate` bars
    /// over the span; a date known only to the year or month, with no end date, is a pale
    /// dashed band over the period it could be in (`tl-vague`), in rows of its own below the
    /// others, so that it reads as uncertain rather than long, and has a legend entry. Marks
    /// are stacked in rows so they never overlap, each a link titled "date – title (status)".
    /// Returns "" for no items.
    static func render(_ items: [TimelineItem], title: String, description: String, idPrefix: String, labels: Labels) -> String {
        guard !items.isEmpty else { return "" }
        let scale = Scale(items)
        let all = items.map { Mark($0, scale) }
        let sharp = stack(all.filter { !$0.isVague }), rows = sharp.map { $0.row + 1 }.max() ?? 0
        let vague = stack(all.filter(\.isVague)).map { mark in
            var mark = mark
            mark.y = top + Double(rows) * rowPitch + Double(mark.row) * vaguePitch + (rows > 0 ? 2 : 0)
            return mark
        }
        let marks = sharp + vague
        let vagueRows = vague.map { $0.row + 1 }.max() ?? 0
        let axisY = top + Double(rows) * rowPitch + Double(vagueRows) * vaguePitch + (rows > 0 && vagueRows > 0 ? 4 : 2)
        let legendY = axisY + 8 + Double(scale.labelsMonths ? 2 : 1) * textRow
        let legendRows = vague.isEmpty ? 1.0 : 2.0
        let id = elementID(idPrefix)
        var svg = SVGText(capacity: 4096 + 256 * marks.count)
        svg.open(
            kind: "chart-timeline", viewBox: (0, 0, width, legendY + legendRows * textRow), fontSize: "12", id: id, title: title,
            description: description)
        axis(scale, axisY: axisY, labels: labels, into: &svg)
        svg.raw("<g class=\"tl-marks\">")
        markup(marks, labels: labels, into: &svg)
        svg.raw("</g>")
        legend(items, vague: !vague.isEmpty, y: legendY, labels: labels, into: &svg)
        svg.raw("</svg>")
        return svg.text
    }

    /// Whole years `first..<last`, mapped onto the drawing width.
    private struct Scale {
        let first: Int, last: Int
        init(_ items: [TimelineItem]) {
            let spans = items.map(TimelineSVG.span)
            first = Int((spans.map(\.from).min() ?? 0).rounded(.down))
            last = max(Int((spans.map(\.to).max() ?? 0).rounded(.up)), first + 1)
        }
        var years: Int { last - first }
        var showsMonths: Bool { years <= 2 }
        var labelsMonths: Bool { years == 1 }
        func x(_ time: Double) -> Double { margin + (time - Double(first)) / Double(years) * (width - 2 * margin) }
    }

    /// One item's place: its horizontal extent in drawing units and its row.
    private struct Mark {
        let item: TimelineItem
        let x0: Double, x1: Double
        let isPoint: Bool, isVague: Bool
        var row = 0 {
            didSet { y = TimelineSVG.top + Double(row) * TimelineSVG.rowPitch }
        }
        var y = TimelineSVG.top
        init(_ item: TimelineItem, _ scale: Scale) {
            self.item = item
            let span = TimelineSVG.span(item)
            let from = scale.x(span.from)
            isPoint = item.endDate == nil && item.date.precision == .day
            isVague = item.endDate == nil && item.date.precision != .day
            x0 = isPoint ? from - pointRadius : from
            x1 = isPoint ? from + pointRadius : max(scale.x(span.to), from + 4)
        }
    }

    /// The time an item covers, in fractional years: from its date's start to the end of the
    /// period its date (or end date) names.
    private static func span(_ item: TimelineItem) -> (from: Double, to: Double) {
        (start(item.date), max(end(item.date), item.endDate.map(end) ?? 0))
    }

    private static func start(_ date: PartialDate) -> Double {
        guard let month = date.month else { return Double(date.year) }
        let day = Double((date.day ?? 1) - 1) / Double(PartialDate.daysIn(month: month, year: date.year))
        return Double(date.year) + (Double(month - 1) + day) / 12
    }

    private static func end(_ date: PartialDate) -> Double {
        guard let month = date.month else { return Double(date.year + 1) }
        guard date.day != nil else { return Double(date.year) + Double(month) / 12 }
        return start(date) + 1 / (12 * Double(PartialDate.daysIn(month: month, year: date.year)))
    }

    // Greedy first fit, left to right: a mark joins the first row it clears by `gap`.
    private static func stack(_ marks: [Mark]) -> [Mark] {
        let ordered = marks.sorted {
            ($0.x0, $0.x1, $0.item.title, $0.item.url) < ($1.x0, $1.x1, $1.item.title, $1.item.url)
        }
        var rowEnds: [Double] = []
        return ordered.map { mark in
            var mark = mark
            mark.row = rowEnds.firstIndex { $0 + gap <= mark.x0 } ?? rowEnds.count
            if mark.row == rowEnds.count { rowEnds.append(mark.x1) } else { rowEnds[mark.row] = mark.x1 }
            return mark
        }
    }

    /// Each mark as a link: `<a href><title>date – title (status)</title>`
    /// and a circle or a bar.
    private static func markup(_ marks: [Mark], labels: Labels, into svg: inout SVGText) {
        for mark in marks {
            let item = mark.item, y = mark.y
            var date = labels.date(item.date)
            if let end = item.endDate { date = labels.text("timeline_span", ["start": date, "end": labels.date(end)]) }
            let status = EventStatus(rawValue: item.status).map(labels.status)
            let name = labels.text(
                status == nil ? "timeline_mark" : "timeline_mark_status", ["date": date, "title": item.title, "status": status ?? ""])
            svg.raw("<a href=\"")
            svg.escaped(item.url)
            svg.raw("\"><title>")
            svg.escaped(name)
            svg.raw(
                mark.isPoint
                    ? "</title><circle class=\"tl-mark "
                    : mark.isVague ? "</title><rect class=\"tl-vague " : "</title><rect class=\"tl-mark ")
            statusClass(item.status, into: &svg)
            if mark.isPoint {
                svg.raw("\" cx=\"")
                svg.number(mark.x0 + pointRadius)
                svg.raw("\" cy=\"")
                svg.number(y + markHeight / 2)
                svg.raw("\" r=\"")
                svg.number(pointRadius)
            } else {
                svg.raw("\" x=\"")
                svg.number(mark.x0)
                svg.raw("\" y=\"")
                svg.number(y)
                svg.raw("\" width=\"")
                svg.number(mark.x1 - mark.x0)
                svg.raw("\" height=\"")
                svg.number(mark.isVague ? vagueHeight : markHeight)
                svg.raw("\" rx=\"2")
            }
            svg.raw("\"/></a>")
        }
    }

    // Baseline, year ticks with faint gridlines (thinned out over long spans), month ticks over short ones.
    private static func axis(_ scale: Scale, axisY: Double, labels words: Labels, into svg: inout SVGText) {
        let step = [1, 2, 5, 10, 20, 50, 100, 200, 500].first { Double(scale.years) / Double($0) <= 8 } ?? 1000
        svg.raw("<g class=\"tl-axis\">")
        line("tl-baseline", margin, axisY, width - margin, axisY, into: &svg)
        if scale.showsMonths {
            for month in 1..<(scale.years * 12) where month % 12 != 0 {
                let x = scale.x(Double(scale.first) + Double(month) / 12)
                line("tl-tick tl-tick-minor", x, axisY, x, axisY + 3, into: &svg)
            }
        }
        for year in scale.first...scale.last where year % step == 0 || scale.years <= 40 {
            let x = scale.x(Double(year)), major = year % step == 0
            if major { line("tl-grid", x, top, x, axisY, into: &svg) }
            line(major ? "tl-tick" : "tl-tick tl-tick-minor", x, axisY, x, axisY + (major ? 6 : 3), into: &svg)
        }
        labels(scale, step: step, y: axisY + 8, months: words, into: &svg)
        svg.raw("</g>")
    }

    // Year labels centred on their year when every year is labelled, else on the tick; month
    // names above them when the picture covers one year.
    private static func labels(_ scale: Scale, step: Int, y: Double, months: Labels, into svg: inout SVGText) {
        if scale.labelsMonths {
            for month in 1...12 {
                let x = scale.x(Double(scale.first) + (Double(month) - 0.5) / 12)
                text("tl-label", x, y, months.shortMonthName(month), into: &svg)
            }
        }
        let yearY = scale.labelsMonths ? y + textRow : y
        for year in scale.first...scale.last where year % step == 0 && (step > 1 || year < scale.last) {
            text("tl-label tl-year", scale.x(Double(year) + (step == 1 ? 0.5 : 0)), yearY, String(year), into: &svg)
        }
    }

    // A swatch and a word for each status present, so colour is never the only clue; on a
    // line of its own, the band of a vague date when there is one.
    private static func legend(_ items: [TimelineItem], vague: Bool, y: Double, labels: Labels, into svg: inout SVGText) {
        let present = EventStatus.allCases.filter { status in items.contains { $0.status == status.rawValue } }
        svg.raw("<g class=\"tl-legend\">")
        for (index, status) in present.enumerated() {
            let x = margin + Double(index) * 138
            svg.raw("<rect class=\"tl-mark tl-")
            svg.raw(status.rawValue)
            svg.raw("\" x=\"")
            svg.number(x)
            svg.raw("\" y=\"")
            svg.number(y + 4)
            svg.raw("\" width=\"10\" height=\"10\" rx=\"2\"/><text class=\"tl-legend-label\" x=\"")
            svg.number(x + 14)
            svg.raw("\" y=\"")
            svg.number(y + 9)
            svg.raw("\" dominant-baseline=\"central\">")
            svg.escaped(labels.status(status))
            svg.raw("</text>")
        }
        if vague {
            svg.raw("<rect class=\"tl-vague tl-other\" x=\"")
            svg.number(margin)
            svg.raw("\" y=\"")
            svg.number(y + textRow + 5)
            svg.raw("\" width=\"24\" height=\"8\" rx=\"2\"/><text class=\"tl-legend-label\" x=\"")
            svg.number(margin + 28)
            svg.raw("\" y=\"")
            svg.number(y + textRow + 9)
            svg.raw("\" dominant-baseline=\"central\">")
            svg.escaped(labels.text("timeline_vague_date"))
            svg.raw("</text>")
        }
        svg.raw("</g>")
    }

    private static func statusClass(_ status: String, into svg: inout SVGText) {
        if EventStatus(rawValue: status) != nil {
            svg.raw("tl-")
            svg.raw(status)
        } else {
            svg.raw("tl-other")
        }
    }

    private static func line(
        _ cls: StaticString, _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, into svg: inout SVGText
    ) {
        svg.raw("<line class=\"")
        svg.raw(cls)
        svg.raw("\" x1=\"")
        svg.number(x1)
        svg.raw("\" y1=\"")
        svg.number(y1)
        svg.raw("\" x2=\"")
        svg.number(x2)
        svg.raw("\" y2=\"")
        svg.number(y2)
        svg.raw("\"/>")
    }

    private static func text(_ cls: StaticString, _ x: Double, _ y: Double, _ content: String, into svg: inout SVGText) {
        svg.raw("<text class=\"")
        svg.raw(cls)
        svg.raw("\" x=\"")
        svg.number(x)
        svg.raw("\" y=\"")
        svg.number(y)
        svg.raw("\" text-anchor=\"middle\" dominant-baseline=\"hanging\">")
        svg.escaped(content)
        svg.raw("</text>")
    }

    private static func elementID(_ prefix: String) -> String { SVGMarkup.elementID(prefix, fallback: "timeline") }
}
