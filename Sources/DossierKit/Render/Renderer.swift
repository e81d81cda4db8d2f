import Foundation

/// Receives rendered pages; called from every core at once.
protocol PageSink: Sendable {
    func write(_ path: String, _ contents: String)
}

/// Stage 3: views + theme → pages, rendered on every core and handed to the
/// sink as soon as each is ready, so the site is never held in memory whole.
struct Renderer: Sendable {
    let site: Site
    let theme: Theme

    /// Every page of the site, in a fixed order.
    func jobs() -> [PageJob] {
        var jobs: [PageJob] = [PageJob(path: Addresses.home, template: "home", key: nil) { $0.home(path: Addresses.home) }]
        for kind in Kind.allCases {
            let indexPath = Addresses.index(kind)
            jobs.append(PageJob(path: indexPath, template: kind.folder, key: nil) { $0.index(kind, path: indexPath) })
            for entry in site.entries(of: kind) {
                let path = Addresses.page(entry.key)
                jobs.append(PageJob(path: path, template: kind.rawValue, key: entry.key) { builder in
                    switch kind {
                    case .actor: builder.actorPage(entry, path: path)
                    case .country: builder.countryPage(entry, path: path)
                    case .event: builder.eventPage(entry, path: path)
                    case .source: builder.sourcePage(entry, path: path)
                    case .page: builder.pagePage(entry, path: path)
                    }
                })
            }
        }
        return jobs
    }

    /// Renders every page into `sink`; returns the paths written.
    @discardableResult
    func render(into sink: PageSink) -> [PageJob] {
        let jobs = jobs()
        let builder = ViewBuilder(site: site, renderBody: { [site] entry, path in Self.bodyHTML(entry, path: path, site: site) })
        let theme = theme
        _ = jobs.parallelMap { job -> Bool in
            sink.write(job.path, theme.render(job.makeView(builder), template: job.template))
            return true
        }
        return jobs
    }

    /// The body as HTML, its `KIND:SLUG` links made relative to `path`.
    static func bodyHTML(_ entry: Entry, path: String, site: Site) -> String {
        Markdown.html(of: entry.body.text, reservedIDs: Sections.ids(for: entry.kind)) { destination in
            guard let (kind, slug, fragment) = Reference.parse(destination: destination),
                site[PageKey(kind, slug)] != nil
            else { return nil }
            let url = Addresses.relative(from: path, to: Addresses.page(PageKey(kind, slug)))
            return fragment.map { url + "#" + $0 } ?? url
        }
    }
}
