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
/// never the page's. An item partial that shows its `url` only as written
/// (`Theme.depthFree`) goes further: once it is listed at a second depth,
/// each item is rendered once with a stand-in for the root and kept in
/// pieces, and each depth's text is the pieces joined with its root.
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
        /// Set when the partial's items are rendered once for all depths
        /// (`Theme.depthFree`): the partial's number among those.
        fileprivate let depthFree: Int?
    }

    /// What stands for the way to the root in an item rendered once for
    /// every depth: a byte no text of the report holds (checked for each
    /// item) and that no escaping changes.
    static let rootStandIn: UInt8 = 0x01
    static let rootStandInText = String(UnicodeScalar(rootStandIn))

    private struct ListName: Hashable {
        let partial: String
        let root: String
    }

    /// An item rendered with the stand-in: its entry, partial and number.
    private struct DepthFreeKey: Hashable {
        let entry: ObjectIdentifier
        let partial: Int
        let number: Int
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

    /// `nil` when only the presence of lists matters (fragment checks).
    private let theme: Theme?
    private let shared = Mutex<[Key: String]>([:])
    private let lists = Mutex<(ids: [ListName: Int], roots: [String: Int])>(([:], [:]))
    /// The items in shards, each with its own lock: every list item of every
    /// page looks here, from every core at once, and one lock made the cores
    /// wait for each other.
    private let shards = (0..<16).map { _ in Mutex<[ItemKey: (entry: Entry, text: String)]>([:]) }
    /// Items rendered once for every depth, with the stand-in, as the pieces
    /// between stand-ins; nil when one of the item's own values holds the
    /// stand-in byte (rendered per depth).
    private let depthFreeShards = (0..<16).map { _ in Mutex<[DepthFreeKey: (entry: Entry, pieces: [String]?)]>([:]) }
    private let depthFreePartials: [String]

    /// `sharedAcrossDepths: false` renders every item once per depth
    /// (tests compare the two).
    init(theme: Theme?, sharedAcrossDepths: Bool = true) {
        self.theme = theme
        depthFreePartials = sharedAcrossDepths ? (theme?.depthFree.sorted() ?? []) : []
    }

    /// The text of `partial` for `variant` on a page whose way back to the
    /// root is `root`; `view` builds the partial's values when it is not
    /// cached.
    func render(_ partial: String, variant: String, root: String, view: () -> View) -> String {
        guard let theme else { return "" }
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
        let (id, depths) = lists.withLock { lists in
            if let id = lists.ids[name] { return (id, lists.roots[partial] ?? 1) }
            lists.ids[name] = lists.ids.count
            lists.roots[partial, default: 0] += 1
            return (lists.ids.count - 1, lists.roots[partial] ?? 1)
        }
        // Rendered once for all depths only once the partial is listed at a
        // second depth: most item partials show on entry pages alone, where
        // the stand-in would only add work.
        let depthFree = depths > 1 ? depthFreePartials.firstIndex(of: partial) : nil
        return List(partial: partial, id: id, root: root, depthFree: depthFree)
    }

    /// The text of `list`'s partial for `entry` (and `number`); `view`
    /// builds the partial's values, for a way back to the root, when it is
    /// not cached. A depth-free partial renders an item once, with the
    /// stand-in for the root, and each depth's text puts its root in.
    func item(_ list: List, _ entry: Entry, number: Int = 0, view: (_ root: String) -> View) -> String {
        guard let theme else { return "<li></li>\n" }
        let id = ObjectIdentifier(entry)
        let key = ItemKey(entry: id, list: list.id, number: number)
        let shard = shards[Int((UInt(bitPattern: id) >> 4) % UInt(shards.count))]
        if let cached = shard.withLock({ $0[key]?.text }) { return cached }
        let text: String
        if let partial = list.depthFree, let pieces = depthFreePieces(list, partial, entry, number, view: view) {
            text = pieces.joined(separator: list.root)
        } else {
            text = theme.render(view(list.root), template: list.partial)
        }
        shard.withLock { $0[key] = (entry, text) }
        return text
    }

    /// The item's text rendered with the stand-in for the root, cut at each
    /// stand-in; nil when a value of the item itself holds the stand-in byte.
    private func depthFreePieces(
        _ list: List, _ partial: Int, _ entry: Entry, _ number: Int, view: (_ root: String) -> View
    ) -> [String]? {
        guard let theme else { return nil }
        let id = ObjectIdentifier(entry)
        let key = DepthFreeKey(entry: id, partial: partial, number: number)
        let shard = depthFreeShards[Int((UInt(bitPattern: id) >> 4) % UInt(depthFreeShards.count))]
        if let cached = shard.withLock({ $0[key] }) { return cached.pieces }
        let values = view(Self.rootStandInText)
        // The stand-in may appear only where the root was put: once, at the
        // start of `url`.
        let pieces = values.holdsOnlyInURL(Self.rootStandIn)
            ? Self.pieces(of: theme.render(values, template: list.partial)) : nil
        shard.withLock { $0[key] = (entry, pieces) }
        return pieces
    }

    /// `text` cut at every stand-in byte (which is dropped).
    static func pieces(of text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var pieces: [String] = []
            var start = 0
            while let cut = bytes[start...].firstIndex(of: rootStandIn) {
                pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<cut]), as: UTF8.self))
                start = cut + 1
            }
            pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return pieces
        }
    }

    /// How many items were rendered once for every depth.
    var depthFreeItemCount: Int {
        depthFreeShards.reduce(0) { count, shard in count + shard.withLock { $0.values.count { $0.pieces != nil } } }
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
        for shard in depthFreeShards {
            shard.withLock { cache in
                cache = cache.filter { _, value in !entries.contains(value.entry.key) }
            }
        }
    }
}
