import Foundation
import Testing

@testable import DossierServe

/// Request paths → site files, without a server.
@Suite struct SitePathTests {
    let files: Set<String> = ["index.html", "actors/index.html", "actors/nso-group/index.html", "assets/style.css", "404.html"]

    func resolve(_ path: String, query: String? = nil) -> SitePath {
        SitePath.resolve(path, query: query, exists: { files.contains($0) })
    }

    @Test func foldersServeTheirIndex() {
        #expect(resolve("/") == .file("index.html"))
        #expect(resolve("/actors/nso-group/") == .file("actors/nso-group/index.html"))
        #expect(resolve("/actors/nso-group/index.html") == .file("actors/nso-group/index.html"))
        #expect(resolve("/assets/style.css") == .file("assets/style.css"))
        #expect(resolve("/assets/") == .notFound)
    }

    @Test func foldersWithoutTheirSlashRedirect() {
        #expect(resolve("/actors/nso-group") == .redirect("/actors/nso-group/"))
        #expect(resolve("/actors", query: "q=1") == .redirect("/actors/?q=1"))
        #expect(resolve("/assets/style.css/") == .notFound)
    }

    @Test(arguments: [
        "/../index.html", "/actors/../index.html", "/%2e%2e/index.html", "/%2E%2E/index.html", "/actors/%2e%2e/index.html",
        "/..%2findex.html", "/actors%2fnso-group/index.html", "/actors/..\\index.html", "/actors\\nso-group\\index.html",
        "/%5c..%5cindex.html", "/index.html%00", "/%00/index.html", "//index.html", "//actors/", "/./index.html",
        "/actors/./nso-group/", "/%zz", "/%", "index.html", "/actors//nso-group/", "/\u{1}index.html",
    ])
    func refusesPathsThatTryToLeave(_ path: String) {
        #expect(resolve(path) == .notFound)
    }

    @Test func encodedCharactersAreDecoded() {
        #expect(resolve("/actors/nso%2Dgroup/") == .file("actors/nso-group/index.html"))
    }

    @Test func mediaTypes() {
        #expect(MediaType.of("a/index.html") == "text/html; charset=utf-8")
        #expect(MediaType.of("assets/style.css") == "text/css; charset=utf-8")
        #expect(MediaType.of("assets/search.js") == "text/javascript; charset=utf-8")
        #expect(MediaType.of("data/report.json") == "application/json")
        #expect(MediaType.of("feed.xml") == "application/xml; charset=utf-8")
        #expect(MediaType.of("assets/logo.svg") == "image/svg+xml")
        #expect(MediaType.of("data/actors.csv") == "text/csv; charset=utf-8")
        #expect(MediaType.of("robots.txt") == "text/plain; charset=utf-8")
        #expect(MediaType.of("assets/a.PNG") == "image/png")
        #expect(MediaType.of("assets/photo.jpg") == "image/jpeg")
        #expect(MediaType.of("assets/font.woff2") == "font/woff2")
        #expect(MediaType.of("assets/README") == "application/octet-stream")
    }

    @Test func theScriptGoesBeforeTheLastBodyEnd() {
        let page = Data("<html><body><p>&lt;/body&gt;</p></body></html>\n".utf8)
        let served = String(decoding: LiveReload.inject(into: page, build: "x-1"), as: UTF8.self)
        #expect(served == "<html><body><p>&lt;/body&gt;</p><script src=\"/_dossier/live.js\" data-build=\"x-1\"></script></body></html>\n")
        let bare = String(decoding: LiveReload.inject(into: Data("<p>hi</p>".utf8), build: "x-1"), as: UTF8.self)
        #expect(bare.hasSuffix("</script>"))
    }
}
