/// The site-wide settings of `content/site.yaml`.
public struct SiteSettings: Sendable, Equatable {
    public var title: String
    public var description: String
    public var language: String
    public var baseURL: String?
    public var author: String?
    /// The licence of the report's text (`license`, `license_url`).
    public var license: String? = nil
    public var licenseURL: String? = nil
    /// How many of the newest events the Atom feed holds (`feed_entries`).
    public var feedEntries: Int = SiteSettings.defaultFeedEntries
    /// Hosts `check --external` does not ask (`link_check_skip`); their subdomains too.
    public var linkCheckSkip: [String] = []
    /// `languages` as written (empty when absent): the report's languages, `language` first.
    public var languages: [String] = []
    /// The title and description in each other language (`site.<language>.yaml`).
    public var translations: [String: SiteText] = [:]

    public static let defaultFeedEntries = 50

    /// The report's languages, the default (`language`) first.
    public var allLanguages: [String] { languages.isEmpty ? [language] : languages }

    /// Why a translation at `path` (of the file at `original`) into
    /// `language` is not published: the error when `language` is the
    /// report's own or not listed at all; nil when it is one of the others.
    func translationRefused(into language: String, original: String, path: String) -> Diagnostic? {
        let languages = allLanguages
        if languages.dropFirst().contains(language) { return nil }
        return language == languages.first
            ? Messages.translationIntoOwnLanguage(language, original: original, path: path)
            : Messages.translationLanguageNotListed(language, languages: languages, path: path)
    }
}

/// The site's words in another language.
public struct SiteText: Sendable, Equatable {
    public let title: String
    public let description: String

    public init(title: String, description: String) {
        self.title = title
        self.description = description
    }
}

/// One correction or change noted on a page.
public struct Update: Sendable, Hashable {
    public let date: PartialDate
    public let note: String
}

/// The vocabularies of the format's enumerated fields.
public enum ActorKind: String, CaseIterable, Sendable {
    case person, company, government, agency, organization, media, group
}

public enum EventStatus: String, CaseIterable, Sendable {
    case confirmed, reported, alleged, disputed, denied
}

public enum SourceKind: String, CaseIterable, Sendable {
    case article, report, statement, dataset, filing, other
}

/// Whether a source's original can still be read: Wikipedia's `url-status`
/// values, so that editors who know them need learn nothing new.
public enum URLStatus: String, CaseIterable, Sendable {
    case live, dead, unfit

    /// The original is no longer to be followed: the archived copy comes first.
    public var isGone: Bool { self != .live }
}

/// The fields only an actor has.
public struct ActorDetails: Sendable, Equatable {
    public var actorKind: ActorKind
    public var role: String?
    public var countries: [Reference]
    public var affiliations: [Reference]
    public var aliases: [String]
    public var updates: [Update]
}

/// The fields only a country has.
public struct CountryDetails: Sendable, Equatable {
    public var code: String
    public var region: String?
}

/// The fields only an event has.
public struct EventDetails: Sendable, Equatable {
    public var date: PartialDate
    public var endDate: PartialDate?
    public var actors: [Reference]
    public var countries: [Reference]
    public var sources: [Reference]
    public var status: EventStatus
    public var updates: [Update]
}

/// The fields only a source has.
public struct SourceDetails: Sendable, Equatable {
    public var publisher: String
    public var date: PartialDate?
    public var sourceKind: SourceKind
    public var url: String?
    public var archiveURL: String?
    public var accessed: PartialDate?
    public var language: String?
    public var authors: [String]
    public var archiveDate: PartialDate? = nil
    public var urlStatus: URLStatus = .live
}

/// An `http(s)` address the report links to, where it is written: what
/// `dossier check --external` checks.
public struct ExternalLink: Sendable, Hashable {
    public enum Role: Sendable, Hashable {
        /// A source's `url`, its `archive_url`, or a link in a body.
        case sourceURL, archiveURL, body
    }

    public let url: String
    public let role: Role
    public let location: SourceLocation

    public init(url: String, role: Role, location: SourceLocation) {
        self.url = url
        self.role = role
        self.location = location
    }
}

/// A slug an entry had before it was renamed (`moved_from`), with where it is written.
public struct FormerSlug: Sendable, Hashable {
    public let slug: String
    public let location: SourceLocation

    public init(slug: String, location: SourceLocation) {
        self.slug = slug
        self.location = location
    }
}

/// The kind-specific part of an entry.
public enum Details: Sendable, Equatable {
    case actor(ActorDetails)
    case country(CountryDetails)
    case event(EventDetails)
    case source(SourceDetails)
    case page
    case media(MediaDetails)
}

