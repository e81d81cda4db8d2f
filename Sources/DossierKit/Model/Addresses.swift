/// Where each page lives in `public/`, and the relative URL from one page to
/// another (ending in `index.html`, so the site works from `file://`).
public enum Addresses {
    public static let home = "index.html"

    /// The page `pages/home.md`, when there is one, is the home page's
    /// introduction: it lives at the site's root, not under `pages/`.
    public static let homePage = PageKey(.page, "home")

    public static func page(_ key: PageKey) -> String {
        key == homePage ? home : "\(key.kind.folder)/\(key.slug)/index.html"
    }

    public static func index(_ kind: Kind) -> String { "\(kind.folder)/index.html" }

    /// Page `page` of a split list (`ListParts`): `FOLDER/index.html`, then `FOLDER/page-N/index.html`.
    public static func listPart(folder: String, page: Int) -> String {
        page == 1 ? "\(folder)/index.html" : "\(folder)/page-\(page)/index.html"
    }

    /// `../` once per folder of `from`: the way back to the site's root.
    public static func root(from path: String) -> String {
        let depth =
            path.utf8.withContiguousStorageIfAvailable { $0.count { $0 == UInt8(ascii: "/") } }
            ?? path.utf8.count { $0 == UInt8(ascii: "/") }
        return depth < commonRoots.count ? commonRoots[depth] : String(repeating: "../", count: depth)
    }

    /// The roots of the depths most pages have (`""` to `../../../../`),
    /// made once: every list of every page asks for its root.
    static let commonRoots = (0...4).map { String(repeating: "../", count: $0) }

    /// The URL of `target` as written on the page at `from`.
    public static func relative(from path: String, to target: String) -> String {
        root(from: path) + target
    }

    /// The absolute URL of a site path under `base` (for feeds and canonical
    /// links), keeping pretty URLs: `actors/x/index.html` → `BASE/actors/x/`.
    public static func absolute(_ path: String, base: String) -> String {
        absoluteRoot(base) + pretty(path)
    }

    /// `base` with one `/` at its end: what `absolute` puts before a path
    /// (made once when many paths share it).
    static func absoluteRoot(_ base: String) -> String {
        (base.hasSuffix("/") ? String(base.dropLast()) : base) + "/"
    }

    /// `path` with a final `index.html` dropped.
    static func pretty(_ path: String) -> Substring {
        path.hasSuffix("index.html") ? path.dropLast("index.html".count) : path[...]
    }
}
