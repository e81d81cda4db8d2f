import Foundation
import Mustache

/// The reader-facing words of one language, from the theme's
/// `i18n/<language>.yaml` (`LabelFile`). Templates include a label as a
/// partial, `{{> i18n/key}}`, so that a sentence may place the page's values
/// (`{{count}}`, a link) where its language puts them; the code asks here for
/// the words it puts into views, titles and pictures (`codeKeys`).
///
/// Dates and plural forms come from the platform's locale data (ICU through
/// Foundation), for the file's `locale`.
struct Labels: Sendable {
    /// The language's code, as `site.yaml` names it (`fr`).
    let language: String
    /// The labels file, as diagnostics name it.
    let path: String
    let locale: Locale
    /// `rtl` for a language written right to left, else `ltr`.
    let direction: String
    /// Each label as a template: the label's text, or its plural forms by
    /// CLDR category (`one`, `other`, ...).
    private let texts: [String: Text]
    /// Each text label rendered without values, made once: most of the
    /// code's labels (kinds, statuses) take none, and are asked for on
    /// every link of every page.
    private let fixed: [String: String]
    /// Dates written so far: ICU formats one in microseconds, and a report
    /// of 10,000 events writes each of its few thousand dates many times.
    private let dates = Mutex<[PartialDate: String]>([:])
    private let plurals: PluralRules
    /// The letters that name a source's back-links (label `backlink_letters`), spaces left out.
    let letters: [Character]
    private let dayStyle: Date.FormatStyle
    private let monthStyle: Date.FormatStyle
    private let shortMonthStyle: Date.FormatStyle
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    enum Text: Sendable {
        case text(Template)
        case plural([String: Template])
    }

    /// A label for the code: its Mustache template and, when the label
    /// holds no tag but `{{name}}`, its pieces, joined without Mustache (a
    /// timeline's every mark asks for a label).
    struct Template: Sendable {
        private let template: MustacheTemplate
        private let pieces: [Piece]?

        private enum Piece: Sendable {
            case text(String)
            case value(String)
        }

        /// `source`: the label as written, parsed as plain text into `template`.
        init(_ template: MustacheTemplate, source: String) {
            self.template = template
            var pieces: [Piece] = []
            var rest = source[...]
            while let open = rest.range(of: "{{") {
                pieces.append(.text(String(rest[..<open.lowerBound])))
                guard let close = rest[open.upperBound...].range(of: "}}") else {
                    self.pieces = nil
                    return
                }
                let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                guard let first = name.first, first.isLetter || first == "_", name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" })
                else {
                    self.pieces = nil
                    return
                }
                pieces.append(.value(name))
                rest = rest[close.upperBound...]
            }
            pieces.append(.text(String(rest)))
            self.pieces = pieces
        }

        func render(_ values: [String: String]) -> String {
            guard let pieces else { return template.render(values) }
            var text = ""
            for piece in pieces {
                switch piece {
                case .text(let words): text += words
                case .value(let name): text += values[name] ?? ""
                }
            }
            return text
        }
    }

    init(language: String, path: String, locale: Locale, texts: [String: Text]) {
        self.language = language
        self.path = path
        self.locale = locale
        self.texts = texts
        fixed = texts.compactMapValues { text in
            guard case .text(let template) = text else { return nil }
            return template.render([String: String]())
        }
        direction = locale.language.characterDirection == .rightToLeft ? "rtl" : "ltr"
        plurals = PluralRules(locale: locale.identifier)
        if case .text(let template) = texts["backlink_letters"] {
            letters = template.render([String: String]()).filter { !$0.isWhitespace }
        } else {
            letters = []
        }
        let style = Date.FormatStyle(locale: locale, calendar: Self.calendar, timeZone: Self.calendar.timeZone)
        dayStyle = style.day().month(.wide).year()
        monthStyle = style.month(.wide).year()
        shortMonthStyle = style.month(.abbreviated)
    }

    func has(_ key: String) -> Bool { texts[key] != nil }

    /// `rtl` or `ltr`, for the language `code` names (ICU's locale data).
    static func direction(of code: String) -> String {
        Locale.Language(identifier: code).characterDirection == .rightToLeft ? "rtl" : "ltr"
    }

    /// The name of the language `code` in this language ("anglais" in French), from ICU.
    func languageName(_ code: String) -> String {
        locale.localizedString(forLanguageCode: code) ?? code
    }

    /// The name of the language `code` in itself ("français"), its first
    /// letter capitalized as that language does, from ICU: what a language
    /// switch shows, so that readers find their own.
    static func nativeName(_ code: String) -> String {
        let locale = Locale(identifier: code)
        guard let name = locale.localizedString(forLanguageCode: code), let first = name.first else { return code }
        return String(first).uppercased(with: locale) + name.dropFirst()
    }

    /// The label's text with `values` in place of its `{{names}}`. A
    /// label missing here was reported when the theme was checked; its key
    /// stands in for it.
    func text(_ key: String, _ values: [String: String] = [:]) -> String {
        if values.isEmpty, let text = fixed[key] { return text }
        return switch texts[key] {
        case .text(let template): template.render(values)
        case .plural(let forms): (forms["other"] ?? forms.values.first)?.render(values) ?? key
        case nil: key
        }
    }

    /// The plural form of `key` for `number` (`{{count}}` in it).
    func count(_ number: Int, _ key: String, _ values: [String: String] = [:]) -> String {
        var values = values
        values["count"] = String(number)
        guard case .plural(let forms) = texts[key] else { return text(key, values) }
        let form = forms[plurals.category(number)] ?? forms["other"]
        return form?.render(values) ?? key
    }

