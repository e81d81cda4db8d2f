/// A file beside an entry that gives its words in another language
/// (`events/2021/pegasus-project.fr.md`): the fields written in words and
/// the body. Everything else (dates, relations, codes, sources) is the
/// original's.
public struct Translation: Sendable {
    public let kind: Kind
    public let slug: String
    /// The language's code, one of `site.yaml`'s `languages` but the first.
    public let language: String
    public let path: String
    public let title: String
    public let summary: String?
    /// An actor's role, a country's region.
    public let role: String?
    public let region: String?
    /// A media item's words.
    public let alt: String?
    public let caption: String?
    public let credit: String?
    /// The original's updates, dates in the same order, notes translated.
    public let updates: [Update]
    public let updatesLocation: SourceLocation?
    public let body: MarkdownBody
    public let links: [Reference]
    public let citations: [CitationGroup]
    public let headingIDs: [String]
    public let externalLinks: [ExternalLink]

    public var key: PageKey { PageKey(kind, slug) }

    /// The fields a translation may have, per kind: those written in words.
    public static let fields: [Kind: [String]] = [
        .actor: ["name", "role", "summary", "updates"],
        .country: ["name", "region", "summary"],
        .event: ["title", "summary", "updates"],
        .source: ["title"],
        .page: ["title", "summary"],
        .media: ["title", "alt", "caption", "credit", "summary"],
    ]
}
