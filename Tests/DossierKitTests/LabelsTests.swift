import Foundation
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

    @Test func sizesAreWrittenInTheLanguage() {
        #expect(Labels.english.byteSize(3_400_000) == "3.4 MB")
        #expect(Labels.english.byteSize(820_000) == "820 kB")
        #expect(Labels.english.byteSize(900) == "900 bytes")
    }
}
