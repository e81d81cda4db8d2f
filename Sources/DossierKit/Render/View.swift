import Mustache

/// What a template sees: named values, which swift-mustache reads through
/// `MustacheParent` (a hash lookup) instead of `Mirror` reflection. A plain
/// struct rather than `[String: Any]`: swift-mustache asks every value on
/// the context stack which protocols it conforms to at every tag, and the
/// runtime answers that faster for a non-generic type than for a
/// conditional conformance of `Dictionary`.
struct View: MustacheParent, ExpressibleByDictionaryLiteral {
    private var values: [String: Any]
    /// A link's values (a list item's), read by name without a dictionary:
    /// tens of thousands of links are made per build. `values` comes first,
    /// so a value set by name replaces the link's.
    private var link: Link?

    init(dictionaryLiteral elements: (String, Any)...) {
        values = Dictionary(minimumCapacity: elements.count)
        for (name, value) in elements { values[name] = value }
    }

    init(link: Link) {
        values = [:]
        self.link = link
    }

    /// Room for `capacity` values without growing: a copy keeps it, so a
    /// shared starting view filled in per page is never rehashed.
    mutating func reserveCapacity(_ capacity: Int) {
        values.reserveCapacity(capacity)
    }

    subscript(name: String) -> Any? {
        get { child(named: name) }
        set { values[name] = newValue }
    }

    func child(named name: String) -> Any? {
        // An empty dictionary would still hash the name.
        if !values.isEmpty, let value = values[name] { return value }
        return link?.value(named: name)
    }

    /// The values of a link to an entry (see `ViewBuilder.link(to:from:)`):
    /// every name a list item may show is answered, with `false` for what
    /// the entry lacks, so that Mustache never looks the name up on the
    /// enclosing page and shows the page's own value. A class, so that a
    /// view stays two words and fits in an `Any` without a box of its own.
    final class Link {
        let title: String, url: String, kindLabel: String, summary: String?
        var date: String?, datetime: String?, status: String?, statusLabel: String?
        var detail: String?, publisher: String?, externalURL: String?, archiveURL: String?
        /// A source's original when its `url_status` is `dead` or `unfit`
        /// (`externalURL` is then absent, so the archived copy comes first).
        var originalDead: String?, originalUnfit: String?
        /// The language of the entry's words when not the page's (`ViewBuilder.textLanguage`).
        var textLanguage: View?
        /// The same for `detail`, when it is the entry's words (an actor's role).
        var detailLanguage: View?

        init(title: String, url: String, kindLabel: String, summary: String?) {
            self.title = title
            self.url = url
            self.kindLabel = kindLabel
            self.summary = summary
        }

        func value(named name: String) -> Any? {
            let value: String?
            switch name {
            case "title": return title
            case "url": return url
            case "kindLabel": return kindLabel
            case "summary": value = summary
            case "date": value = date
            case "datetime": value = datetime
            case "status": value = status
            case "statusLabel": value = statusLabel
            case "detail": value = detail
            case "publisher": value = publisher
            case "externalURL": value = externalURL
            case "archiveURL": value = archiveURL
            case "originalDead": value = originalDead
            case "originalUnfit": value = originalUnfit
            case "textLanguage": return textLanguage ?? false
            case "detailLanguage": return detailLanguage ?? false
            default: return nil
            }
            return value.map { $0 as Any } ?? false
        }
    }
}

/// One page to write: its path in `public/`, its template and a way to
/// build its view (called on any core, just before rendering).
struct PageJob: Sendable {
    let path: String
    let template: String
    let key: PageKey?
    let makeView: @Sendable (ViewBuilder) -> View
}