/// One content file, read and typed: what every kind shares, plus its details.
/// A class: entries are shared by the site, its indexes and relations and
/// every page that lists them, and are never changed once read.
public final class Entry: Sendable {
    public let kind: Kind
    public let slug: String
    /// The file, relative to the working directory (as printed in diagnostics).
    public let path: String
    /// `name` for actors and countries, `title` for the others.
    public let title: String
    public let summary: String?
    public let draft: Bool
    public let details: Details
    public let body: MarkdownBody
    /// Body links of the `KIND:SLUG` form, in order of appearance.
    public let links: [Reference]
    /// The body's `[@slug]` citations, in order of appearance.
    public let citations: [CitationGroup]
    /// Ids of the body's headings, in order.
    public let headingIDs: [String]
    /// The slugs the entry had before (`moved_from`): each old address gets a redirect page.
    public let movedFrom: [FormerSlug]
    /// Its `http(s)` links, in field order then body order (`check --external`).
    public let externalLinks: [ExternalLink]
    /// Where the entry's page is in the site (`Addresses.page`), made once:
    /// every link to the entry, on every page listing it, starts from it.
    public let pagePath: String
    /// The language its words are in: nil for the report's own language,
    /// a code for a translated copy (`translated(by:)`).
    public let language: String?

    public init(
        kind: Kind, slug: String, path: String, title: String, summary: String?, draft: Bool, details: Details,
        body: MarkdownBody, links: [Reference], citations: [CitationGroup] = [], headingIDs: [String],
        movedFrom: [FormerSlug] = [], externalLinks: [ExternalLink] = [], language: String? = nil
    ) {
        self.kind = kind
        self.slug = slug
        self.path = path
        self.title = title
        self.summary = summary
        self.draft = draft
        self.details = details
        self.body = body
        self.links = links
        self.citations = citations
        self.headingIDs = headingIDs
        self.movedFrom = movedFrom
        self.externalLinks = externalLinks
        self.language = language
        pagePath = Addresses.page(PageKey(kind, slug))
    }

    /// The entry in the words of `translation`: its text fields and body
    /// where the translation gives them, everything else the original's. A
    /// field the translation leaves out is left out, not shown in the
    /// original's language unmarked.
    public func translated(by translation: Translation) -> Entry {
        var details = details
        switch details {
        case .actor(var actor):
            actor.role = translation.role
            if translation.updatesLocation != nil { actor.updates = translation.updates }
            details = .actor(actor)
        case .country(var country):
            country.region = translation.region
            details = .country(country)
        case .event(var event):
            if translation.updatesLocation != nil { event.updates = translation.updates }
            details = .event(event)
        case .media(var media):
            media.alt = translation.alt ?? media.alt
            media.caption = translation.caption
            media.credit = translation.credit ?? media.credit
            details = .media(media)
        case .source, .page:
            break
        }
        return Entry(
            kind: kind, slug: slug, path: translation.path, title: translation.title,
            summary: translation.summary, draft: draft, details: details, body: translation.body, links: translation.links,
            citations: translation.citations, headingIDs: translation.headingIDs, movedFrom: movedFrom,
            externalLinks: translation.externalLinks, language: translation.language)
    }

    public var key: PageKey { PageKey(kind, slug) }

    /// Every front-matter reference, in field order.
    public var fieldReferences: [Reference] {
        var references: [Reference] = []
        forEachFieldReference { references.append($0) }
        return references
    }

    /// Every reference the entry makes: its front-matter references in
    /// field order, then its body links, then its citations. Visited in
    /// place, without the arrays `fieldReferences + links` would build.
    public func forEachReference(_ body: (Reference) -> Void) {
        forEachFieldReference(body)
        links.forEach(body)
        for group in citations { group.items.forEach { body($0.reference) } }
    }

    private func forEachFieldReference(_ body: (Reference) -> Void) {
        switch details {
        case .actor(let actor):
            actor.countries.forEach(body)
            actor.affiliations.forEach(body)
        case .event(let event):
            event.actors.forEach(body)
            event.countries.forEach(body)
            event.sources.forEach(body)
        case .media(let media):
            media.sources.forEach(body)
        case .country, .source, .page:
            break
        }
    }

    public var actor: ActorDetails? { if case .actor(let d) = details { d } else { nil } }
    public var country: CountryDetails? { if case .country(let d) = details { d } else { nil } }
    public var event: EventDetails? { if case .event(let d) = details { d } else { nil } }
    public var source: SourceDetails? { if case .source(let d) = details { d } else { nil } }
    public var media: MediaDetails? { if case .media(let d) = details { d } else { nil } }
}
