/// Front matter → typed entries: one function per kind, each naming the
/// fields it reads, so the list of allowed fields is the code itself.
enum RecordDecoder {
    /// Fields of each kind, in the order of the format's tables.
    static let fields: [Kind: [String]] = [
        .actor: ["name", "kind", "role", "countries", "affiliations", "aliases", "summary", "updates", "draft", "moved_from"],
        .country: ["name", "code", "region", "summary", "draft", "moved_from"],
        .event: [
            "title", "date", "end_date", "actors", "countries", "sources", "status", "summary", "updates", "draft", "moved_from",
        ],
        .source: [
            "title", "publisher", "date", "kind", "url", "archive_url", "archive_date", "url_status", "accessed", "language",
            "authors", "draft", "moved_from",
        ],
        .page: ["title", "summary", "draft", "moved_from"],
        .media: ["file", "title", "alt", "credit", "caption", "date", "source", "license", "summary", "draft", "moved_from"],
    ]

    static let siteFields = [
        "title", "description", "language", "languages", "base_url", "author", "license", "license_url", "feed_entries",
        "link_check_skip",
    ]

    /// The entry a file describes, or nil when a required field is missing
    /// or wrong (the reasons are in `diagnostics`).
    static func decode(
        _ file: ContentFileRef, split: SplitFile, outline: BodyOutline, _ diagnostics: inout Diagnostics
    ) -> Entry? {
        var unchecked: [Reference] = []
        return decode(file, split: split, outline: outline, unchecked: &unchecked, &diagnostics)
    }

    /// As `decode`, and when the entry cannot be typed, hands back the
    /// references it holds in `unchecked`, so they are still checked.
    static func decode(
        _ file: ContentFileRef, split: SplitFile, outline: BodyOutline, unchecked: inout [Reference],
        _ diagnostics: inout Diagnostics
    ) -> Entry? {
        guard
            var reader = FieldReader(
                yaml: split.yaml, path: file.path, lineOffset: 1, allowed: fields[file.kind] ?? [], &diagnostics)
        else { return nil }
        let titleField = file.kind == .actor || file.kind == .country ? "name" : "title"
        let title = reader.string(titleField, required: true)
        let summary = reader.string("summary")
        let draft = reader.bool("draft")
        let movedFrom = formerSlugs(file.kind, &reader)
        let details: Details?
        switch file.kind {
        case .actor: details = actor(&reader)
        case .country: details = country(&reader)
        case .event: details = event(&reader, cites: !outline.citations.isEmpty)
        case .source: details = source(&reader)
        case .page: details = .page
        case .media: details = media(&reader, file: file)
        }
        reader.reportUnknownFields()
        let links = bodyReferences(outline.links, &reader)
        let citations = citationGroups(outline.citations)
        let externalLinks =
            sourceLinks(details, &reader)
            + outline.links.compactMap { link -> ExternalLink? in
                guard isWebAddress(link.destination) else { return nil }
                return ExternalLink(url: link.destination, role: .body, location: link.location)
            }
        let hasErrors = reader.diagnostics.hasErrors
        diagnostics.append(contentsOf: reader.diagnostics)
        for notice in outline.notices {
            switch notice {
            case .footnote(let location): diagnostics.append(Messages.footnoteSyntax(at: location))
            case .pipeTable(let location): diagnostics.append(Messages.pipeTable(at: location))
            }
        }
        guard let title, let details, !hasErrors else {
            unchecked = reader.referencesRead + links + citations.flatMap { $0.items.map(\.reference) }
            return nil
        }
        return Entry(
            kind: file.kind, slug: file.slug, path: file.path, title: title, summary: summary, draft: draft,
            details: details, body: split.body, links: links, citations: citations, headingIDs: outline.headingIDs,
            movedFrom: movedFrom, externalLinks: externalLinks)
    }

