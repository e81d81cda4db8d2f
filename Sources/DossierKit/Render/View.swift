/// What a template sees: a dictionary, which swift-mustache reads through
/// `MustacheParent` (a hash lookup) instead of `Mirror` reflection.
typealias View = [String: Any]

/// One page to write: its path in `public/`, its template and a way to
/// build its view (called on any core, just before rendering).
struct PageJob: Sendable {
    let path: String
    let template: String
    let key: PageKey?
    let makeView: @Sendable (ViewBuilder) -> View
}
