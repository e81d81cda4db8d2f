import Foundation

/// `data/report.json`: every published entity and every relation, for
/// researchers. The schema is versioned (`schema`) and documented in
/// docs/data.md; a field is only ever added within one version.
struct DataExport: Encodable, Sendable {
    static let schema = "dossier-report/1"

    struct SiteData: Encodable, Sendable {
        let title: String, description: String, language: String
        /// Every language of the report, its own first, when it has several.
        let languages: [String]?
        let baseURL: String?, author: String?, license: String?, licenseURL: String?
    }

    struct EntityData: Encodable, Sendable {
        let kind: String, slug: String, title: String, url: String
        let summary: String?
        let actorKind: String?, role: String?, aliases: [String]?, countries: [String]?, affiliations: [String]?
        let code: String?, region: String?
        let date: String?, endDate: String?, status: String?, actors: [String]?, sources: [String]?
        let publisher: String?, sourceKind: String?, sourceURL: String?, archiveURL: String?, accessed: String?
        let language: String?, authors: [String]?
        let archiveDate: String?, urlStatus: String?
        let updates: [UpdateData]?
        /// Media: the published file (an image's default variant), its type and size.
        var file: String? = nil, mediaType: String? = nil, width: Int? = nil, height: Int? = nil
        var alt: String? = nil, credit: String? = nil, caption: String? = nil, license: String? = nil
        /// The entity's words in each language it is translated into.
        var translations: [String: TranslationData]? = nil
    }

    struct TranslationData: Encodable, Sendable { let title: String, summary: String?, url: String }

    struct UpdateData: Encodable, Sendable { let date: String, note: String }

    struct RelationData: Encodable, Sendable {
        /// The page that states the relation; written as `kind:slug`.
        let from: PageKey
        let to: PageKey
        /// `involves`, `belongs-to`, `affiliated-with`, `links-to` or `cites`.
        let type: String

