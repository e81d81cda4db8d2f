/// What search engines and feed readers read: the Atom feed of the newest
/// events, the sitemap index `sitemap.xml` with its sitemaps, and
/// `robots.txt`. Feed and sitemaps need absolute URLs, so they exist only
/// when the site has a `base_url`.
enum Discovery {
    /// The sitemap protocol's limits for one file (sitemaps.org).
    static let sitemapURLLimit = 50_000
    static let sitemapByteLimit = 50 * 1024 * 1024

    /// `robots.txt` only at the site's root (crawlers read no other), naming
    /// the sitemap of every edition.
    static func files(for site: Site, paths: [String]) -> [(path: String, text: String)] {
        let robots = site.folder.isEmpty ? [("robots.txt", robotsText(site))] : []
        guard let base = site.settings.baseURL else { return robots }
        return [("feed.xml", feed(site, base: base))] + sitemaps(paths, base: base) + robots
    }

    static func robotsText(_ site: Site) -> String {
        var text = "User-agent: *\nAllow: /\n"
        guard let base = site.rootBaseURL else { return text }
        for language in site.settings.allLanguages {
            let folder = language == site.ownLanguage ? "" : language + "/"
            text += "Sitemap: \(Addresses.absolute(folder + "sitemap.xml", base: base))\n"
        }
        return text
    }

    /// An Atom (RFC 4287) feed of the newest events (`feedEntries` of
    /// them), newest first: a feed reader polls it for what is new, and a
    /// report of 100,000 events would otherwise send 50 MB each time.
    /// `updated` comes from the content (the newest event or update date),
    /// never the clock.
    static func feed(_ site: Site, base: String) -> String {
        let settings = site.settings
        let events = site.entries(of: .event).suffix(settings.feedEntries).reversed()
        var newest: PartialDate?
        for entry in site.entries.values {
            if let event = entry.event { newest = max(newest ?? event.date, event.date) }
            for update in entry.event?.updates ?? entry.actor?.updates ?? [] { newest = max(newest ?? update.date, update.date) }
        }
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(escape(settings.language))">
            <title>\(escape(settings.title))</title>
            <subtitle>\(escape(settings.description))</subtitle>
            <id>\(escape(Addresses.absolute(Addresses.home, base: base)))</id>
            <link rel="self" type="application/atom+xml" href="\(escape(Addresses.absolute("feed.xml", base: base)))"/>
            <link rel="alternate" type="text/html" href="\(escape(Addresses.absolute(Addresses.home, base: base)))"/>
            <updated>\(timestamp(newest))</updated>
            <author><name>\(escape(settings.author ?? settings.title))</name></author>

            """
        // Ten thousand entries: appended piece by piece into one string,
        // with no interpolated string per line.
        xml.reserveCapacity(xml.utf8.count + 400 * events.count)
        let root = Addresses.absoluteRoot(base)
        for entry in events {
            guard let event = entry.event else { continue }
            let url = escape(root + Addresses.pretty(entry.pagePath))
            var updated = event.date
            for update in event.updates { updated = max(updated, update.date) }
            xml += "<entry>\n<title>"
            xml += escape(entry.title)
            xml += "</title>\n<id>"
            xml += url
            xml += "</id>\n<link rel=\"alternate\" type=\"text/html\" href=\""
            xml += url
            xml += "\"/>\n<published>"
            xml += timestamp(event.date)
            xml += "</published>\n<updated>"
            xml += timestamp(updated)
            xml += "</updated>\n"
            if let summary = entry.summary {
                xml += "<summary>"
                xml += escape(summary)
                xml += "</summary>\n"
            }
            xml += "</entry>\n"
        }
        return xml + "</feed>\n"
    }

    /// `sitemap.xml`, a sitemap index, and the sitemaps it lists
    /// (`sitemap-1.xml`, ...), each within the protocol's limits: at most
    /// `urlLimit` URLs and `byteLimit` bytes. Always an index, so that the
    /// address search engines are given never changes as a report grows.
    static func sitemaps(
        _ paths: [String], base: String, urlLimit: Int = sitemapURLLimit, byteLimit: Int = sitemapByteLimit
    ) -> [(path: String, text: String)] {
        let head = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        let tail = "</urlset>\n"
        let root = Addresses.absoluteRoot(base)
        var files: [String] = []
        var xml = head, count = 0
        for path in paths.sorted() where path.hasSuffix("index.html") {
            let line = "<url><loc>" + escape(root + Addresses.pretty(path)) + "</loc></url>\n"
            if count > 0, count == urlLimit || xml.utf8.count + line.utf8.count + tail.utf8.count > byteLimit {
                files.append(xml + tail)
                (xml, count) = (head, 0)
            }
            xml += line
            count += 1
        }
        files.append(xml + tail)
        var index = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for number in files.indices {
            index += "<sitemap><loc>" + escape(root + "sitemap-\(number + 1).xml") + "</loc></sitemap>\n"
        }
        index += "</sitemapindex>\n"
        return [("sitemap.xml", index)] + files.enumerated().map { ("sitemap-\($0.offset + 1).xml", $0.element) }
    }

    /// RFC 3339 at the start of the date's first day (a partial date is
    /// placed at its earliest moment).
    static func timestamp(_ date: PartialDate?) -> String {
        guard let date else { return "1970-01-01T00:00:00Z" }
        let month = PartialDate.padded(date.month ?? 1, 2), day = PartialDate.padded(date.day ?? 1, 2)
        return "\(PartialDate.padded(date.year, 4))-\(month)-\(day)T00:00:00Z"
    }

    /// Text for the feed and the sitemap (XML): `'` as `&apos;`.
    static func escape(_ text: String) -> String {
        HTMLEscaping.escape(text, apostrophe: "&apos;")
    }
}
