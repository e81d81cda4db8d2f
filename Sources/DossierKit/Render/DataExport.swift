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
        /// `kind:slug` of the page that states the relation.
        let from: String
        let to: String
        /// `involves`, `belongs-to`, `affiliated-with` or `links-to`.
        let type: String
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
        var bytes = jsonValue.text
        bytes.append(UInt8(ascii: "\n"))
        return Data(bytes)
    }

    /// What `JSONEncoder` would make of this value (`Encodable` is kept for
    /// the test that says so), built by hand.
    var jsonValue: JSONValue {
        func strings(_ values: [String]?) -> JSONValue? { values.map(JSONValue.strings) }
        func text(_ value: String?) -> JSONValue? { value.map(JSONValue.string) }
        let site = JSONValue.object([
            ("title", .string(site.title)), ("description", .string(site.description)),
            ("language", .string(site.language)), ("baseURL", text(site.baseURL)), ("author", text(site.author)),
        ])
        let entities = entities.map { entity -> JSONValue in
            .object([
                ("kind", .string(entity.kind)), ("slug", .string(entity.slug)), ("title", .string(entity.title)),
                ("url", .string(entity.url)), ("summary", text(entity.summary)), ("actorKind", text(entity.actorKind)),
                ("role", text(entity.role)), ("aliases", strings(entity.aliases)), ("countries", strings(entity.countries)),
                ("affiliations", strings(entity.affiliations)), ("code", text(entity.code)), ("region", text(entity.region)),
                ("date", text(entity.date)), ("endDate", text(entity.endDate)), ("status", text(entity.status)),
                ("actors", strings(entity.actors)), ("sources", strings(entity.sources)),
                ("publisher", text(entity.publisher)), ("sourceKind", text(entity.sourceKind)),
                ("sourceURL", text(entity.sourceURL)), ("archiveURL", text(entity.archiveURL)),
                ("accessed", text(entity.accessed)), ("language", text(entity.language)),
                ("authors", strings(entity.authors)),
                ("updates", entity.updates.map { updates in
                    .array(updates.map { .object([("date", .string($0.date)), ("note", .string($0.note))]) })
                }),
            ])
        }
        let relations = relations.map { relation -> JSONValue in
            .object([("from", .string(relation.from)), ("to", .string(relation.to)), ("type", .string(relation.type))])
        }
        return .object([
            ("schema", .string(schema)), ("site", site), ("entities", .array(entities)), ("relations", .array(relations)),
        ])
    }

    private static func entity(_ entry: Entry) -> EntityData {
        let actor = entry.actor, country = entry.country, event = entry.event, source = entry.source
        func slugs(_ references: [Reference]?) -> [String]? { references.map { unique($0.map(\.slug)) } }
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
        struct Edge: Hashable {
            let to: String, type: String
        }
        let entries = site.entries.values.map { (from: $0.key.description, entry: $0) }.sorted { $0.from < $1.from }
        var result: [RelationData] = []
        for (from, entry) in entries {
            var edges = Set<Edge>()
            for reference in entry.fieldReferences + entry.links where site[PageKey(reference.kind, reference.slug)] != nil {
                let type: String
                switch reference.origin {
                case .body: type = "links-to"
                case .field("affiliations"): type = "affiliated-with"
                case .field: type = entry.kind == .actor ? "belongs-to" : "involves"
                }
                edges.insert(Edge(to: "\(reference.kind.rawValue):\(reference.slug)", type: type))
            }
            for edge in edges.sorted(by: { ($0.to, $0.type) < ($1.to, $1.type) }) {
                result.append(RelationData(from: from, to: edge.to, type: edge.type))
            }
        }
        return result
    }

    private static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}
