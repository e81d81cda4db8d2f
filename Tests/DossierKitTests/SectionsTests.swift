import Foundation
import Testing

@testable import DossierKit

/// `Sections` says which section ids each entry page has; the fragment check
/// trusts it. The views and the default theme must agree, page by page:
/// every reserved id on a rendered page is one `Sections.present` names,
/// and every one it names is there.
@Suite struct SectionsTests {
    @Test(arguments: ["sites/minimal", "content"])
    func renderedPagesHaveThePresentSections(_ name: String) throws {
        let site = try JSONTextTests.site(name == "content" ? Fixture.content : Fixture.url(name))
        let theme = try PartialCacheTests.theme()
        let sink = MemorySink()
        let jobs = Renderer(site: site, theme: theme).render(into: sink, only: { $0.key != nil }, data: false).jobs
        let files = sink.files.withLock { $0 }
        for job in jobs {
            // A redirect page (`moved_from`) carries its entry's key but shows no section.
            guard let key = job.key, job.template != Renderer.movedTemplate, let entry = site[key], let data = files[job.path]
            else { continue }
            let html = String(decoding: data, as: UTF8.self)
            let ids = Set(html.matches(of: #/ id="([^"]*)"/#).map { String($0.1) })
            let expected = Sections.present(on: entry, in: site)
            #expect(ids.intersection(Sections.ids(for: key.kind)) == expected, "\(key)")
        }
    }
}
