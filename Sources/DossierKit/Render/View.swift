import Mustache

/// What a template sees: named values, which swift-mustache reads through
/// `MustacheParent` (a hash lookup) instead of `Mirror` reflection. A plain
/// struct rather than `[String: Any]`: swift-mustache asks every value on
/// the context stack which protocols it conforms to at every tag, and the
/// runtime answers that faster for a non-generic type than for a
/// conditional conformance of `Dictionary`.
struct View: MustacheParent, ExpressibleByDictionaryLiteral {
    private var values: [String: Any]

    init(dictionaryLiteral elements: (String, Any)...) {
        values = Dictionary(minimumCapacity: elements.count)
        for (name, value) in elements { values[name] = value }
    }

    /// Room for `capacity` values without growing: a copy keeps it, so a
    /// shared starting view filled in per page is never rehashed.
    mutating func reserveCapacity(_ capacity: Int) {
        values.reserveCapacity(capacity)
    }

    subscript(name: String) -> Any? {
        get { values[name] }
        set { values[name] = newValue }
    }

    func child(named name: String) -> Any? { values[name] }
}

/// One page to write: its path in `public/`, its template and a way to
/// build its view (called on any core, just before rendering).
struct PageJob: Sendable {
    let path: String
    let template: String
    let key: PageKey?
    let makeView: @Sendable (ViewBuilder) -> View
}