        private enum CodingKeys: String, CodingKey { case from, to, type }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(from.description, forKey: .from)
            try container.encode(to.description, forKey: .to)
            try container.encode(type, forKey: .type)
        }
    }

    /// Every relation, as `RelationData` (what the schema says each one is).
    var relations: [RelationData] {
        graph.edges.map { edge in
            let (from, to, type) = RelationGraph.unpack(edge)
            return RelationData(from: graph.keys[from], to: graph.keys[to], type: RelationGraph.types[type])
        }
    }

    private enum CodingKeys: String, CodingKey { case schema, site, entities, relations }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schema, forKey: .schema)
        try container.encode(site, forKey: .site)
        try container.encode(entities, forKey: .entities)
        try container.encode(relations, forKey: .relations)
    }

    let schema = DataExport.schema
    let site: SiteData
    let entities: [EntityData]
    let graph: RelationGraph

    init(site: Site) {
        let settings = site.settings
        self.site = SiteData(
            title: settings.title, description: settings.description, language: settings.language,
            languages: settings.languages.count > 1 ? settings.languages : nil, baseURL: settings.baseURL, author: settings.author,
            license: settings.license, licenseURL: settings.licenseURL)
        entities = Kind.allCases.flatMap { site.entries(of: $0) }.map { entry in
            var entity = Self.entity(entry)
            let translated = site.translations.compactMapValues { $0[entry.key] }
            if !translated.isEmpty {
                entity.translations = Dictionary(
                    uniqueKeysWithValues: translated.map { language, translation in
                        (
                            language,
                            TranslationData(title: translation.title, summary: translation.summary, url: language + "/" + entry.pagePath)
                        )
                    })
            }
            return entity
        }
        graph = RelationGraph(site: site)
    }

    /// The file's bytes: compact JSON, keys sorted, and a final line break.
    func bytes() -> [UInt8] {
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
            // Hundreds of thousands at 10,000 events: each one's text put
            // together from its pages' keys, quoted and escaped once per page.
            let quoted = graph.keys.map { key -> [UInt8] in
                var bytes: [UInt8] = []
                JSONWriter.write(key.description, into: &bytes)
                return bytes
            }
            let types = RelationGraph.types.map { Array(#","type":"\#($0)"}"#.utf8) }
            out.array("relations", graph.edges) { out, edge in
                let (from, to, type) = RelationGraph.unpack(edge)
                out.raw { bytes in
                    bytes += #"{"from":"#.utf8
                    bytes += quoted[from]
                    bytes += #","to":"#.utf8
                    bytes += quoted[to]
                    bytes += types[type]
                }
            }
            out.member("schema", schema)
            out.object("site") { out in
                out.member("author", site.author)
                out.member("baseURL", site.baseURL)
                out.member("description", site.description)
                out.member("language", site.language)
                out.member("languages", site.languages)
                out.member("license", site.license)
                out.member("licenseURL", site.licenseURL)
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
            out.member("alt", entity.alt)
            out.member("archiveDate", entity.archiveDate)
            out.member("archiveURL", entity.archiveURL)
            out.member("authors", entity.authors)
            out.member("caption", entity.caption)
            out.member("code", entity.code)
            out.member("countries", entity.countries)
            out.member("credit", entity.credit)
            out.member("date", entity.date)
            out.member("endDate", entity.endDate)
            out.member("file", entity.file)
            out.member("height", entity.height)
            out.member("kind", entity.kind)
            out.member("language", entity.language)
            out.member("license", entity.license)
            out.member("mediaType", entity.mediaType)
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
            if let translations = entity.translations {
                out.object("translations") { out in
                    for (language, translation) in translations.sorted(by: { $0.key < $1.key }) {
                        out.object(language) { out in
                            out.member("summary", translation.summary)
                            out.member("title", translation.title)
                            out.member("url", translation.url)
                        }
                    }
                }
            }
            if let updates = entity.updates {
                out.array("updates", updates) { out, update in
                    out.object { out in
                        out.member("date", update.date)
                        out.member("note", update.note)
                    }
                }
            }
            out.member("url", entity.url)
            out.member("urlStatus", entity.urlStatus)
            out.member("width", entity.width)
        }
    }

    private static func entity(_ entry: Entry) -> EntityData {
        let actor = entry.actor, country = entry.country, event = entry.event, source = entry.source
        func slugs(_ references: [Reference]?) -> [String]? { references.map { $0.map(\.slug).uniqued() } }
        let updates = (actor?.updates ?? event?.updates)?.map { UpdateData(date: $0.date.description, note: $0.note) }
        let media = entry.media
        var entity = EntityData(
            kind: entry.kind.rawValue, slug: entry.slug, title: entry.title, url: entry.pagePath,
            summary: entry.summary, actorKind: actor?.actorKind.rawValue, role: actor?.role, aliases: actor?.aliases,
            countries: slugs(actor?.countries ?? event?.countries), affiliations: slugs(actor?.affiliations),
            code: country?.code, region: country?.region, date: (event?.date ?? source?.date)?.description,
            endDate: event?.endDate?.description, status: event?.status.rawValue, actors: slugs(event?.actors),
            sources: event != nil || !entry.sources.isEmpty ? slugs(entry.sources) : nil, publisher: source?.publisher,
            sourceKind: source?.sourceKind.rawValue,
            sourceURL: source?.url, archiveURL: source?.archiveURL, accessed: source?.accessed?.description,
            language: source?.language, authors: source?.authors, archiveDate: source?.archiveDate?.description,
            urlStatus: source?.urlStatus.rawValue, updates: updates)
        if let media {
            let variants = MediaRules.variants(slug: entry.slug, media: media)
            entity.file = MediaRules.defaultVariant(of: variants)?.path ?? MediaRules.documentPath(slug: entry.slug)
            entity.mediaType = media.format.published.mimeType
            entity.width = media.width
            entity.height = media.height
            entity.alt = media.alt
            entity.credit = media.credit
            entity.caption = media.caption
            entity.license = media.license
        }
        return entity
    }
}

/// The relations of report.json and relations.csv: every edge once, named
/// from the side that states it, the entries in order of their `kind:slug`
/// and each one's edges sorted by target, then type.
///
/// An entry is its number in `keys`; an edge is one integer packing (from,
/// to, type), so one sort of integers orders them all, with no string
/// compared and no value made per edge (there are about 35 per event).
struct RelationGraph: Sendable {
    /// Every entry's key, in `kind:slug` order.
    let keys: [PageKey]
    /// Every edge, packed by `pack`, sorted, each once.
    let edges: [UInt64]

    /// The types' names, sorted (the order of the edges).
    static let types = Relations.Edge.allCases.map(\.name).sorted()
    /// Each edge's type, by the edge's raw value: its place in `types`.
    private static let typeNumbers = Relations.Edge.allCases.map { types.firstIndex(of: $0.name)! }

    static func pack(_ from: Int, _ to: Int, _ type: Int) -> UInt64 {
        UInt64(from) << 34 | UInt64(to) << 3 | UInt64(type)
    }

    static func unpack(_ edge: UInt64) -> (from: Int, to: Int, type: Int) {
        (Int(edge >> 34), Int(edge >> 3 & 0x7FFF_FFFF), Int(edge & 7))
    }

    init(site: Site) {
        // `kind:slug` text order is the order of (kind name, slug): no kind's
        // name starts another's, and ":" sorts before every slug character.
        keys = site.entries.keys.sorted { a, b in a.kind == b.kind ? a.slug < b.slug : a.kind.rawValue < b.kind.rawValue }
        var number: [PageKey: Int] = Dictionary(minimumCapacity: keys.count)
        for (index, key) in keys.enumerated() { number[key] = index }
        var edges: [UInt64] = []
        for (from, key) in keys.enumerated() {
            guard let entry = site[key] else { continue }
            entry.forEachReference { reference in
                guard let to = number[PageKey(reference.kind, reference.slug)] else { return }
                let type = Self.typeNumbers[Relations.Edge(reference, in: entry.kind).rawValue]
                edges.append(Self.pack(from, to, type))
            }
        }
        edges.sort()
        // Equal edges are neighbours now: each kept once.
        var kept = 0
        for index in edges.indices where kept == 0 || edges[kept - 1] != edges[index] {
            edges[kept] = edges[index]
            kept += 1
        }
        edges.removeLast(edges.count - kept)
        self.edges = edges
    }
}
