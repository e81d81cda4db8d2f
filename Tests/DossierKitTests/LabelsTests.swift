import Foundation
import Mustache
import Testing

@testable import DossierKit

extension Labels {
    /// The default theme's English labels.
    static let english = Labels.load("en")

    /// The default theme's labels of `language`.
    static func load(_ language: String) -> Labels {
        var diagnostics = Diagnostics()
        let url = Fixture.templates.appendingPathComponent("i18n/\(language).yaml")
        guard let loaded = LabelFile.load(url, language: language, &diagnostics) else {
            fatalError("the default theme's \(language) labels: \(diagnostics.all)")
        }
        return loaded.labels
    }
}

/// The theme's labels: dates and plural forms from the locale's data, and
/// every label the code needs present in the default theme's languages.
@Suite struct LabelsTests {
    @Test func datesShowThePrecisionWrittenInTheLanguage() throws {
        let english = Labels.english
        #expect(english.date(try #require(PartialDate("2021"))) == "2021")
        #expect(english.date(try #require(PartialDate("2021-07"))) == "July 2021")
        #expect(english.date(try #require(PartialDate("2021-07-08"))) == "8 July 2021")
        #expect(english.date(try #require(PartialDate("2021-12-31"))) == "31 December 2021")
        #expect(english.span(try #require(PartialDate("2021-07")), PartialDate("2022-03")) == "July 2021 – March 2022")
        #expect(english.shortMonthName(1) == "Jan")
    }

    @Test func pluralFormsFollowTheLocalesRules() {
        let english = Labels.english
        #expect(english.count(1, .event) == "1 event")
        #expect(english.count(0, .event) == "0 events")
        #expect(english.count(37, .actor) == "37 actors")
        #expect(PluralRules(locale: "fr").category(0) == "one")
        #expect(PluralRules(locale: "en").category(0) == "other")
        #expect(PluralRules(locale: "ar").category(3) == "few")
        #expect(PluralRules(locale: "ar").category(11) == "many")
    }

    @Test func everyCodeLabelIsInTheDefaultTheme() {
        let english = Labels.english
        for key in Labels.codeKeys { #expect(english.has(key), "\(key)") }
        #expect(english.direction == "ltr")
    }

    /// A label of plain `{{name}}` tags is joined without Mustache, and
    /// must come out as Mustache renders it; any other falls back to it.
    @Test func labelsOfNamesAloneAreJoinedAsMustacheWould() throws {
        let values = ["count": "3", "page": "2", "pages": "5", "a": "yes", "b": "<b>"]
        for source in ["{{count}} events", "Page {{ page }} of {{pages}}.", "plain", "{{#a}}x{{/a}}{{b}}", "{{missing}}!", "{{b}}{{{b}}}"] {
            let template = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}\n" + source)
            #expect(Labels.Template(template, source: source).render(values) == template.render(values), "\(source)")
        }
    }

    @Test func sizesAreWrittenInTheLanguage() {
        #expect(Labels.english.byteSize(3_400_000) == "3.4 MB")
        #expect(Labels.english.byteSize(820_000) == "820 kB")
        #expect(Labels.english.byteSize(900) == "900 bytes")
    }
}

/// A labels file that is missing, incomplete or malformed: an error naming
/// the file (and the line, or the template tag that needs the label).
@Suite struct LabelFileErrorTests {
    /// Loads the real theme for `language` with `files` replaced or added
    /// (nil removes one); the diagnostics.
    private func load(_ files: [String: String?], language: String = "en") throws -> [String] {
        try load(files, languages: [language])
    }

    private func load(_ files: [String: String?], languages: [String]) throws -> [String] {
        try Fixture.withTemporaryFolder { folder in
            let theme = folder.appendingPathComponent("templates")
            try FileManager.default.copyItem(at: Fixture.templates, to: theme)
            for (name, text) in files {
                let url = theme.appendingPathComponent(name)
                guard let text else {
                    try FileManager.default.removeItem(at: url)
                    continue
                }
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
            var diagnostics = Diagnostics()
            _ = Theme.load(from: theme, languages: languages, &diagnostics)
            return Fixture.lines(diagnostics, relativeTo: theme)
        }
    }

    private static let english = try! String(contentsOf: Fixture.templates.appendingPathComponent("i18n/en.yaml"), encoding: .utf8)

    /// en.yaml without the line of `key`.
    private func englishWithout(_ key: String) -> String {
        Self.english.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("  \(key):") }
            .joined(separator: "\n")
    }

