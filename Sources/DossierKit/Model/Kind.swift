/// The six kinds of content file: each has a folder under `content/`, a
/// prefix for body links (`actor:nso-group`) and a folder in `public/`.
public enum Kind: String, CaseIterable, Sendable, Comparable, Codable {
    case actor, country, event, source, page, media

    /// The folder under `content/` and `public/`: `actors`, `countries`, ...
    public var folder: String {
        switch self {
        case .actor: "actors"
        case .country: "countries"
        case .event: "events"
        case .source: "sources"
        case .page: "pages"
        case .media: "media"
        }
    }

    /// The plural title shown in navigation.
    public var pluralTitle: String {
        switch self {
        case .actor: "Actors"
        case .country: "Countries"
        case .event: "Events"
        case .source: "Sources"
        case .page: "Pages"
        case .media: "Media"
        }
    }

    /// Hashes the case, not the raw value: an enum with a `String` raw
    /// value otherwise takes `RawRepresentable`'s hashing, which hashes the
    /// name, and every page key of every look-up holds a kind.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(ordinal)
    }

    public static func == (lhs: Kind, rhs: Kind) -> Bool { lhs.ordinal == rhs.ordinal }

    /// The case's place in `allCases`.
    private var ordinal: Int {
        switch self {
        case .actor: 0
        case .country: 1
        case .event: 2
        case .source: 3
        case .page: 4
        case .media: 5
        }
    }

    /// The theme's template for the kind's index page: its folder's name,
    /// except for media, whose folder is also its entry template's name.
    public var indexTemplate: String {
        self == .media ? "media-index" : folder
    }

    /// The kind whose link prefix is `prefix`, if any.
    public init?(linkPrefix prefix: String) {
        self.init(rawValue: prefix)
    }

    /// In the order the cases are declared (`allCases`).
    public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.ordinal < rhs.ordinal }
}
