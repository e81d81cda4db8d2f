import Foundation
import Testing

@testable import DossierKit

/// The minimal report in English and French (`Fixtures/sites/french` laid
/// over `sites/minimal`): the French edition under `fr/`, translated pages
/// in French, the others in English with a notice and `lang`, every page
/// naming its languages. Four pages are golden files (`golden/french`).
@Suite struct TwoLanguageSiteTests {
    /// Builds the two-language report; `body` gets the output folder.
    static func build(_ body: (URL, BuildSummary) throws -> Void) throws {
        try Fixture.withTemporaryFolder { temporary in
            let content = temporary.appendingPathComponent("content")
            try FileManager.default.copyItem(at: GoldenSiteTests.site, to: content)
            let overlay = Fixture.url("sites/french")
            for file in FileManager.default.subpaths(atPath: overlay.path) ?? [] where file.hasSuffix(".md") || file.hasSuffix(".yaml") {
                guard file != "README.md" else { continue }
                let target = content.appendingPathComponent(file)
                try? FileManager.default.removeItem(at: target)
                try FileManager.default.copyItem(at: overlay.appendingPathComponent(file), to: target)
            }
            let output = temporary.appendingPathComponent("public")
            let summary = try Builder(project: Project(content: content, templates: Fixture.templates, output: output)).build().get()
            try body(output, summary)
        }
    }

    static func read(_ output: URL, _ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func pagesMatchGolden() throws {
        try Self.build { output, summary in
            #expect(!summary.diagnostics.hasErrors)
            let pages = [
                "events/contract-signed/index.html", "fr/events/contract-signed/index.html", "fr/actors/acme-surveillance/index.html",
                "fr/index.html",
            ]
            for page in pages {
                try Golden.assertText(
                    try Self.read(output, page), matches: Fixture.url("golden/french/" + page.replacingOccurrences(of: "/", with: "-")))
            }
        }
    }

    @Test func everyPageNamesItsLanguages() throws {
        try Self.build { output, _ in
            let base = "https://example.org/minimal/"
            // Translated: both languages are alternates.
            let event = try Self.read(output, "events/contract-signed/index.html")
            #expect(event.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"\(base)events/contract-signed/\">"))
            #expect(event.contains("<link rel=\"alternate\" hreflang=\"fr\" href=\"\(base)fr/events/contract-signed/\">"))
            #expect(event.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"\(base)events/contract-signed/\">"))
            // Not translated: French is no alternate, but the switch leads there.
            let actor = try Self.read(output, "actors/acme-surveillance/index.html")
            #expect(!actor.contains("hreflang=\"fr\" href=\"\(base)"))
            #expect(
                actor.contains(
                    "<a href=\"../../fr/actors/acme-surveillance/index.html\" hreflang=\"fr\" lang=\"fr\" dir=\"ltr\">Français</a>"))
            #expect(actor.contains("hreflang=\"en\" lang=\"en\" dir=\"ltr\" aria-current=\"page\">English</a>"))
            // Every page of both editions says its language; every French one has the switch.
            for file in FileManager.default.subpaths(atPath: output.path) ?? [] where file.hasSuffix(".html") {
                let text = try Self.read(output, file)
                guard text.contains("<html") else { continue }  // a former address' redirect has no layout
                let french = file.hasPrefix("fr/")
                #expect(text.contains("<html lang=\"\(french ? "fr" : "en")\" dir=\"ltr\">"), "\(file)")
                // The 404 page is served at any address; a redirect shows only a link.
                if !file.hasSuffix("404.html"), !text.contains("http-equiv=\"refresh\"") {
                    #expect(text.contains("class=\"language-switch"), "\(file)")
                }
            }
        }
    }