    @Test func aLanguageWithoutItsFileIsOneError() throws {
        #expect(
            try load([:], language: "de") == [
                "i18n/de.yaml: error: no labels for the site's language 'de' (the theme has 'ar', 'en', 'fr'): copy i18n/en.yaml to this file and translate it"
            ])
    }

    @Test func aLabelATemplateIncludesMustBeThere() throws {
        let lines = try load(["i18n/en.yaml": englishWithout("jump_to")])
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.hasPrefix("i18n/en.yaml: error: missing label 'jump_to' (used at ") })
        #expect(lines.contains { $0.contains("actors.mustache:7:29") } && lines.contains { $0.contains("sources.mustache:7:29") })
    }

    /// In a report of several languages each language's file is checked;
    /// an error of the templates themselves is reported once, not per language.
    @Test func everyLanguageOfTheReportIsChecked() throws {
        let french = try String(contentsOf: Fixture.templates.appendingPathComponent("i18n/fr.yaml"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("  languages:") }.joined(separator: "\n")
        let lines = try load(["i18n/fr.yaml": french, "partials/extra.mustache": "{{> partials/nowhere}}"], languages: ["en", "fr"])
        #expect(
            lines == [
                "i18n/fr.yaml: error: missing label 'languages' (used at layout.mustache:23:47)",
                "partials/extra.mustache:1:1: error: missing partial 'partials/nowhere': no file 'partials/nowhere.mustache' in the theme",
            ])
    }

    @Test func aLabelTheCodeNeedsMustBeThere() throws {
        #expect(
            try load(["i18n/en.yaml": englishWithout("status_alleged")]) == [
                "i18n/en.yaml: error: missing label 'status_alleged' (needed by every theme)"
            ])
    }

    @Test func malformedLabelsAreErrorsAtTheirLine() throws {
        let file =
            "locale: en-GB\nlabels:\n  jump_to: [a, b]\n  count_event:\n    one: \"{{count}} event\"\n  timeline: \"{{#x}}open\"\n  skip: \"{{count}}\"\n  color: red\nextra: 1\n"
        #expect(
            try load(["i18n/en.yaml": file]) == [
                "i18n/en.yaml:3:3: error: label 'jump_to' must be text",
                "i18n/en.yaml:4:3: error: label 'count_event' has no 'other' form, which every language uses",
                "i18n/en.yaml:6:3: error: label 'timeline' is not valid Mustache: a tag or section is not closed",
                "i18n/en.yaml:9:1: error: unknown field 'extra' in a labels file: only 'locale' and 'labels' are read",
            ])
    }

    @Test func aPluralFormMustBeACLDRCategory() throws {
        let lines = try load([
            "i18n/en.yaml": Self.english.replacingOccurrences(
                of: "    one: \"{{count}} event\"\n", with: "    single: \"{{count}} event\"\n")
        ])
        #expect(lines.count == 1)
        #expect(lines.first?.contains("error: label 'count_event': 'single' is not a plural form with a text") == true)
    }
}

/// The default theme's other languages: complete, and written the language's way.
@Suite struct ThemeLanguagesTests {
    @Test(arguments: ["en", "fr", "ar"])
    func theDefaultThemeLoadsCleanInEachLanguage(language: String) throws {
        var diagnostics = Diagnostics()
        let theme = Theme.load(from: Fixture.templates, languages: [language], &diagnostics)
        #expect(diagnostics.all.isEmpty, "\(diagnostics.all)")
        #expect(theme?.labels.language == language)
    }

    @Test func frenchDatesAndCounts() throws {
        let french = Labels.load("fr")
        #expect(french.date(try #require(PartialDate("2021-07"))) == "juillet 2021")
        #expect(french.date(try #require(PartialDate("2021-07-08"))) == "8 juillet 2021")
        #expect(french.count(0, .event) == "0 événement")
        #expect(french.count(2, .event) == "2 événements")
        #expect(french.status(.denied) == "Démenti")
        #expect(french.direction == "ltr")
    }

    @Test func arabicIsRightToLeftWithSixPluralForms() {
        let arabic = Labels.load("ar")
        #expect(arabic.direction == "rtl")
        let forms = [0, 1, 2, 3, 11, 100].map { arabic.count($0, .event) }
        #expect(Set(forms).count == 6, "\(forms)")
        // The search page's count, chosen by the script among the same six categories.
        #expect(arabic.forms("search_results").map(\.category) == ["few", "many", "one", "other", "two", "zero"])
        #expect(Labels.load("en").forms("search_results").map(\.text) == ["{count} result", "{count} results"])
    }
}