    static func site(yaml: String, path: String, _ diagnostics: inout Diagnostics) -> SiteSettings? {
        guard var reader = FieldReader(yaml: yaml, path: path, lineOffset: 0, allowed: siteFields, &diagnostics) else {
            return nil
        }
        let title = reader.string("title", required: true)
        let description = reader.string("description", required: true)
        let language = reader.language("language", required: !reader.has("languages"))
        let languages = siteLanguages(&reader, default: language)
        let baseURL = reader.url("base_url")
        let author = reader.string("author")
        let license = reader.string("license")
        let licenseURL = reader.url("license_url")
        let feedEntries = reader.integer("feed_entries", in: 1...10_000)
        var skipHosts: [String] = []
        for item in reader.list("link_check_skip") {
            let host = item.text.lowercased()
            if host.range(of: #"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$"#, options: .regularExpression) != nil {
                skipHosts.append(host)
            } else {
                reader.appendDiagnostic(Messages.invalidSkipHost(item.text, at: item.location))
            }
        }
        reader.reportUnknownFields()
        let hasErrors = reader.diagnostics.hasErrors
        diagnostics.append(contentsOf: reader.diagnostics)
        guard let title, let description, let main = language ?? languages.first, !hasErrors else { return nil }
        return SiteSettings(
            title: title, description: description, language: main, baseURL: baseURL, author: author, license: license,
            licenseURL: licenseURL, feedEntries: feedEntries ?? SiteSettings.defaultFeedEntries, linkCheckSkip: skipHosts,
            languages: languages)
    }

    /// `site.<language>.yaml`: the site's title and description in that language.
    static func siteTranslation(yaml: String, path: String, _ diagnostics: inout Diagnostics) -> SiteText? {
        guard var reader = FieldReader(yaml: yaml, path: path, lineOffset: 0, allowed: siteFields, &diagnostics) else { return nil }
        for field in siteFields where field != "title" && field != "description" {
            if let place = reader.place(of: field) { reader.appendDiagnostic(Messages.siteFieldOfTheOriginal(field, at: place)) }
        }
        let title = reader.string("title", required: true)
        let description = reader.string("description", required: true)
        reader.reportUnknownFields()
        let hasErrors = reader.diagnostics.hasErrors
        diagnostics.append(contentsOf: reader.diagnostics)
        guard let title, let description, !hasErrors else { return nil }
        return SiteText(title: title, description: description)
    }

    /// `languages: [en, fr]`: language tags, each once, `language` (when also given) first.
    private static func siteLanguages(_ reader: inout FieldReader, default language: String?) -> [String] {
        guard reader.has("languages") else { return [] }
        let place = reader.place(of: "languages")
        var languages: [String] = []
        for item in reader.list("languages") {
            if !FieldReader.isLanguageTag(item.text) {
                reader.appendDiagnostic(Messages.invalidLanguage(item.text, field: "languages", at: item.location))
            } else if languages.contains(item.text) {
                reader.appendDiagnostic(Messages.languageTwice(item.text, at: item.location))
            } else {
                languages.append(item.text)
            }
        }
        if languages.isEmpty, let place {
            reader.appendDiagnostic(Messages.noLanguages(at: place))
        } else if let language, let first = languages.first, first != language, let place {
            reader.appendDiagnostic(Messages.languageNotFirst(language, first: first, at: place))
        }
        return languages
    }

