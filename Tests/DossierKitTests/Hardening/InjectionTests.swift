import Foundation
import Testing

@testable import DossierKit

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Hostile text in every front-matter field and in every kind of body
/// markup: the built site must run nothing of it. Every generated page is
/// read with `HTMLScanner`: no `<script>` but the theme's two, no `on*=`
/// attribute, no URL with a scheme other than http, https or mailto, and
/// every hostile value shown only as text. The data exports stay valid
/// and defuse spreadsheet formulas; the search index and its shards stay valid script.
@Suite struct InjectionTests {
    /// The hostile value of one field: markup, both quotes, a template tag,
    /// `</script>`, a JavaScript line break, and a spreadsheet-formula start
    /// that cycles through the characters spreadsheets act on.
    static func payload(_ field: String, _ index: Int) -> String {
        let formula = ["=", "+", "-", "@", "\t", "\r"][index % 6]
        return formula + "cmd|'/C calc'!A0 <script>alert('\(field)')</script>\"><img src=x onerror=alert('\(field)')>"
            + "' onmouseover='alert(1)' {{pageTitle}} </script>\u{2028}end"
    }

    static let fields = [
        "site-title", "site-description", "site-author", "country-name", "country-region", "country-summary",
        "actor-name", "actor-role", "actor-alias", "actor-summary", "actor-update", "source-title", "source-publisher",
        "source-author", "event-title", "event-summary", "event-update", "page-title", "page-summary",
    ]

    static func value(_ field: String) -> String {
        payload(field, fields.firstIndex(of: field) ?? 0)
    }

    /// A YAML double-quoted scalar (JSON's string syntax is YAML's too).
    static func quoted(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return String(decoding: (try? encoder.encode(text)) ?? Data(), as: UTF8.self)
    }

    static func hostileBody(_ field: String) -> String {
        """
        # <script>alert('\(field)-heading')</script> heading

        <script>alert('\(field)-raw')</script>

        <img src=x onerror=alert('\(field)-img')> <a href="javascript:alert(1)">raw</a> <b onclick="alert(1)">b</b> <svg onload=alert(1)>

        [js](javascript:alert('\(field)')) [JS](JAVASCRIPT:alert(1)) [vb](vbscript:msgbox(1)) [file](file:///etc/passwd)
        [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [tab](java&#x09;script:alert(1))
        [entity](&#x6A;avascript:alert(1)) [newline](java&#10;script:alert(1)) [space](&#32;javascript:alert(1))
        ![img](javascript:alert(1)) ![svg](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)
        <javascript:alert(1)> <vbscript:msgbox(1)> <JavaScript:alert(1)> <data:text/html,alert(1)>
        [reference][r1] [image reference][r2] [title](https://example.org/ "x\\" onmouseover=\\"alert(1)")
        [fragment](actor:acme#"><script>alert(1)</script>) [ok](https://example.org/a?b="c") <mailto:a@example.org>

        [r1]: javascript:alert('\(field)-ref')
        [r2]: vbscript:msgbox(1)
        """ + "\n"
    }

    static func hostileSite() -> [String: Data?] {
        func file(_ lines: [String], body: String) -> Data {
            Data(("---\n" + lines.joined(separator: "\n") + "\n---\n" + body).utf8)
        }
        let v = { quoted(value($0)) }
        return [
            "site.yaml": Data(
                [
                    "title: \(v("site-title"))", "description: \(v("site-description"))", "language: en",
                    "base_url: https://example.org/report/", "author: \(v("site-author"))",
                ].joined(separator: "\n").utf8),
            "pages/about.md": file(["title: \(v("page-title"))", "summary: \(v("page-summary"))"], body: hostileBody("page")),
            "countries/norway.md": file(
                ["name: \(v("country-name"))", "code: NO", "region: \(v("country-region"))", "summary: \(v("country-summary"))"],
                body: hostileBody("country")),
            "actors/acme.md": file(
                [
                    "name: \(v("actor-name"))", "kind: company", "role: \(v("actor-role"))", "countries: [norway]",
                    "aliases: [\(v("actor-alias"))]", "summary: \(v("actor-summary"))",
                    "updates: [{date: 2021-01-02, note: \(v("actor-update"))}]",
                ],
                body: hostileBody("actor")),
            "sources/report.md": file(
                [
                    "title: \(v("source-title"))", "publisher: \(v("source-publisher"))", "date: 2021",
                    #"url: "https://example.org/a?q=\"><script>alert('source-url')</script>""#,
                    #"archive_url: "https://web.archive.org/x' onmouseover='alert(1)""#,
                    "authors: [\(v("source-author"))]",
                ],
                body: hostileBody("source")),
            "events/incident.md": file(
                [
                    "title: \(v("event-title"))", "date: 2021-03-04", "actors: [acme]", "countries: [norway]", "sources: [report]",
                    "summary: \(v("event-summary"))", "updates: [{date: 2021-03-05, note: \(v("event-update"))}]",
                ],
                body: hostileBody("event")),
        ]
    }

