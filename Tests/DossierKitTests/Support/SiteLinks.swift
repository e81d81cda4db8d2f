import Foundation

/// A simple scanner of a built site's links (`href` and `src` attributes,
/// and the sitemap's `<loc>`), to check that every link inside the site
/// leads to a file that exists and every `#fragment` to an `id`.
enum SiteLinks {
    /// One link found on a page.
    struct Link: CustomStringConvertible {
        let page: String
        let url: String
        var description: String { "\(page): \(url)" }
    }

    /// Every `href="…"` and `src="…"` value (either quote) and `<loc>` of a
    /// text, with `&amp;` decoded.
    static func urls(in text: String) -> [String] {
        let attributes = text.matches(of: #/\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/#.ignoresCase()).map {
            String($0.1 ?? $0.2 ?? "")
        }
        let locations = text.matches(of: #/<loc>([^<]*)</loc>/#).map { String($0.1) }
        return (attributes + locations).map { $0.replacingOccurrences(of: "&amp;", with: "&") }
    }

    /// Every `id="…"` of an HTML text.
    static func ids(in html: String) -> Set<String> {
        Set(html.matches(of: #/\sid\s*=\s*"([^"]*)"/#).map { String($0.1) })
    }

    /// Where a link leads.
    enum Target: Equatable {
        /// Outside the site: not checked.
        case external
        /// A file of the site (`dir/` read as `dir/index.html`), and the fragment if any.
        case file(String, fragment: String?)
        /// Not a usable link from this page (climbs out of the site, a
        /// `/`-rooted URL that breaks under `file://`, an unknown scheme).
        case invalid
    }

    /// Where `url`, written on `page`, leads. URLs under `base` (the site's
    /// `base_url`) are inside the site; `/`-rooted URLs are accepted only on
    /// `404.html`, which a server shows at any address.
    static func target(of url: String, on page: String, base: String?) -> Target {
        var rest = url
        var parts: [String]
        if let base, !base.isEmpty, url.hasPrefix(base) {
            rest = String(url.dropFirst(base.count))
            parts = []
        } else if url.lowercased().hasPrefix("http:") || url.lowercased().hasPrefix("https:") || url.lowercased().hasPrefix("mailto:") {
            return .external
        } else if url.hasPrefix("/") {
            // The 404 pages (each edition has one) are served at any address.
            guard page == "404.html" || page.split(separator: "/").count == 2 && page.hasSuffix("/404.html") else { return .invalid }
            rest = String(url.dropFirst())
            parts = []
        } else {
            parts = page.split(separator: "/").dropLast().map(String.init)
        }
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = String(rest[..<hash])
        }
        if let query = rest.firstIndex(of: "?") { rest = String(rest[..<query]) }
        if rest.isEmpty, parts == page.split(separator: "/").dropLast().map(String.init), !url.hasPrefix("/"),
            !(base.map { url.hasPrefix($0) } ?? false)
        {
            return .file(page, fragment: fragment)  // `#x` or `href=""`: this page
        }
        guard !rest.contains(":") else { return .invalid }
        let segments = rest.split(separator: "/", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            switch segment {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return .invalid }
                parts.removeLast()
            case "" where index == segments.count - 1: parts.append("index.html")
            case "": return .invalid
            default: parts.append(String(segment))
            }
        }
        return .file(parts.joined(separator: "/"), fragment: fragment)
    }

    /// Links of every HTML and XML file of `site` that lead to no file, or
    /// are not usable links.
    static func broken(in site: URL, base: String? = nil) throws -> [Link] {
        try scan(site, base: base) { _, target in
            switch target {
            case .external: false
            case .invalid: true
            case .file(let path, _): !FileManager.default.fileExists(atPath: site.appendingPathComponent(path).path)
            }
        }
    }

    /// Links whose `#fragment` names no `id` on the page they lead to.
    static func brokenFragments(in site: URL, base: String? = nil) throws -> [Link] {
        var idsByPage: [String: Set<String>] = [:]
        return try scan(site, base: base) { _, target in
            guard case .file(let path, let fragment?) = target else { return false }
            if idsByPage[path] == nil {
                let html = (try? String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)) ?? ""
                idsByPage[path] = ids(in: html)
            }
            return !(idsByPage[path] ?? []).contains(fragment)
        }
    }

    /// The links of every page for which `isBroken` says so.
    private static func scan(_ site: URL, base: String?, _ isBroken: (Link, Target) -> Bool) throws -> [Link] {
        var broken: [Link] = []
        for page in try Golden.files(in: site).sorted() where page.hasSuffix(".html") || page.hasSuffix(".xml") {
            let text = try String(contentsOf: site.appendingPathComponent(page), encoding: .utf8)
            for url in urls(in: text) {
                let link = Link(page: page, url: url)
                if isBroken(link, target(of: url, on: page, base: base)) { broken.append(link) }
            }
        }
        return broken
    }
}
