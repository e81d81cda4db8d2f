import Foundation
import Testing

@testable import DossierKit

/// No reader-facing word is left in Swift or in a template: the minimal
/// site is built with a language whose every label is the English one
/// marked `⟦…⟧` (and the back-links lettered in Greek), with a locale
/// whose dates have no Latin letters (`ja`).
/// On every page, once the marked spans are taken out, each remaining word
/// in Latin letters must come from the site's content.
@Suite struct MarkedLabelsTests {
    static let site = Fixture.url("sites/minimal")

    /// The default theme's English labels, each text (and plural form) marked.
    static func markedLabels() throws -> String {
        let english = try String(contentsOf: Fixture.templates.appendingPathComponent("i18n/en.yaml"), encoding: .utf8)
        let value = try NSRegularExpression(pattern: #"^(\s+[a-z_]+): "(.*)"$"#, options: [.anchorsMatchLines])
        var marked = english.replacingOccurrences(of: "locale: en-GB", with: "locale: ja")
        marked = value.stringByReplacingMatches(
            in: marked, range: NSRange(marked.startIndex..., in: marked), withTemplate: #"$1: "⟦$2⟧""#)
        // Letters name the back-links one by one: Greek ones, which no page has otherwise.
        return marked.replacingOccurrences(of: #"backlink_letters: "⟦abcdefghijklmnopqrstuvwxyz⟧""#, with: #"backlink_letters: "αβγδεζ""#)
    }

    @Test func everyWordOnEveryPageIsALabelOrContent() throws {
        try Fixture.withTemporaryFolder { folder in
            let templates = folder.appendingPathComponent("templates")
            let content = folder.appendingPathComponent("content")
            try FileManager.default.copyItem(at: Fixture.templates, to: templates)
            try FileManager.default.copyItem(at: Self.site, to: content)
            try Data(try Self.markedLabels().utf8).write(to: templates.appendingPathComponent("i18n/ja.yaml"))
            let settings = content.appendingPathComponent("site.yaml")
            let yaml = try String(contentsOf: settings, encoding: .utf8).replacingOccurrences(of: "language: en", with: "language: ja")
            try Data(yaml.utf8).write(to: settings)
            let output = folder.appendingPathComponent("public")
            _ = try Builder(project: Project(content: content, templates: templates, output: output)).build().get()

            let vocabulary = try Self.words(inFilesUnder: content)
            var pages = 0
            for path in FileManager.default.subpaths(atPath: output.path) ?? [] where path.hasSuffix(".html") {
                let html = try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
                let stray = Self.unmarkedWords(html).filter { !vocabulary.contains($0) && !Self.names.contains($0) }
                let text = Self.unmarkedText(html)
                #expect(stray.isEmpty, "\(path): \(Array(Set(stray)).sorted()), as in: \(Self.context(of: stray.first, in: text))")
                pages += 1
            }
            #expect(pages > 20)
        }
    }

    /// Proper names the pages show that are neither labels nor content: file formats.
    static let names: Set<String> = ["JPEG", "PNG", "WebP", "GIF", "PDF"]

    /// The words of a page a reader meets (text, and the attributes read
    /// out or shown), with the marked spans taken out.
    static func unmarkedWords(_ html: String) -> [String] {
        words(unmarkedText(html))
    }

    /// `unmarkedWords`' text.
    static func unmarkedText(_ html: String) -> String {
        var text = html
        for pattern in [
            #"<script\b[\s\S]*?</script>"#, #"<style\b[\s\S]*?</style>"#, #"<!--[\s\S]*?-->"#,
            #"<meta (?:charset|name="viewport"|http-equiv|name="robots"|property="og:url")[^>]*>"#,
            #"<link\b[^>]*>"#,
        ] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        // Each tag becomes the attributes a reader meets, in place, so that
        // a tag inside a marked label stays inside it.
        let tag = try! NSRegularExpression(pattern: #"<[^>]*>"#)
        let attribute = try! NSRegularExpression(pattern: #"\s(?:title|aria-label|alt|placeholder|content|data-[a-z-]+)="([^"]*)""#)
        var result = ""
        var last = text.startIndex
        for match in tag.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let range = Range(match.range, in: text)!
            result += text[last..<range.lowerBound]
            let element = String(text[range])
            let values = attribute.matches(in: element, range: NSRange(element.startIndex..., in: element)).map {
                String(element[Range($0.range(at: 1), in: element)!])
            }
            result += " " + values.joined(separator: " ") + " "
            last = range.upperBound
        }
        result += text[last...]
        for (entity, character) in [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'")] {
            result = result.replacingOccurrences(of: entity, with: character)
        }
        // Innermost marked spans first: a count inside a sentence is a label in a label.
        while let range = result.range(of: #"⟦[^⟦⟧]*⟧"#, options: .regularExpression) {
            result.replaceSubrange(range, with: " ")
        }
        return result
    }

    /// Where `word` first appears in `text`, with what comes before it.
    static func context(of word: String?, in text: String) -> String {
        guard let word, let range = text.range(of: word) else { return "" }
        let start = text.index(range.lowerBound, offsetBy: -60, limitedBy: text.startIndex) ?? text.startIndex
        return String(text[start..<range.upperBound])
    }

    static func words(_ text: String) -> [String] {
        text.matches(of: /\p{Script=Latin}+/).map { String($0.output) }
    }

    static func words(inFilesUnder folder: URL) throws -> Set<String> {
        var all = Set<String>()
        for path in FileManager.default.subpaths(atPath: folder.path) ?? [] where path.hasSuffix(".md") || path.hasSuffix(".yaml") {
            all.formUnion(words(try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)))
        }
        return all
    }
}
