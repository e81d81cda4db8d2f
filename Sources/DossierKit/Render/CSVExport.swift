/// `data/<kind>.csv` and `data/relations.csv`: the same data as
/// report.json, flat, one file per kind (RFC 4180: CRLF, quoted fields).
enum CSVExport {
    static func files(for site: Site) -> [(path: String, text: String)] {
        files(for: DataExport(site: site))
    }

    static func files(for export: DataExport) -> [(path: String, text: String)] {
        var files: [(String, String)] = []
        for kind in Kind.allCases {
            let columns = columns(for: kind)
            var text = header(columns.map(\.name))
            // Read in place, not grouped into copies: an entity has two dozen fields.
            for entity in export.entities where entity.kind == kind.rawValue {
                row(columns.lazy.map { $0.value(entity) }, into: &text)
            }
            files.append(("data/\(kind.folder).csv", text))
        }
        var relations = header(["from", "to", "type"])
        // A `kind:slug` field never needs quotes (slugs are `a-z 0-9 -`)
        // nor a formula guard (it starts with the kind's name): written
        // piece by piece, without a string of its own.
        func key(_ page: PageKey) {
            relations += page.kind.rawValue
            relations += ":"
            relations += page.slug
        }
        for relation in export.relations {
            key(relation.from)
            relations += ","
            key(relation.to)
            relations += ","
            append(relation.type, to: &relations)
            relations += "\r\n"
        }
        files.append(("data/relations.csv", relations))
        return files
    }

    typealias Column = (name: String, value: (DataExport.EntityData) -> String)

    static func columns(for kind: Kind) -> [Column] {
        func list(_ items: [String]?) -> String { (items ?? []).joined(separator: "; ") }
        let common: [Column] = [
            ("slug", { $0.slug }), ("title", { $0.title }), ("url", { $0.url }), ("summary", { $0.summary ?? "" }),
        ]
        switch kind {
        case .actor:
            return common + [
                ("actor_kind", { $0.actorKind ?? "" }), ("role", { $0.role ?? "" }), ("aliases", { list($0.aliases) }),
                ("countries", { list($0.countries) }), ("affiliations", { list($0.affiliations) }),
            ]
        case .country:
            return common + [("code", { $0.code ?? "" }), ("region", { $0.region ?? "" })]
        case .event:
            return common + [
                ("date", { $0.date ?? "" }), ("end_date", { $0.endDate ?? "" }), ("status", { $0.status ?? "" }),
                ("actors", { list($0.actors) }), ("countries", { list($0.countries) }), ("sources", { list($0.sources) }),
            ]
        case .source:
            return common + [
                ("publisher", { $0.publisher ?? "" }), ("date", { $0.date ?? "" }), ("source_kind", { $0.sourceKind ?? "" }),
                ("source_url", { $0.sourceURL ?? "" }), ("archive_url", { $0.archiveURL ?? "" }),
                ("accessed", { $0.accessed ?? "" }), ("language", { $0.language ?? "" }),
                ("authors", { list($0.authors) }),
            ]
        case .page:
            return common
        }
    }

    private static func header(_ names: [String]) -> String {
        var text = ""
        row(names, into: &text)
        return text
    }

    /// One record: fields joined by commas, ended by CRLF.
    static func row(_ fields: some Sequence<String>, into text: inout String) {
        for (index, value) in fields.enumerated() {
            if index > 0 { text += "," }
            append(value, to: &text)
        }
        text += "\r\n"
    }

    /// A field quoted when it holds a comma, quote or line break; a leading
    /// `=`, `+`, `-`, `@`, tab or carriage return is prefixed with `'` so
    /// spreadsheets never run it (OWASP's list: some strip the blanks first).
    static func append(_ value: String, to text: inout String) {
        let formula = value.utf8.first.map { "=+-@\t\r".utf8.contains($0) } ?? false
        let quoted = value.containsUTF8 { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
        if quoted { text += "\"" }
        if formula { text += "'" }
        text += quoted ? value.replacingOccurrences(of: "\"", with: "\"\"") : value
        if quoted { text += "\"" }
    }
}