    /// A counting label's forms by CLDR category, as written (a script
    /// chooses among them: the search page's count).
    func forms(_ key: String) -> [(category: String, text: String)] {
        switch texts[key] {
        case .plural(let forms): forms.map { ($0.key, $0.value.render([String: String]())) }.sorted { $0.category < $1.category }
        case .text(let template): [("other", template.render([String: String]()))]
        case nil: [("other", key)]
        }
    }

    // MARK: Dates

    /// "2021", "novembre 2021", "3 novembre 2021": the precision written.
    func date(_ date: PartialDate) -> String {
        guard let month = date.month else { return String(date.year) }
        if let written = dates.withLock({ $0[date] }) { return written }
        let value = Self.day(date.year, month, date.day ?? 1)
        let written = value.formatted(date.day == nil ? monthStyle : dayStyle)
        dates.withLock { $0[date] = written }
        return written
    }

    /// A span: "18 July 2021", "July 2021 – March 2022".
    func span(_ start: PartialDate, _ end: PartialDate?) -> String {
        guard let end, end != start else { return date(start) }
        return text("date_range", ["start": date(start), "end": date(end)])
    }

    /// The month's short name ("Nov", "nov."), as a timeline's axis shows it.
    func shortMonthName(_ month: Int) -> String {
        Self.day(2001, month, 1).formatted(shortMonthStyle)
    }

    private static func day(_ year: Int, _ month: Int, _ day: Int) -> Date {
        calendar.date(from: DateComponents(year: year, month: month, day: day)) ?? Date(timeIntervalSince1970: 0)
    }

    // MARK: The format's vocabularies

    func actorKind(_ kind: ActorKind) -> String { text("actor_kind_" + kind.rawValue) }
    func actorKindPlural(_ kind: ActorKind) -> String { text("actor_kinds_" + kind.rawValue) }
    func status(_ status: EventStatus) -> String { text("status_" + status.rawValue) }
    func sourceKind(_ kind: SourceKind) -> String { text("source_kind_" + kind.rawValue) }
    func kind(_ kind: Kind) -> String { text("kind_" + kind.rawValue) }
    /// "Actors", "Events": an index's title.
    func kindPlural(_ kind: Kind) -> String { text("kinds_" + kind.rawValue) }
    /// What a media item is, as its page and lists say.
    func media(_ format: MediaFormat) -> String { text(format.isImage ? "media_image" : "media_document") }

    /// "1 actor", "37 actors".
    func count(_ number: Int, _ kind: Kind) -> String { count(number, "count_" + kind.rawValue) }

    /// "3.4 MB", "820 kB", "900 bytes" (decimal units, as file managers show).
    func byteSize(_ bytes: Int) -> String {
        if bytes >= 1_000_000 {
            let size = (Double(bytes) / 1_000_000).formatted(.number.precision(.fractionLength(1)).locale(locale))
            return text("size_megabytes", ["size": size])
        }
        if bytes >= 1_000 { return text("size_kilobytes", ["size": String(Int((Double(bytes) / 1_000).rounded()))]) }
        return count(bytes, "size_bytes")
    }

    /// A part of a split list (`ListParts`): "Events, 2021", "Events, 2021,
    /// page 2 of 5", "2021, page 2" (`list` nil: the part alone, as its
    /// neighbours name it), "Page 2 of 3" (a list not by year).
    func listPart(_ list: String?, year: Int?, page: Int, pages: Int) -> String {
        var words = list.map { [$0] } ?? []
        if let year { words.append(String(year)) }
        if pages > 1 {
            let values = ["page": String(page), "pages": String(pages)]
            words.append(text(words.isEmpty ? "list_page_alone" : "list_page", values))
        }
        return words.joined(separator: text("list_separator"))
    }

    /// The title of an entry's complete list: "NSO Group: events", ...
    func entryList(_ title: String, _ list: ListParts.EntryList) -> String {
        text("entry_list_" + list.rawValue.replacingOccurrences(of: "-", with: "_"), ["title": title])
    }

    /// Every key the code asks for; each language's file must have them all.
    static var codeKeys: [String] {
        ActorKind.allCases.flatMap { ["actor_kind_" + $0.rawValue, "actor_kinds_" + $0.rawValue] }
            + EventStatus.allCases.map { "status_" + $0.rawValue }
            + SourceKind.allCases.map { "source_kind_" + $0.rawValue }
            + Kind.allCases.flatMap { ["kind_" + $0.rawValue, "kinds_" + $0.rawValue, "count_" + $0.rawValue] }
            + ListParts.EntryList.allCases.map { "entry_list_" + $0.rawValue.replacingOccurrences(of: "-", with: "_") }
            + fixedKeys
    }

    /// Keys whose value may be a set of plural forms (each is given `{{count}}`).
    static var pluralKeys: Set<String> {
        Set(Kind.allCases.map { "count_" + $0.rawValue })
            .union(["size_bytes", "timeline_all", "connection_weight", "relations_left_out", "map_country", "search_results"])
    }

    private static let fixedKeys = [
        "media_image", "media_document", "size_megabytes", "size_kilobytes", "size_bytes", "date_range", "list_separator",
        "list_page", "list_page_alone", "month_not_given", "document_title", "timeline", "relations", "search", "page_not_found",
        "timeline_of", "timeline_all", "timeline_latest", "timeline_span", "timeline_mark", "timeline_mark_status",
        "timeline_vague_date", "backlink_letters", "connections_of", "connections_description", "connection_weight", "relations_title",
        "relations_description", "relations_left_out", "map_title", "map_description", "map_country", "search_results",
    ]
}
