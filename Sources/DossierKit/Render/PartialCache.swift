/// Theme partials whose text repeats across pages, rendered once and reused:
/// list items (`partials/event-item`, `partials/link-item`, ...) once per
/// entry and page depth, the site header once per depth and section, the
/// `<head>` links and the footer once per depth.
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
    /// A text that shows no single entry: the header (per section) and footer.
    private struct Key: Hashable {
        let partial: String
        let variant: String
        let root: String
    }

    /// One list's partial at one page depth, numbered once per list so that
    /// each item's key is three machine words instead of three strings.
    struct List: Sendable {
        fileprivate let partial: String
        fileprivate let id: Int
        /// The way back to the site's root on the list's pages.
        fileprivate let root: String
    }

    private struct ListName: Hashable {
        let partial: String
        let root: String
    }

    /// An item: the entry it shows (by identity; the cached value keeps the
    /// entry alive, so its identity is never reused for another while
    /// cached), its list, and a number it shows besides the entry (a
    /// connection's weight).
    private struct ItemKey: Hashable {
        let entry: ObjectIdentifier
        let list: Int
        let number: Int
    }

    private let theme: Theme
    private let shared = Mutex<[Key: String]>([:])
    private let lists = Mutex<[ListName: Int]>([:])
    /// The items in shards, each with its own lock: every list item of every
    /// page looks here, from every core at once, and one lock made the cores
    /// wait for each other.
    private let shards = (0..<16).map { _ in Mutex<[ItemKey: (entry: Entry, text: String)]>([:]) }

    init(theme: Theme) {
        self.theme = theme
    }

    /// The text of `partial` for `variant` on a page whose way back to the
    /// root is `root`; `view` builds the partial's values when it is not
    /// cached.
    func render(_ partial: String, variant: String, root: String, view: () -> View) -> String {
        let key = Key(partial: partial, variant: variant, root: root)
        if let cached = shared.withLock({ $0[key] }) { return cached }
        // Rendered outside the lock: two cores may both render a text the
        // first time, with the same result.
        let text = theme.render(view(), template: partial)
        shared.withLock { $0[key] = text }
        return text
    }

    /// The list whose items `partial` renders on pages whose way back to the
    /// root is `root`.
    func list(_ partial: String, root: String) -> List {
        let name = ListName(partial: partial, root: root)
        let id = lists.withLock { lists in
            if let id = lists[name] { return id }
            lists[name] = lists.count
            return lists.count - 1
        }
        return List(partial: partial, id: id, root: root)
    }

    /// The text of `list`'s partial for `entry` (and `number`); `view`
    /// builds the partial's values, for a way back to the root, when it is
    /// not cached.
    func item(_ list: List, _ entry: Entry, number: Int = 0, view: (_ root: String) -> View) -> String {
        let id = ObjectIdentifier(entry)
        let key = ItemKey(entry: id, list: list.id, number: number)
        let shard = shards[Int((UInt(bitPattern: id) >> 4) % UInt(shards.count))]
        if let cached = shard.withLock({ $0[key]?.text }) { return cached }
        let text = theme.render(view(list.root), template: list.partial)
        shard.withLock { $0[key] = (entry, text) }
        return text
    }

    /// Drops the items of `entries` and every text that shows no single
    /// entry (header, footer): what an edit of those entries can change.
    func forget(_ entries: Set<PageKey>) {
        shared.withLock { $0 = [:] }
        for shard in shards {
            shard.withLock { cache in
                cache = cache.filter { _, value in !entries.contains(value.entry.key) }
            }
        }
    }
}