    /// Files of `folder` ending in one of `extensions`, relative paths.
    static func files(in folder: URL, ending extensions: [String]) -> [String] {
        (FileManager.default.subpaths(atPath: folder.path) ?? []).filter { path in extensions.contains { path.hasSuffix($0) } }.sorted()
    }

    // MARK: Tests

    @Test func pagesRunNothingHostile() throws {
        try HostileProject.with(Self.hostileSite()) { project in
            let result = Builder(project: project.project).build()
            guard case .success = result else {
                Issue.record("the hostile site did not build: \(project.lines((try? result.get())?.diagnostics ?? Diagnostics()))")
                if case .failure(let failure) = result { Issue.record("\(project.lines(failure.diagnostics))") }
                return
            }
            var shown: [String] = []
            let pages = Self.files(in: project.output, ending: [".html", ".xml", ".svg"])
            #expect(pages.count > 10)
            for path in pages {
                let text = try String(contentsOf: project.output.appendingPathComponent(path), encoding: .utf8)
                let document = HTMLScanner.scan(text)
                Self.checkTags(document.tags, in: path)
                shown += document.texts + document.tags.flatMap { $0.attributes.map(\.value) }
                for field in Self.fields {
                    #expect(!text.contains("<script>alert('\(field)')"), "raw <script> of \(field) in \(path)")
                    #expect(!text.contains("onerror=alert('\(field)')>"), "raw onerror of \(field) in \(path)")
                }
            }
            // Every field is shown, as text: escaped, not dropped.
            let all = shown.joined(separator: "\n")
            for field in Self.fields {
                #expect(
                    all.contains("<script>alert('\(field)')</script>\"><img src=x onerror=alert('\(field)')>"),
                    "\(field) is not shown as text on any page")
            }
            // Raw HTML in a body is left out, its text kept.
            #expect(all.contains("alert('page-heading')") && all.contains("alert-page-heading-heading"))
            #expect(!all.contains("alert('page-raw')"))
        }
    }

    /// The scanner itself sees what browsers see.
    @Test func scannerSeesHostileMarkup() {
        let document = HTMLScanner.scan(
            "a<b<img src=x onerror=alert(1)><!-- <script>x</script> --><p title='q\"r' data-x=\"&lt;s&gt;\">t&amp;u</p>"
                + "<script>if (a<b) {}</script><a HREF=\" JaVa&#9;script:x\">l</a>")
        // As in browsers, a tag name runs to a blank, `/` or `>`: `<b<img` is one tag, named `b<img`.
        #expect(document.tags.map(\.name) == ["b<img", "p", "script", "a"])
        #expect(document.tags[0].attributes.map(\.name) == ["src", "onerror"])
        #expect(document.tags[1].attributes.map(\.value) == ["q\"r", "<s>"])
        #expect(document.texts == ["a", "t&u", "l"])
        #expect(HTMLScanner.scheme(of: document.tags[3].attributes[0].value) == "javascript")
        #expect(HTMLScanner.scheme(of: "../x/index.html#a:b") == nil)
        #expect(HTMLScanner.scheme(of: "java%09script:x") == nil)
    }

    /// The tag rules of the suite's summary.
    static func checkTags(_ tags: [HTMLScanner.Tag], in path: String) {
        let urlAttributes: Set<String> = [
            "href", "src", "action", "formaction", "xlink:href", "poster", "cite", "background", "data", "codebase", "srcset",
        ]
        let forbidden: Set<String> = ["iframe", "frame", "frameset", "object", "embed", "applet", "base", "math"]
        for tag in tags {
            #expect(!forbidden.contains(tag.name), "\(tag) in \(path)")
            if tag.name == "script" {
                let source = tag.attributes.first { $0.name == "src" }?.value ?? ""
                let theme = source == "search-index.js" || source.hasSuffix("/search-index.js") || source.hasSuffix("assets/search.js")
                #expect(theme, "\(tag) in \(path)")
            }
            if tag.name == "meta", let equiv = tag.attributes.first(where: { $0.name == "http-equiv" })?.value {
                #expect(equiv.lowercased() == "content-security-policy", "\(tag) in \(path)")
            }
            for (name, value) in tag.attributes {
                #expect(!name.hasPrefix("on"), "event handler \(name) in \(tag) in \(path)")
                #expect(name != "style" || !value.lowercased().contains("javascript:"), "\(tag) in \(path)")
                guard urlAttributes.contains(name) else { continue }
                let scheme = HTMLScanner.scheme(of: value)
                #expect(scheme == nil || ["http", "https", "mailto"].contains(scheme!), "\(name)=\"\(value)\" in \(path)")
            }
        }
    }

    @Test func dataExportsStayValid() throws {
        try HostileProject.with(Self.hostileSite()) { project in
            guard case .success = Builder(project: project.project).build() else {
                Issue.record("the hostile site did not build")
                return
            }
            let data = project.output.appendingPathComponent("data")
            // JSON: parses, and holds every value exactly.
            let json = try Data(contentsOf: data.appendingPathComponent("report.json"))
            let report = try JSONSerialization.jsonObject(with: json) as? [String: Any]
            #expect((report?["site"] as? [String: Any])?["title"] as? String == Self.value("site-title"))
            let jsonText = String(decoding: json, as: UTF8.self)
            for field in Self.fields where !field.hasPrefix("site-") || field == "site-title" {
                let encoded = String(decoding: try JSONEncoder().encode(Self.value(field)), as: UTF8.self)
                #expect(
                    jsonText.contains(String(encoded.dropFirst().dropLast())) || jsonText.contains("alert('\(field)')"),
                    "\(field) missing from report.json")
            }
            // CSV: no cell a spreadsheet would run.
            var cells: [String] = []
            for name in Self.files(in: data, ending: [".csv"]) {
                let rows = try Self.parseCSV(String(contentsOf: data.appendingPathComponent(name), encoding: .utf8))
                #expect(rows.count >= 1, "\(name) is empty")
                let widths = Set(rows.map(\.count))
                #expect(widths.count == 1, "\(name) has rows of different widths \(widths)")
                for cell in rows.joined() {
                    #expect(!(cell.first.map { "=+-@\t\r".contains($0) } ?? false), "formula cell \(cell.debugDescription) in \(name)")
                    cells.append(cell)
                }
            }
            for field in ["actor-name", "actor-role", "source-publisher", "event-title", "page-title"] {
                #expect(cells.contains("'" + Self.value(field)), "\(field) not kept (prefixed) in the CSV files")
            }
        }
    }

    @Test func searchIndexIsValidScript() throws {
        try HostileProject.with(Self.hostileSite()) { project in
            guard case .success = Builder(project: project.project).build() else {
                Issue.record("the hostile site did not build")
                return
            }
            let search = project.output.appendingPathComponent("search")
            let files = try Self.files(in: search, ending: [".js"]).map { name in
                (path: "search/" + name, bytes: Array(try Data(contentsOf: search.appendingPathComponent(name))))
            }
            // Every shard parses as the page reads it, with the titles intact.
            let sharded = try Sharded(files: files)
            var titles: [String] = []
            for file in files where file.path.hasPrefix("search/docs/") {
                let path = String(file.path.dropFirst("search/".count).dropLast(".js".count))
                titles += (try sharded.data(path) as? [[String]] ?? []).map { $0[1] }
            }
            #expect(titles.contains(Self.value("event-title")))
            // Run them for real when node is here: valid script, same values.
            guard let node = ["/usr/bin/node", "/usr/local/bin/node"].first(where: FileManager.default.isExecutableFile) else {
                return
            }
            let check = """
                const fs = require("fs"), path = require("path"), titles = [];
                global.window = global;
                global.DOSSIER_SEARCH_SHARD = (name, data) => { if (name.startsWith("docs/")) titles.push(...data.map(d => d[1])); };
                require(path.join(process.argv[1], "search-index.js"));
                if (typeof window.DOSSIER_SEARCH.count !== "number") process.exit(4);
                for (const name of fs.readdirSync(path.join(process.argv[1], "docs"))) require(path.join(process.argv[1], "docs", name));
                process.exit(titles.includes(process.argv[2]) ? 0 : 3);
                """
            let process = Process()
            process.executableURL = URL(fileURLWithPath: node)
            process.arguments = ["-e", check, search.path, Self.value("actor-name")]
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "node could not load the search shards or lost a title")
        }
    }

    @Test func feedIsWellFormedXML() throws {
        try HostileProject.with(Self.hostileSite()) { project in
            guard case .success = Builder(project: project.project).build() else {
                Issue.record("the hostile site did not build")
                return
            }
            for name in ["feed.xml", "sitemap.xml", "sitemap-1.xml"] {
                let parser = XMLParser(contentsOf: project.output.appendingPathComponent(name))
                #expect(parser?.parse() == true, "\(name): \(String(describing: parser?.parserError))")
            }
        }
    }

    /// `url`, `archive_url` and `base_url` with a script scheme are invalid:
    /// the build stops and writes nothing.
    @Test func scriptURLsAreRejected() throws {
        var site = Self.hostileSite()
        site["site.yaml"] = Data("title: T\ndescription: D\nlanguage: en\nbase_url: \"javascript:alert(1)//\"\n".utf8)
        site["sources/report.md"] = Data(
            """
            ---
            title: Report
            publisher: P
            url: "JaVaScRiPt://example.org/%0Aalert(1)"
            archive_url: "data:text/html,<script>alert(1)</script>"
            ---
            body

            """.utf8)
        site["sources/other.md"] = Data("---\ntitle: Other\npublisher: P\nurl: \" vbscript:msgbox(1)\"\n---\nbody\n".utf8)
        try HostileProject.with(site) { project in
            let lines = try project.failingBuild().filter { $0.contains("invalid URL") }
            #expect(
                lines == [
                    "content/site.yaml:4:11: error: invalid URL 'javascript:alert(1)//' in 'base_url': expected an absolute http or https URL",
                    "content/sources/other.md:4:6: error: invalid URL ' vbscript:msgbox(1)' in 'url': expected an absolute http or https URL",
                    "content/sources/report.md:4:6: error: invalid URL 'JaVaScRiPt://example.org/%0Aalert(1)' in 'url': expected an absolute http or https URL",
                    "content/sources/report.md:5:14: error: invalid URL 'data:text/html,<script>alert(1)</script>' in 'archive_url': expected an absolute http or https URL",
                ])
        }
    }

    /// RFC 4180 fields: quoted ones may hold commas, quotes and line breaks.
    static func parseCSV(_ text: String) throws -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false, atStart = true
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending {
                pending = nil
                return p
            }
            return iterator.next()
        }
        while let c = next() {
            if quoted {
                if c == "\"" {
                    let after = next()
                    if after == "\"" {
                        field.unicodeScalars.append("\"")
                    } else {
                        quoted = false
                        pending = after
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" && atStart {
                quoted = true
            } else if c == "," {
                row.append(field)
                field = ""
                atStart = true
                continue
            } else if c == "\r" {
                guard next() == "\n" else { throw CocoaError(.fileReadCorruptFile) }
                row.append(field)
                rows.append(row)
                row = []
                field = ""
                atStart = true
                continue
            } else {
                field.unicodeScalars.append(c)
            }
            atStart = false
        }
        if !row.isEmpty || !field.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }
}
