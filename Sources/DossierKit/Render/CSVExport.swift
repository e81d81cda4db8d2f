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
            let rows = export.entities.filter { $0.kind == kind.rawValue }.map { entity in
                columns.map { value(of: $0, in: entity) }
            }
            files.append(("data/\(kind.folder).csv", table([columns] + rows)))
        }
        let relations = export.relations.map { [$0.from, $0.to, $0.type] }
        files.append(("data/relations.csv", table([["from", "to", "type"]] + relations)))
        return files
    }

    static func columns(for kind: Kind) -> [String] {
        let common = ["slug", "title", "url", "summary"]
        switch kind {
        case .actor: return common + ["actor_kind", "role", "aliases", "countries", "affiliations"]
        case .country: return common + ["code", "region"]
        case .event: return common + ["date", "end_date", "status", "actors", "countries", "sources"]
        case .source: return common + ["publisher", "date", "source_kind", "source_url", "archive_url", "accessed", "language", "authors"]
        case .page: return common
        }
    }

    private static func value(of column: String, in entity: DataExport.EntityData) -> String {
        func list(_ items: [String]?) -> String { (items ?? []).joined(separator: "; ") }
        switch column {
        case "slug": return entity.slug
        case "title": return entity.title
        case "url": return entity.url
        case "summary": return entity.summary ?? ""
        case "actor_kind": return entity.actorKind ?? ""
        case "role": return entity.role ?? ""
        case "aliases": return list(entity.aliases)
        case "countries": return list(entity.countries)
        case "affiliations": return list(entity.affiliations)
        case "code": return entity.code ?? ""
        case "region": return entity.region ?? ""
        case "date": return entity.date ?? ""
        case "end_date": return entity.endDate ?? ""
        case "status": return entity.status ?? ""
        case "actors": return list(entity.actors)
        case "sources": return list(entity.sources)
        case "publisher": return entity.publisher ?? ""
        case "source_kind": return entity.sourceKind ?? ""
        case "source_url": return entity.sourceURL ?? ""
        case "archive_url": return entity.archiveURL ?? ""
        case "accessed": return entity.accessed ?? ""
        case "language": return entity.language ?? ""
        case "authors": return list(entity.authors)
        default: return ""
        }
    }

    static func table(_ rows: [[String]]) -> String {
        rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// A field quoted when it holds a comma, quote or line break; a leading
    /// `=`, `+`, `-`, `@`, tab or carriage return is prefixed with `'` so
    /// spreadsheets never run it (OWASP's list: some strip the blanks first).
    static func field(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 })
        else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
