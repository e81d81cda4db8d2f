import Foundation

/// Typed reads from one YAML mapping, with every value's file position.
/// Values are read as YAML 1.2 core-schema text (`code: NO` stays "NO");
/// keys never read are reported as unknown fields.
struct FieldReader {
    let path: String
    private let lineOffset: Int
    private let allowed: [String]
    private var fields: [String: YAMLPair] = [:]
    private var order: [String] = []
    private(set) var diagnostics = Diagnostics()
    /// Every reference read so far, kept so that a file with errors still
    /// has its references checked.
    private(set) var referencesRead: [Reference] = []
    /// Where a nested mapping (one `updates` item) starts, for its missing fields.
    private var start: SourceLocation?

    /// Parses `yaml` (whose first line is file line `lineOffset + 1`); nil
    /// with a diagnostic when it is not YAML or not a mapping.
    init?(yaml: String, path: String, lineOffset: Int, allowed: [String], _ outer: inout Diagnostics) {
        self.path = path
        self.lineOffset = lineOffset
        self.allowed = allowed
        if let (line, column) = YAMLAliasBudget.overrun(in: yaml) {
            let at = SourceLocation(path: path, line: line + lineOffset, column: column)
            outer.append(Messages.aliasBomb(limit: YAMLAliasBudget.limit, at: at))
            return nil
        }
        let root: YAMLNode?
        do {
            root = try YAMLTree.compose(yaml)
        } catch {
            outer.append(Messages.invalidYAML(error, path: path, lineOffset: lineOffset))
            return nil
        }
        guard let root else { return }  // empty: every field absent
        guard case .mapping(let pairs, _) = root else {
            outer.append(Messages.frontMatterNotMapping(at: location(of: root)))
            return nil
        }
        for pair in pairs {
            guard case .scalar(let name, _, _) = pair.key else {
                outer.append(Messages.fieldNameNotText(at: location(of: pair.key)))
                continue
            }
            fields[name] = pair
            order.append(name)
        }
    }

    /// The start of the block, for problems that have no value to point at.
    var blockStart: SourceLocation { start ?? SourceLocation(path: path, line: max(1, lineOffset), column: 1) }

    // MARK: - Typed reads

    /// Whether the field is written at all, even with a value that is wrong.
    func has(_ name: String) -> Bool { fields[name] != nil }

    /// Where field `name` is written; nil when it is not.
    func place(of name: String) -> SourceLocation? { fields[name].map { location(of: $0.key) } }

    /// Where a field's value is written, when the field is.
    func valueLocation(_ name: String) -> SourceLocation? {
        fields[name].map { location(of: $0.value) }
    }

