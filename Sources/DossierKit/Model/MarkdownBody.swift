/// The CommonMark body of a content file and where it starts in the file, so
/// cmark's body-relative positions can be turned into file positions.
public struct MarkdownBody: Sendable {
    /// The body text (line endings normalised to `\n`).
    public let text: String
    /// The file line on which the body's first line stands (1-based).
    public let firstLine: Int
    /// The file the body comes from, for diagnostics.
    public let path: String

    public init(text: String, firstLine: Int, path: String) {
        self.text = text
        self.firstLine = firstLine
        self.path = path
    }
}

/// A link written in a body: its destination as cmark read it and where it is.
public struct LinkOccurrence: Hashable, Sendable {
    public let destination: String
    public let location: SourceLocation
}

/// What loading learns from a body: its links and its headings' ids, and
/// (when asked for) its HTML, all from one cmark parse.
public struct BodyOutline: Sendable {
    public var links: [LinkOccurrence] = []
    /// Each `[@...]` group, in order.
    public var citations: [[CitationOccurrence]] = []
    public var notices: [BodyNotice] = []
    public var headingIDs: [String] = []
}

/// One source cited in a body's `[@...]`: its key as written, its locator
/// and where the key is.
public struct CitationOccurrence: Hashable, Sendable {
    public let key: String
    public let locator: String?
    public let location: SourceLocation
}

/// Markdown the format does not support, which cmark would render as
/// something else.
public enum BodyNotice: Hashable, Sendable {
    /// `[^1]`: a footnote marker (with its `[^1]: ...` line, a link).
    case footnote(SourceLocation)
    /// A paragraph with a `|---|` row: a pipe table, shown as text.
    case pipeTable(SourceLocation)
}
