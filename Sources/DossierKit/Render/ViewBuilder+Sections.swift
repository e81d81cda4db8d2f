/// Which theme sections an entry's page shows, decided from the same view
/// values the templates test, so that a `#fragment` is accepted only when
/// the page will have that id.
extension ViewBuilder {
    func presentSections(of entry: Entry) -> Set<String> {
        let path = entry.pagePath
        let view: View
        switch entry.kind {
        case .actor: view = actorPage(entry, path: path)
        case .country: view = countryPage(entry, path: path)
        case .event: view = eventPage(entry, path: path)
        case .source: view = sourcePage(entry, path: path)
        case .page: view = pagePage(entry, path: path)
        }
        var ids = Sections.layout
        for (id, key) in Sections.viewKeys(for: entry.kind) where Self.isShown(view[key]) { ids.insert(id) }
        return ids
    }

    /// Mustache's own test: absent, `false`, empty text and empty lists hide a section.
    static func isShown(_ value: Any?) -> Bool {
        switch value {
        case nil: false
        case let flag as Bool: flag
        case let text as String: !text.isEmpty
        case let list as [Any]: !list.isEmpty
        default: true
        }
    }
}