    /// A translation (`<slug>.<language>.md`): its words and body; a field
    /// the original owns is an error.
    static func translation(
        _ file: ContentFileRef, language: String, split: SplitFile, outline: BodyOutline, _ diagnostics: inout Diagnostics
    ) -> Translation? {
        let words = Translation.fields[file.kind] ?? []
        guard
            var reader = FieldReader(
                yaml: split.yaml, path: file.path, lineOffset: 1, allowed: (fields[file.kind] ?? []) + ["language"], &diagnostics)
        else { return nil }
        for field in (fields[file.kind] ?? []) + ["language"] where !words.contains(field) {
            if let place = reader.place(of: field) {
                reader.appendDiagnostic(Messages.fieldOfTheOriginal(field, allowed: words, at: place))
            }
        }
        let titleField = file.kind == .actor || file.kind == .country ? "name" : "title"
        let title = reader.string(titleField, required: true)
        let summary = words.contains("summary") ? reader.string("summary") : nil
        let role = words.contains("role") ? reader.string("role") : nil
        let region = words.contains("region") ? reader.string("region") : nil
        let alt = words.contains("alt") ? reader.string("alt") : nil
        let caption = words.contains("caption") ? reader.string("caption") : nil
        let credit = words.contains("credit") ? reader.string("credit") : nil
        let updatesLocation = reader.place(of: "updates")
        let updates = words.contains("updates") ? reader.updates("updates") : []
        reader.reportUnknownFields()
        let links = bodyReferences(outline.links, &reader)
        let citations = citationGroups(outline.citations)
        let externalLinks = outline.links.compactMap { link -> ExternalLink? in
            guard isWebAddress(link.destination) else { return nil }
            return ExternalLink(url: link.destination, role: .body, location: link.location)
        }
        let hasErrors = reader.diagnostics.hasErrors
        diagnostics.append(contentsOf: reader.diagnostics)
        guard let title, !hasErrors else { return nil }
        return Translation(
            kind: file.kind, slug: file.slug, language: language, path: file.path, title: title, summary: summary, role: role,
            region: region, alt: alt, caption: caption, credit: credit, updates: updates, updatesLocation: updatesLocation,
            body: split.body, links: links, citations: citations, headingIDs: outline.headingIDs, externalLinks: externalLinks)
    }

    private static func actor(_ reader: inout FieldReader) -> Details? {
        let kind: ActorKind? = reader.choice("kind", required: true)
        let role = reader.string("role")
        let countries = reader.references("countries", to: .country)
        let affiliations = reader.references("affiliations", to: .actor)
        let aliases = reader.list("aliases").map(\.text)
        let updates = reader.updates("updates")
        guard let kind else { return nil }
        return .actor(
            ActorDetails(
                actorKind: kind, role: role, countries: countries, affiliations: affiliations, aliases: aliases,
                updates: updates))
    }

    private static func country(_ reader: inout FieldReader) -> Details? {
        let code = reader.string("code", required: true)
        let region = reader.string("region")
        guard let code else { return nil }
        guard ISO3166.alpha2.contains(code) else {
            reader.reportInvalidCountryCode(code)
            return nil
        }
        return .country(CountryDetails(code: code, region: region))
    }

    /// `cites`: whether the body cites a source, which then counts as one
    /// of the event's sources.
    private static func event(_ reader: inout FieldReader, cites: Bool) -> Details? {
        let date = reader.date("date", required: true)
        let endDate = reader.date("end_date")
        let actors = reader.references("actors", to: .actor)
        let countries = reader.references("countries", to: .country)
        let sources = reader.references("sources", to: .source)
        let status: EventStatus? = reader.choice("status")
        let updates = reader.updates("updates")
        if sources.isEmpty, !cites { reader.reportNoSources() }
        if let date, let endDate, !endDate.isNotBefore(date) { reader.reportEndBeforeStart(endDate, date) }
        guard let date else { return nil }
        return .event(
            EventDetails(
                date: date, endDate: endDate, actors: actors, countries: countries, sources: sources,
                status: status ?? .reported, updates: updates))
    }

    private static func source(_ reader: inout FieldReader) -> Details? {
        let publisher = reader.string("publisher", required: true)
        let date = reader.date("date")
        let kind: SourceKind? = reader.choice("kind")
        let url = reader.url("url")
        let archiveURL = reader.url("archive_url")
        let archiveDate = reader.date("archive_date", dayOnly: true)
        let urlStatus: URLStatus? = reader.choice("url_status")
        let accessed = reader.date("accessed", dayOnly: true)
        let language = reader.language("language")
        let authors = reader.list("authors").map(\.text)
        // An archive_url given but invalid is already an error: no second word on it.
        if archiveURL == nil, !reader.has("archive_url") {
            if let urlStatus, urlStatus.isGone {
                reader.appendAtField("url_status") { Messages.goneWithoutArchive(status: urlStatus.rawValue, at: $0) }
            }
            if archiveDate != nil { reader.appendAtField("archive_date") { Messages.archiveDateWithoutArchive(at: $0) } }
        }
        guard let publisher else { return nil }
        return .source(
            SourceDetails(
                publisher: publisher, date: date, sourceKind: kind ?? .article, url: url, archiveURL: archiveURL,
                accessed: accessed, language: language, authors: authors, archiveDate: archiveDate,
                urlStatus: urlStatus ?? .live))
    }

