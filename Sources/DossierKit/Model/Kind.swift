/// The five kinds of content file: each has a folder under `content/`, a
/// prefix for body links (`actor:nso-group`) and a folder in `public/`.
public enum Kind: String, CaseIterable, Sendable, Comparable, Codable {
    case actor, country, event, source, page

    /// The folder under `content/` and `public/`: `actors`, `countries`, ...
    public var folder: String {
        switch self {
        case .actor: "actors"
        case .country: "countries"
        case .event: "events"
        case .source: "sources"
        case .page: "pages"
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
        }
    }

    /// The kind whose link prefix is `prefix`, if any.
    public init?(linkPrefix prefix: String) {
        self.init(rawValue: prefix)
    }

    public static func < (lhs: Kind, rhs: Kind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
