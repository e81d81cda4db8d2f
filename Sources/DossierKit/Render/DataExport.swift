import Foundation

/// `data/report.json`: every published entity and every relation, for
/// researchers. The schema is versioned (`schema`) and documented in
/// docs/data.md; a field is only ever added within one version.
struct DataExport: Encodable, Sendable {
    static let schema = "dossier-report/1"

    struct SiteData: Encodable, Sendable {
        let title: String, description: String, language: String
        let baseURL: String?, author: String?
    }

    struct EntityData: Encodable, Sendable {
        let kind: String, slug: String, title: String, url: String
        let summary: String?
        let actorKind: String?, role: String?, aliases: [String]?, countries: [String]?, affiliations: [String]?
        let code: String?, region: String?
        let date: String?, endDate: String?, status: String?, actors: [String]?, sources: [String]?
        let publisher: String?, sourceKind: String?, sourceURL: String?, archiveURL: String?, accessed: String?
        let language: String?, authors: [String]?
        let updates: [UpdateData]?
    }

    struct UpdateData: Encodable, Sendable { let date: String, note: String }

    struct RelationData: Encodable, Sendable {
        /// The page that states the relation; written as `kind:slug`.
        let from: PageKey
        let to: PageKey
        /// `involves`, `belongs-to`, `affiliated-with` or `links-to`.
        let type: String

        private enum CodingKeys: String, CodingKey { case from, to, type }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(from.description, forKey: .from)
            try container.encode(to.description, forKey: .to)
            try container.encode(type, forKey: .type)
        }
    }

    let schema = DataExport.schema
    let site: SiteData
    let entities: [EntityData]
    let relations: [RelationData]

    init(site: Site) {
        let settings = site.settings
        self.site = SiteData(title: settings.title, description: settings.description, language: settings.language,
                             baseURL: settings.baseURL, author: settings.author)
        entities = Kind.allCases.flatMap { site.entries(of: $0) }.map(Self.entity)
        relations = Self.relations(of: site)
    }

    /// The file's text: compact JSON, keys sorted, and a final line break.
    func json() -> Data {
        Data(bytes())
    }

    /// The same as text, made from the bytes without a `Data` between.
    func text() -> String {
        String(decoding: bytes(), as: UTF8.self)
    }

    private func bytes() -> [UInt8] {
        var out = JSONWriter()
        write(into: &out)
        out.bytes.append(UInt8(ascii: "\n"))
        return out.bytes
    }

    /// The export as `JSONEncoder` writes it with `.sortedKeys`, written
    /// straight to bytes: members are written in that order here.
    func write(into out: inout JSONWriter) {
        out.object { out in
            out.array("entities", entities) { Self.write($1, into: &$0) }
            out.array("relations", relations) { out, relation in
                out.object { out in
                    out.member("from", relation.from)
                    out.member("to", relation.to)
                    out.member("type", relation.type)
                }
            }
            out.member("schema", schema)
            out.object("site") { out in
                out.member("author", site.author)
                out.member("baseURL", site.baseURL)
                out.member("description", site.description)
                out.member("language", site.language)
                out.member("title", site.title)
            }
        }
    }

    private static func write(_ entity: EntityData, into out: inout JSONWriter) {
        out.object { out in
            out.member("accessed", entity.accessed)
            out.member("actorKind", entity.actorKind)
            out.member("actors", entity.actors)
            out.member("affiliations", entity.affiliations)
            out.member("aliases", entity.aliases)
            out.member("archiveURL", entity.archiveURL)
            out.member("authors", entity.authors)
            out.member("code", entity.code)
            out.member("countries", entity.countries)
            out.member("date", entity.date)
            out.member("endDate", entity.endDate)
            out.member("kind", entity.kind)
            out.member("language", entity.language)
            out.member("publisher", entity.publisher)
            out.member("region", entity.region)
            out.member("role", entity.role)
            out.member("slug", entity.slug)
            out.member("sourceKind", entity.sourceKind)
            out.member("sourceURL", entity.sourceURL)
            out.member("sources", entity.sources)
            out.member("status", entity.status)
            out.member("summary", entity.summary)
            out.member("title", entity.title)
            if let updates = entity.updates {
                out.array("updates", updates) { out, update in
                    out.object { out in
                        out.member("date", update.date)
                        out.member("note", update.note)
                    }
                }
            }
            out.member("url", entity.url)
        }
    }

    private static func entity(_ entry: Entry) -> EntityData {
        let actor = entry.actor, country = entry.country, event = entry.event, source = entry.source
        func slugs(_ references: [Reference]?) -> [String]? { references.map { $0.map(\.slug).uniqued() } }
        let updates = (actor?.updates ?? event?.updates)?.map { UpdateData(date: $0.date.description, note: $0.note) }
        return EntityData(
            kind: entry.kind.rawValue, slug: entry.slug, title: entry.title, url: Addresses.page(entry.key),
            summary: entry.summary, actorKind: actor?.actorKind.rawValue, role: actor?.role, aliases: actor?.aliases,
            countries: slugs(actor?.countries ?? event?.countries), affiliations: slugs(actor?.affiliations),
            code: country?.code, region: country?.region, date: (event?.date ?? source?.date)?.description,
            endDate: event?.endDate?.description, status: event?.status.rawValue, actors: slugs(event?.actors),
            sources: slugs(event?.sources), publisher: source?.publisher, sourceKind: source?.sourceKind.rawValue,
            sourceURL: source?.url, archiveURL: source?.archiveURL, accessed: source?.accessed?.description,
            language: source?.language, authors: source?.authors, updates: updates)
    }

    /// Every edge once, sorted, named from the side that states it: the
    /// entries in order of their `kind:slug`, each one's edges sorted.
    static func relations(of site: Site) -> [RelationData] {
        // `kind:slug` text order is the order of (kind name, slug): no kind's
        // name starts another's, and ":" sorts before every slug character.
        func before(_ a: PageKey, _ b: PageKey) -> Bool {
            a.kind == b.kind ? a.slug < b.slug : a.kind.rawValue < b.kind.rawValue
        }
        let entries = site.entries.values.sorted { before($0.key, $1.key) }
        var result: [RelationData] = []
        var edges: [(to: PageKey, type: String)] = []
        for entry in entries {
            // An entry states a few edges: sorted and made unique in a small
            // array, not hashed into a set.
            edges.removeAll(keepingCapacity: true)
            entry.forEachReference { reference in
                let target = PageKey(reference.kind, reference.slug)
                guard site[target] != nil else { return }
                let type: String
                switch reference.origin {
                case .body: type = "links-to"
                case .field("affiliations"): type = "affiliated-with"
                case .field: type = entry.kind == .actor ? "belongs-to" : "involves"
                }
                edges.append((target, type))
            }
            edges.sort { $0.to == $1.to ? $0.type < $1.type : before($0.to, $1.to) }
            var previous: (to: PageKey, type: String)?
            for edge in edges where previous.map({ $0.to != edge.to || $0.type != edge.type }) ?? true {
                result.append(RelationData(from: entry.key, to: edge.to, type: edge.type))
                previous = edge
            }
        }
        return result
    }
}
