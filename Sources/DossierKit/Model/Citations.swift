/// One `[@a; @b, p. 2]` in a body: the sources it cites, each with its
/// locator (free text after the comma), in the order written.
public struct CitationGroup: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        /// The cited source, as a reference of origin `.citation`.
        public let reference: Reference
        public let locator: String?

        public init(reference: Reference, locator: String?) {
            self.reference = reference
            self.locator = locator
        }
    }

    public let items: [Item]

    public init(items: [Item]) {
        self.items = items
    }
}

extension Entry {
    /// The entry's sources, each once, as the numbered list shows them:
    /// cited sources in the order of their first citation, then those its
    /// front matter names (an event's `sources`, a media item's `source`)
    /// and the body never cites, in field order.
    public var sources: [Reference] {
        var seen = Set<String>()
        var sources: [Reference] = []
        for group in citations {
            for item in group.items where seen.insert(item.reference.slug).inserted { sources.append(item.reference) }
        }
        for reference in event?.sources ?? media?.sources ?? [] where seen.insert(reference.slug).inserted { sources.append(reference) }
        return sources
    }
}