    @Test func untranslatedTextIsMarked() throws {
        try Self.build { output, _ in
            let actor = try Self.read(output, "fr/actors/acme-surveillance/index.html")
            #expect(
                actor.contains(
                    "<p class=\"notice\" role=\"note\">Cette page n’est pas encore traduite : elle est présentée en anglais.</p>"))
            #expect(actor.contains("<h1 lang=\"en\" dir=\"ltr\">Acme Surveillance</h1>"))
            #expect(actor.contains("<div class=\"body\" lang=\"en\" dir=\"ltr\">"))
            // A translated event listed on it is French: no `lang`.
            #expect(actor.contains("<a href=\"../../events/contract-signed/index.html\">Acme signe un contrat avec le ministère</a>"))
            let event = try Self.read(output, "fr/events/contract-signed/index.html")
            #expect(!event.contains("class=\"notice\""))
            #expect(event.contains("<h1>Acme signe un contrat avec le ministère</h1>"))
            // An untranslated actor listed on a French page keeps its language.
            #expect(event.contains("<a href=\"../../actors/interior-ministry/index.html\" lang=\"en\" dir=\"ltr\">"))
            // The English edition has no notice and no `lang` but the page's.
            let english = try Self.read(output, "actors/acme-surveillance/index.html")
            #expect(!english.contains("class=\"notice\"") && !english.contains(" lang=\"en\" dir=\"ltr\">Acme"))
        }
    }

    @Test func linksStayWithinALanguage() throws {
        try Self.build { output, _ in
            let event = try Self.read(output, "fr/events/contract-signed/index.html")
            // A body link to a translated page's heading uses its French id.
            #expect(event.contains("<a href=\"../../pages/about/index.html#methode\">la page « À propos »</a>"))
            #expect(event.contains("<a href=\"../../sources/annual-report/index.html#details\">rapport annuel</a>"))
            // Shared files are the site root's.
            #expect(event.contains("<link rel=\"stylesheet\" href=\"../../../assets/style.css\">"))
            let about = try Self.read(output, "fr/pages/about/index.html")
            #expect(about.contains("src=\"../../../media/harbour/"))
            #expect(about.contains("alt=\"Le port, vu de la jetée\""))
            #expect(about.contains("<figcaption>Le port, photographié depuis la jetée."))
            let notFound = try Self.read(output, "fr/404.html")
            #expect(notFound.contains("href=\"https://example.org/minimal/assets/style.css\""))
            #expect(notFound.contains("<a class=\"site-title\" href=\"https://example.org/minimal/fr/\">Rapport minimal</a>"))
        }
    }

    @Test func searchFeedAndSitemapPerLanguageDataOnce() throws {
        try Self.build { output, _ in
            let manager = FileManager.default
            #expect(
                try Self.read(output, "robots.txt").hasSuffix(
                    "Sitemap: https://example.org/minimal/sitemap.xml\nSitemap: https://example.org/minimal/fr/sitemap.xml\n"))
            #expect(!manager.fileExists(atPath: output.appendingPathComponent("fr/robots.txt").path))
            #expect(!manager.fileExists(atPath: output.appendingPathComponent("fr/data").path))
            #expect(!manager.fileExists(atPath: output.appendingPathComponent("fr/assets").path))
            let sitemap = try Self.read(output, "fr/sitemap-1.xml")
            #expect(sitemap.contains("<loc>https://example.org/minimal/fr/events/contract-signed/</loc>"))
            #expect(!sitemap.contains("<loc>https://example.org/minimal/events/"))
            let feed = try Self.read(output, "fr/feed.xml")
            #expect(feed.contains("xml:lang=\"fr\"") && feed.contains("<title>Acme signe un contrat avec le ministère</title>"))
            #expect(feed.contains("<title>Rapport minimal</title>"))
            func searchFiles(_ folder: String) throws -> String {
                let url = output.appendingPathComponent(folder)
                return try (manager.subpaths(atPath: url.path) ?? []).filter { $0.hasSuffix(".js") }.sorted().map {
                    try String(contentsOf: url.appendingPathComponent($0), encoding: .utf8)
                }.joined()
            }
            #expect(try searchFiles("fr/search").contains("Acme signe un contrat"))
            #expect(!(try searchFiles("search")).contains("Acme signe"))
            let data = try Self.read(output, "data/report.json")
            #expect(
                data.contains(
                    #""translations":{"fr":{"summary":"Le ministère a acheté des licences de Snoop.","title":"Acme signe un contrat avec le ministère","url":"fr/events/contract-signed/index.html"}}"#
                ))
            #expect(data.contains(#""languages":["en","fr"]"#))
        }
    }
}
