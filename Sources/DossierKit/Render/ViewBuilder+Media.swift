/// The views of media: the figure a body shows, an item's page, and the
/// values both share.
extension ViewBuilder {
    /// The theme's partial for `![alt](media:slug)`.
    static let figure = "partials/figure"

    /// What shows `item` on the page at `path`: for an image its variants
    /// (`srcset`), the default one's size and the alt text (the body's, else
    /// the item's); for a PDF a link to the document. `lazy`: the image is
    /// not the page's first, so the browser may wait until it nears the view.
    /// `site`: the edition the page is in, whose media files are the site root's.
    static func figure(_ item: Entry, alt: String, path: String, lazy: Bool, site: Site, labels: Labels) -> View? {
        guard let media = item.media else { return nil }
        let pageRoot = Addresses.root(from: path)
        let root = pageRoot + site.upToSiteRoot
        let itemLanguage = textLanguage(item, in: site, labels: labels)
        var view: View = [
            "textLanguage": itemLanguage ?? false, "altLanguage": false,
            "title": item.title, "pageURL": pageRoot + item.pagePath, "caption": media.caption ?? item.title,
            "credit": media.credit ?? false, "license": media.license ?? false,
            "formatLabel": media.format.label, "sizeLabel": labels.byteSize(media.byteCount), "lazy": lazy, "about": true,
        ]
        let variants = MediaRules.variants(slug: item.slug, media: media)
        if let shown = MediaRules.defaultVariant(of: variants) {
            view["image"] = true
            view["src"] = root + shown.path
            view["srcset"] = variants.map { root + $0.path + " \($0.width)w" }.joined(separator: ", ")
            view["width"] = shown.width
            view["height"] = shown.height
            view["alt"] = alt.isEmpty ? media.alt ?? "" : alt
            if alt.isEmpty, let itemLanguage { view["altLanguage"] = itemLanguage }
        } else {
            view["image"] = false
            view["documentURL"] = root + MediaRules.documentPath(slug: item.slug)
        }
        return view
    }

    func mediaPage(_ entry: Entry, path: String) -> View {
        guard let media = entry.media, let figure = Self.figure(entry, alt: "", path: path, lazy: false, site: site, labels: labels) else {
            return [:]
        }
        var view = entryBase(entry, path: path)
        view["kindLabel"] = labels.media(media.format)
        // On its own page the image leads to its largest variant, not to the page.
        var shown = figure
        shown["block"] = true
        shown["about"] = false
        if let largest = MediaRules.variants(slug: entry.slug, media: media).last {
            shown["pageURL"] = Addresses.root(from: path) + shared + largest.path
        }
        view["figure"] = shown
        if let width = media.width, let height = media.height { view["pixels"] = "\(width) × \(height)" }
        view["formatLabel"] = media.format.label
        if !media.format.isImage { view["sizeLabel"] = labels.byteSize(media.byteCount) }
        if let caption = media.caption { view["caption"] = caption }
        if let credit = media.credit { view["credit"] = credit }
        if let license = media.license { view["license"] = license }
        if let date = media.date { view["date"] = labels.date(date) }
        return view
    }
}
