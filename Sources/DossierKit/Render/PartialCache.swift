/// Theme partials whose text repeats across pages, rendered once and reused:
/// list items (`partials/event-item`, `partials/link-item`, ...) once per
/// entry and page depth, the site header once per depth and section, the
/// footer once per depth.
///
/// An event listed on the pages of its four actors, two countries, source and
/// the pages that link to it is rendered once per depth instead of once per
/// listing: most of a large report's markup is such lists. A cached text
/// depends only on the partial, what it shows (the variant: an entry, a
/// section) and the way back to the site's root (its links are `root + path`),
/// which together are the key. Cached partials see their own values only,
/// never the page's.
///
/// `serve` keeps one cache across rebuilds with the same theme: an item
/// shows its own entry only, so a rebuild forgets the items of the entries
/// that changed (`forget(_:)`) and the header and footer, and keeps the rest.
final class PartialCache: Sendable {
    private struct Key: Hashable {
        let partial: String
        let variant: String
        let root: String
        /// The entry the text shows, if any.
        let entry: PageKey?
        /// A number the text shows besides the entry (a connection's weight).
        let number: Int
    }

    /// `nil` when only the presence of lists matters (fragment checks).
    private let theme: Theme?
    /// The texts in shards, each with its own lock: every list item of
    /// every page looks here, from every core at once, and one lock made
    /// the cores wait for each other.
    private let shards = (0..<16).map { _ in Mutex<[Key: String]>([:]) }

    init(theme: Theme?) {
        self.theme = theme
    }

    /// The text of `partial` for `variant` (or `entry` and `number`) on a
    /// page whose way back to the root is `root`; `view` builds the
    /// partial's values when it is not cached.
    func render(
        _ partial: String, variant: String = "", root: String, entry: PageKey? = nil, number: Int = 0, view: () -> View
    ) -> String {
        guard let theme else { return "<li></li>\n" }
        let key = Key(partial: partial, variant: variant, root: root, entry: entry, number: number)
        let shard = shards[Int(UInt(bitPattern: key.hashValue) % UInt(shards.count))]
        if let cached = shard.withLock({ $0[key] }) { return cached }
        // Rendered outside the lock: two cores may both render a text the
        // first time, with the same result.
        let text = theme.render(view(), template: partial)
        shard.withLock { $0[key] = text }
        return text
    }

    /// Drops the texts of `entries` and every text that shows no single
    /// entry (header, footer): what an edit of those entries can change.
    func forget(_ entries: Set<PageKey>) {
        for shard in shards {
            shard.withLock { cache in
                cache = cache.filter { key, _ in key.entry.map { !entries.contains($0) } ?? false }
            }
        }
    }
}
