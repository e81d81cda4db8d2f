/// `data/<kind>.csv` and `data/relations.csv`: the same data as
/// report.json, flat, one file per kind (RFC 4180: CRLF, quoted fields).
enum CSVExport {
    static func files(for site: Site) -> [(path: String, bytes: [UInt8])] {
        files(for: DataExport(site: site))
    }

    static func files(for export: DataExport) -> [(path: String, bytes: [UInt8])] {
        var files: [(String, [UInt8])] = []
        for kind in Kind.allCases {
            let columns = columns(for: kind)
            var bytes = header(columns.map(\.name))
            // The kind read in place: `for entity in entities where` would
            // copy every entity (two dozen fields) once per kind to test it.
            let entities = export.entities
            for index in entities.indices where entities[index].kind == kind.rawValue {
                let entity = entities[index]
                row(columns.lazy.map { $0.value(entity) }, into: &bytes)
            }
            files.append(("data/\(kind.folder).csv", bytes))
        }
        // A `kind:slug` field never needs quotes (slugs are `a-z 0-9 -`)
        // nor a formula guard (it starts with the kind's name), nor does a
        // type: each written once, then copied into every line naming it.
        let keys = export.graph.keys.map { Array($0.description.utf8) }
        let types = RelationGraph.types.map { Array(",\($0)\r\n".utf8) }
        var relations = header(["from", "to", "type"])
        for edge in export.graph.edges {
            let (from, to, type) = RelationGraph.unpack(edge)
            relations += keys[from]
            relations.append(UInt8(ascii: ","))
            relations += keys[to]
            relations += types[type]
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
                ("authors", { list($0.authors) }), ("archive_date", { $0.archiveDate ?? "" }),
                ("url_status", { $0.urlStatus ?? "" }),
            ]
        case .page:
            return common
        case .media:
            return common + [
                ("file", { $0.file ?? "" }), ("media_type", { $0.mediaType ?? "" }),
                ("width", { $0.width.map(String.init) ?? "" }), ("height", { $0.height.map(String.init) ?? "" }),
                ("alt", { $0.alt ?? "" }), ("credit", { $0.credit ?? "" }), ("caption", { $0.caption ?? "" }),
                ("date", { $0.date ?? "" }), ("sources", { list($0.sources) }), ("license", { $0.license ?? "" }),
            ]
        }
    }

    private static func header(_ names: [String]) -> [UInt8] {
        var bytes: [UInt8] = []
        row(names, into: &bytes)
        return bytes
    }

    /// One record: fields joined by commas, ended by CRLF.
    static func row(_ fields: some Sequence<String>, into bytes: inout [UInt8]) {
        var first = true
        for value in fields {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            append(value, to: &bytes)
        }
        bytes += "\r\n".utf8
    }

    /// A field quoted when it holds a comma, quote or line break (a quote
    /// inside doubled); a leading `=`, `+`, `-`, `@`, tab or carriage return
    /// is prefixed with `'` so spreadsheets never run it (OWASP's list:
    /// some strip the blanks first).
    static func append(_ value: String, to bytes: inout [UInt8]) {
        let formula = value.utf8.first.map { "=+-@\t\r".utf8.contains($0) } ?? false
        let quoted = value.containsUTF8 { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
        if quoted { bytes.append(UInt8(ascii: "\"")) }
        if formula { bytes.append(UInt8(ascii: "'")) }
        if quoted {
            for byte in value.utf8 {
                if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                bytes.append(byte)
            }
            bytes.append(UInt8(ascii: "\""))
        } else {
            bytes += value.utf8
        }
    }
}