    /// A source's `url` and `archive_url`, where they are written.
    private static func sourceLinks(_ details: Details?, _ reader: inout FieldReader) -> [ExternalLink] {
        guard case .source(let source)? = details else { return [] }
        var links: [ExternalLink] = []
        if let url = source.url, let at = reader.valueLocation("url") {
            links.append(ExternalLink(url: url, role: .sourceURL, location: at))
        }
        if let url = source.archiveURL, let at = reader.valueLocation("archive_url") {
            links.append(ExternalLink(url: url, role: .archiveURL, location: at))
        }
        return links
    }

    /// An absolute `http` or `https` address (a body link the external check follows).
    static func isWebAddress(_ text: String) -> Bool {
        let lower = text.prefix(8).lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// `moved_from`: former slugs of the same kind, each a valid slug. Whether
    /// one is live or claimed twice is judged on the whole report (`Validator`).
    private static func formerSlugs(_ kind: Kind, _ reader: inout FieldReader) -> [FormerSlug] {
        var result: [FormerSlug] = []
        for item in reader.list("moved_from") {
            if !Slug.isValid(item.text) {
                reader.appendDiagnostic(Messages.invalidFormerSlug(item.text, at: item.location))
            } else if PageKey(kind, item.text) == Addresses.homePage {
                reader.appendDiagnostic(Messages.formerSlugIsHome(at: item.location))
            } else {
                result.append(FormerSlug(slug: item.text, location: item.location))
            }
        }
        return result
    }

    /// Each cited key becomes a reference to a source, checked like any other.
    private static func citationGroups(_ groups: [[CitationOccurrence]]) -> [CitationGroup] {
        groups.map { group in
            CitationGroup(
                items: group.map {
                    CitationGroup.Item(
                        reference: Reference(kind: .source, slug: $0.key, location: $0.location, origin: .citation), locator: $0.locator)
                })
        }
    }

    /// A media item: its fields, and its file looked at (`MediaProbe`).
    private static func media(_ reader: inout FieldReader, file entry: ContentFileRef) -> Details? {
        let file = reader.string("file", required: true)
        let alt = reader.string("alt")
        let credit = reader.string("credit")
        let caption = reader.string("caption")
        let date = reader.date("date")
        let source = reader.reference("source", to: .source)
        let license = reader.string("license")
        guard let file else { return nil }
        let folder = String(entry.filePath[..<(entry.filePath.lastIndex(of: "/") ?? entry.filePath.startIndex)])
        var problems = Diagnostics()
        let probe = MediaProbe.look(at: file, in: folder, location: reader.valueLocation("file"), &problems)
        for problem in problems.all { reader.appendDiagnostic(problem) }
        guard let probe else { return nil }
        if probe.format.isImage, (alt ?? "").allSatisfy(\.isWhitespace) {
            reader.appendDiagnostic(Messages.mediaAltRequired(at: reader.valueLocation("alt")))
        }
        return .media(
            MediaDetails(
                file: file, filePath: probe.filePath, format: probe.format, width: probe.width, height: probe.height,
                byteCount: probe.byteCount, alt: alt, credit: credit, caption: caption, date: date,
                sources: source.map { [$0] } ?? [], license: license))
    }

    /// Body links of the `KIND:SLUG` form become references; a link whose
    /// scheme is a near miss of a kind (`actors:x`) is an error.
    private static func bodyReferences(_ links: [LinkOccurrence], _ reader: inout FieldReader) -> [Reference] {
        var references: [Reference] = []
        for link in links {
            if let (kind, slug, fragment) = Reference.parse(destination: link.destination) {
                references.append(
                    Reference(kind: kind, slug: slug, fragment: fragment, location: link.location, origin: .body))
            } else {
                reader.checkExternalLink(link)
            }
        }
        return references
    }
}
