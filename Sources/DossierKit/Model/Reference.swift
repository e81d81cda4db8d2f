/// A pointer from one content file to another page of the report: a
/// front-matter list item (`actors: [nso-group]`) or a body link
/// (`[NSO](actor:nso-group#history)`), with where it was written.
public struct Reference: Hashable, Sendable {
    /// Where a reference was written.
    public enum Origin: Hashable, Sendable {
        case field(String)
        case body
        /// A `[@slug]` citation in a body.
        case citation
    }

    public let kind: Kind
    public let slug: String
    public let fragment: String?
    public let location: SourceLocation
    public let origin: Origin

    public init(kind: Kind, slug: String, fragment: String? = nil, location: SourceLocation, origin: Origin) {
        self.kind = kind
        self.slug = slug
        self.fragment = fragment
        self.location = location
        self.origin = origin
    }

    /// The reference a body link destination names (`actor:x#y`), or nil when
    /// the destination is not of the `KIND:SLUG` form.
    public static func parse(destination: String) -> (kind: Kind, slug: String, fragment: String?)? {
        // ASCII destinations (nearly all) are cut at bytes: a `Character`
        // search costs a grapheme break per character, and every body link
        // is parsed twice while loading. Other text keeps the `Character`
        // search, where `:` or `#` followed by a combining mark is no cut.
        if !destination.containsUTF8(where: { $0 >= 0x80 }) {
            let bytes = destination.utf8
            guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")),
                let kind = Kind(linkPrefix: String(destination[..<colon]))
            else { return nil }
            let rest = bytes[bytes.index(after: colon)...]
            if let hash = rest.firstIndex(of: UInt8(ascii: "#")) {
                return (kind, String(destination[rest.startIndex..<hash]), String(destination[bytes.index(after: hash)...]))
            }
            return (kind, String(destination[rest.startIndex...]), nil)
        }
        guard let colon = destination.firstIndex(of: ":"),
            let kind = Kind(linkPrefix: String(destination[..<colon]))
        else { return nil }
        let rest = destination[destination.index(after: colon)...]
        if let hash = rest.firstIndex(of: "#") {
            return (kind, String(rest[..<hash]), String(rest[rest.index(after: hash)...]))
        }
        return (kind, String(rest), nil)
    }
}

/// Identifies one page of the report: its kind and slug.
public struct PageKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let kind: Kind
    public let slug: String

    public init(_ kind: Kind, _ slug: String) {
        self.kind = kind
        self.slug = slug
    }

    public var description: String { "\(kind.rawValue):\(slug)" }

    public static func < (lhs: PageKey, rhs: PageKey) -> Bool { (lhs.kind, lhs.slug) < (rhs.kind, rhs.slug) }
}
