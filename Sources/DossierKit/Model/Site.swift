/// The validated report: the published entries by kind and slug, sorted
/// for output, and every relation from both sides.
public struct Site: Sendable {
    public private(set) var settings: SiteSettings
    public let entries: [PageKey: Entry]
    /// Entries of each kind in display order (events by date, others by title).
    public let ordered: [Kind: [Entry]]
    public let relations: Relations
    /// Former addresses (`moved_from`) → the entry now there. Validation
    /// refuses a former slug that is live or claimed twice; should one be
    /// here anyway, the entry first by path keeps it.
    public let moved: [PageKey: Entry]
    /// The translations validation accepted: language → entry → translation.
    public private(set) var translations: [String: [PageKey: Translation]] = [:]
    /// Where this edition's pages are below the site's root: "" for the
    /// report's own language, `fr/` for its French edition (`edition(_:)`).
    public private(set) var folder = ""
    /// `base_url` of the site's root, whichever edition this is.
    public private(set) var rootBaseURL: String?

    public init(settings: SiteSettings, entries: [Entry]) {
        self.settings = settings
        rootBaseURL = settings.baseURL
        var byKey: [PageKey: Entry] = [:]
        for entry in entries { byKey[entry.key] = entry }
        self.entries = byKey
        var ordered: [Kind: [Entry]] = [:]
        for kind in Kind.allCases {
            ordered[kind] = Self.sortedForDisplay(entries.filter { $0.kind == kind })
        }
        self.ordered = ordered
        self.relations = Relations(ordered: ordered)
        var moved: [PageKey: Entry] = [:]
        for entry in entries.sorted(by: { $0.path < $1.path }) {
            for former in entry.movedFrom {
                let key = PageKey(entry.kind, former.slug)
                if byKey[key] == nil, moved[key] == nil { moved[key] = entry }
            }
        }
        self.moved = moved
    }

    public func entries(of kind: Kind) -> [Entry] { ordered[kind] ?? [] }

    /// The same report with other settings (`--base-url`), without sorting
    /// and relating every entry again; its root's too (this is the
    /// report's own edition: the others are made from it afterwards).
    public func with(_ settings: SiteSettings) -> Site {
        var site = self
        site.settings = settings
        site.rootBaseURL = settings.baseURL
        return site
    }

    /// The same report with its translations.
    public func with(translations: [String: [PageKey: Translation]]) -> Site {
        var site = self
        site.translations = translations
        return site
    }

    /// The report's own language: its pages are at the site's root.
    public var ownLanguage: String { settings.languages.first ?? settings.language }

    /// The report as published in `language`: each entry in its
    /// translation where there is one (sorted and related again, since
    /// titles and body links differ), in the original elsewhere; the
    /// settings' language and `base_url` those of the edition's folder.
    public func edition(_ language: String) -> Site {
        guard language != ownLanguage, folder.isEmpty else { return self }
        let translated = translations[language] ?? [:]
        var settings = settings
        settings.language = language
        if let text = settings.translations[language] {
            settings.title = text.title
            settings.description = text.description
        }
        settings.baseURL = settings.baseURL.map { Addresses.absoluteRoot($0) + language + "/" }
        let entries = Kind.allCases.flatMap { self.entries(of: $0) }.map { entry in
            translated[entry.key].map(entry.translated(by:)) ?? entry
        }
        var site = Site(settings: settings, entries: entries)
        site.translations = translations
        site.folder = language + "/"
        site.rootBaseURL = self.settings.baseURL
        return site
    }

    /// Every edition: the report's own language first.
    public var editions: [Site] { settings.allLanguages.map(edition) }

    /// The language `entry`'s words are in.
    public func language(of entry: Entry) -> String { entry.language ?? ownLanguage }

    /// The way up from this edition's root to the site's, where the files
    /// every edition shares are (assets, media files, data): `../` from
    /// `fr/`, nothing from the report's own edition.
    public var upToSiteRoot: String { Addresses.root(from: folder) }

    /// The languages `key`'s text is published in, the report's own first.
    public func languages(of key: PageKey) -> [String] {
        settings.allLanguages.filter { $0 == ownLanguage || translations[$0]?[key] != nil }
    }

    public subscript(key: PageKey) -> Entry? { entries[key] }

    /// Display order: events by date then slug; every other kind by title,
    /// case-insensitively, then slug. Each title is lowercased, and each
    /// event's date read out of its details, once, not at every comparison.
    static func sortedForDisplay(_ entries: [Entry]) -> [Entry] {
        entries.map { (entry: $0, title: $0.kind == .event ? "" : $0.title.lowercased(), date: $0.event?.date) }.sorted { a, b in
            if let da = a.date, let db = b.date, da != db { return da < db }
            if a.title != b.title { return a.title < b.title }
            return a.entry.slug < b.entry.slug
        }.map(\.entry)
    }
}