    mutating func string(_ name: String, required: Bool = false) -> String? {
        guard let node = value(name, required: required) else { return nil }
        guard case .scalar(let text, _, _) = node else {
            diagnostics.append(Messages.wrongType(field: name, expected: "text", at: location(of: node)))
            return nil
        }
        if required, text.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            diagnostics.append(Messages.emptyField(name, at: location(of: node)))
            return nil
        }
        return text
    }

    /// A list of text items; each item with its position.
    mutating func list(_ name: String) -> [(text: String, location: SourceLocation)] {
        guard let node = value(name, required: false) else { return [] }
        guard case .sequence(let sequence, _) = node else {
            diagnostics.append(Messages.notAList(field: name, at: location(of: node)))
            return []
        }
        var items: [(String, SourceLocation)] = []
        for item in sequence {
            guard case .scalar(let text, _, _) = item, !Self.isNull(item) else {
                diagnostics.append(Messages.wrongType(field: name, expected: "a list of text items", at: location(of: item)))
                continue
            }
            items.append((text, location(of: item)))
        }
        return items
    }

    mutating func references(_ name: String, to kind: Kind) -> [Reference] {
        let references = list(name).map { Reference(kind: kind, slug: $0.text, location: $0.location, origin: .field(name)) }
        referencesRead += references
        return references
    }

    /// One reference written as a single slug (`source: citizen-lab`).
    mutating func reference(_ name: String, to kind: Kind) -> Reference? {
        guard let text = string(name), let node = fields[name]?.value else { return nil }
        let reference = Reference(kind: kind, slug: text, location: location(of: node), origin: .field(name))
        referencesRead.append(reference)
        return reference
    }

    /// Where a field's value is written (the block's start when it is absent).
    func valueLocation(_ name: String) -> SourceLocation {
        fields[name].map { location(of: $0.value) } ?? blockStart
    }

    mutating func date(_ name: String, required: Bool = false, dayOnly: Bool = false) -> PartialDate? {
        guard let text = string(name, required: required), let node = fields[name]?.value else { return nil }
        guard let date = PartialDate(text), !dayOnly || date.precision == .day else {
            diagnostics.append(Messages.invalidDate(text, field: name, dayOnly: dayOnly, at: location(of: node)))
            return nil
        }
        return date
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ name: String, required: Bool = false) -> T?
    where T.RawValue == String {
        guard let text = string(name, required: required), let node = fields[name]?.value else { return nil }
        guard let value = T(rawValue: text) else {
            let options = T.allCases.map(\.rawValue)
            diagnostics.append(Messages.invalidChoice(text, field: name, options: options, at: location(of: node)))
            return nil
        }
        return value
    }

    mutating func bool(_ name: String) -> Bool {
        guard let text = string(name), let node = fields[name]?.value else { return false }
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default:
            diagnostics.append(Messages.wrongType(field: name, expected: "true or false", at: location(of: node)))
            return false
        }
    }

    /// A whole number from `range`.
    mutating func integer(_ name: String, in range: ClosedRange<Int>) -> Int? {
        guard let text = string(name), let node = fields[name]?.value else { return nil }
        guard let number = Int(text), range.contains(number) else {
            diagnostics.append(
                Messages.wrongType(
                    field: name, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)", at: location(of: node)))
            return nil
        }
        return number
    }

    /// An absolute `http` or `https` URL.
    mutating func url(_ name: String) -> String? {
        guard let text = string(name), let node = fields[name]?.value else { return nil }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = url.host, !host.isEmpty
        else {
            diagnostics.append(Messages.invalidURL(text, field: name, at: location(of: node)))
            return nil
        }
        return text
    }

    /// A BCP 47 language tag such as `en` or `pt-BR`.
    mutating func language(_ name: String, required: Bool = false) -> String? {
        guard let text = string(name, required: required), let node = fields[name]?.value else { return nil }
        guard Self.isLanguageTag(text) else {
            diagnostics.append(Messages.invalidLanguage(text, field: name, at: location(of: node)))
            return nil
        }
        return text
    }

    /// `en`, `pt-BR`: the shape of a BCP 47 tag.
    static func isLanguageTag(_ text: String) -> Bool {
        text.range(of: #"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"#, options: .regularExpression) != nil
    }

    /// `updates: [{date: YYYY-MM-DD, note: text}]`, newest first.
    mutating func updates(_ name: String) -> [Update] {
        guard let node = value(name, required: false) else { return [] }
        guard case .sequence(let sequence, _) = node else {
            diagnostics.append(Messages.notAList(field: name, at: location(of: node)))
            return []
        }
        var updates: [Update] = []
        for item in sequence {
            guard case .mapping(let pairs, _) = item else {
                diagnostics.append(Messages.wrongType(field: name, expected: "a list of {date, note} entries", at: location(of: item)))
                continue
            }
            var yaml = [String: YAMLNode]()
            for pair in pairs { yaml[pair.key.text ?? ""] = pair.value }
            var entry = FieldReader(
                child: yaml, of: self, keys: pairs.map(\.key), allowed: ["date", "note"], start: location(of: item))
            let date = entry.date("date", required: true, dayOnly: true)
            let note = entry.string("note", required: true)
            entry.reportUnknownFields()
            diagnostics.append(contentsOf: entry.diagnostics)
            if let date, let note { updates.append(Update(date: date, note: note)) }
        }
        return updates.sorted { $0.date > $1.date }
    }

    /// Reports every key no read asked for, suggesting the closest known one.
    mutating func reportUnknownFields() {
        for name in order where !allowed.contains(name) {
            let suggestion = Suggestions.closest(to: name, in: allowed)
            let at = fields[name].map { location(of: $0.key) } ?? blockStart
            diagnostics.append(Messages.unknownField(name, suggestion: suggestion, at: at))
        }
    }

    mutating func appendDiagnostic(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Appends the diagnostic `make` builds at a field's value (or at the
    /// block's start when the field is absent).
    mutating func appendAtField(_ name: String, _ make: (SourceLocation) -> Diagnostic) {
        let at = fields[name].map { location(of: $0.value) } ?? blockStart
        diagnostics.append(make(at))
    }

    // MARK: - Helpers

    private init(
        child values: [String: YAMLNode], of parent: FieldReader, keys: [YAMLNode], allowed: [String], start: SourceLocation
    ) {
        path = parent.path
        lineOffset = parent.lineOffset
        self.start = start
        self.allowed = allowed
        for key in keys {
            guard let name = key.text, let value = values[name] else { continue }
            fields[name] = YAMLPair(key: key, value: value)
            order.append(name)
        }
    }

    /// The value of a field, or nil when it is absent or null (`~`, `null`,
    /// nothing); a missing required field is reported.
    private mutating func value(_ name: String, required: Bool) -> YAMLNode? {
        guard let node = fields[name]?.value, !Self.isNull(node) else {
            if required {
                let at = fields[name].map { location(of: $0.key) } ?? blockStart
                diagnostics.append(Messages.missingField(name, at: at))
            }
            return nil
        }
        return node
    }

    private static func isNull(_ node: YAMLNode) -> Bool {
        guard case .scalar(let text, plain: true, _) = node else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(text)
    }

    private func location(of node: YAMLNode) -> SourceLocation {
        SourceLocation(path: path, line: node.mark.line + lineOffset, column: node.mark.column)
    }
}
