import Foundation

/// Where a request path leads in the in-memory site. The site is a
/// dictionary, never the file system, so nothing outside it can be served;
/// paths are still refused early when they try (`..`, `.`, empty segments,
/// backslashes, NUL, bad percent-encoding, encoded slashes).
enum SitePath: Equatable {
    /// A file of the site, by its path in the output (`actors/x/index.html`).
    case file(String)
    /// A folder named without its final slash: where to send the browser.
    case redirect(String)
    case notFound

    /// Resolves the raw (still percent-encoded) path of a request; `exists`
    /// says whether the site has a file at a path.
    static func resolve(_ rawPath: String, query: String?, exists: (String) -> Bool) -> SitePath {
        guard rawPath.hasPrefix("/"), !rawPath.lowercased().contains("%2f"),
            let decoded = rawPath.removingPercentEncoding,
            !decoded.contains("\\"), !decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
        else { return .notFound }
        let segments = decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            let last = index == segments.count - 1
            if segment == "." || segment == ".." || (segment.isEmpty && !last) { return .notFound }
        }
        let path = String(decoded.dropFirst())
        if path.isEmpty || path.hasSuffix("/") {
            return exists(path + "index.html") ? .file(path + "index.html") : .notFound
        }
        if exists(path) { return .file(path) }
        if exists(path + "/index.html") { return .redirect(rawPath + "/" + (query.map { "?" + $0 } ?? "")) }
        return .notFound
    }
}
