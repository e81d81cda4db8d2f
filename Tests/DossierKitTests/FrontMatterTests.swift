import Foundation
import Testing

@testable import DossierKit

/// Front matter is YAML 1.2 core schema for its own fields: text stays text.
@Suite struct FrontMatterTests {
    /// Decodes one file's text as a file of `kind`, without touching the disk.
    static func decode(_ kind: Kind, _ text: String) -> (entry: Entry?, diagnostics: [String]) {
        var diagnostics = Diagnostics()
        let path = "content/\(kind.folder)/x.md"
        let file = ContentFileRef(kind: kind, slug: "x", url: URL(fileURLWithPath: "/nonexistent/x.md"), path: path)
        guard let split = FrontMatterSplitter.split(text, path: path, &diagnostics) else {
            return (nil, diagnostics.sorted.map(\.description))
        }
        let outline = Markdown.outline(of: split.body, reservedIDs: Sections.ids(for: kind))
        let entry = RecordDecoder.decode(file, split: split, outline: outline, &diagnostics)
        return (entry, diagnostics.sorted.map(\.description))
    }

    @Test func countryCodeNOStaysText() throws {
        let (entry, diagnostics) = Self.decode(.country, "---\nname: Norway\ncode: NO\n---\n")
        #expect(diagnostics == [])
        #expect(entry?.country?.code == "NO")
    }

    @Test func nameYesStaysText() throws {
        let (entry, diagnostics) = Self.decode(.actor, "---\nname: Yes\nkind: group\naliases: [No, On, 012, 1e3, ~x]\n---\n")
        #expect(diagnostics == [])
        #expect(entry?.title == "Yes")
        #expect(entry?.actor?.aliases == ["No", "On", "012", "1e3", "~x"])
    }

    @Test func quotedNullIsText() throws {
        let (entry, diagnostics) = Self.decode(.page, "---\ntitle: \"null\"\nsummary: '~'\n---\n")
        #expect(diagnostics == [])
        #expect(entry?.title == "null")
        #expect(entry?.summary == "~")
    }

    @Test(arguments: ["", "~", "null", "NULL"])
    func plainNullIsAbsent(_ value: String) {
        let (entry, diagnostics) = Self.decode(.page, "---\ntitle: About\nsummary: \(value)\n---\n")
        #expect(diagnostics == [])
        #expect(entry != nil && entry?.summary == nil)
    }

    @Test func yearOnlyDateIsAccepted() throws {
        let (entry, diagnostics) = Self.decode(.event, "---\ntitle: T\ndate: 2021\nsources: [s]\n---\n")
        #expect(diagnostics == [])
        #expect(entry?.event?.date == PartialDate("2021"))
        #expect(entry?.event?.date.precision == .year)
    }

    @Test func fullDateIsNotATimestamp() throws {
        let (entry, diagnostics) = Self.decode(.event, "---\ntitle: T\ndate: 2021-07-18\nend_date: 2021-08\nsources: [s]\n---\n")
        #expect(diagnostics == [])
        #expect(entry?.event?.date.description == "2021-07-18")
        #expect(entry?.event?.endDate?.description == "2021-08")
        #expect(entry?.event?.status == .reported)
    }

    @Test func draftAcceptsOnlyTrueOrFalse() {
        #expect(Self.decode(.page, "---\ntitle: T\ndraft: true\n---\n").entry?.draft == true)
        #expect(Self.decode(.page, "---\ntitle: T\ndraft: false\n---\n").entry?.draft == false)
        #expect(Self.decode(.page, "---\ntitle: T\n---\n").entry?.draft == false)
        #expect(Self.decode(.page, "---\ntitle: T\ndraft: no\n---\n").diagnostics == [
            "content/pages/x.md:3:8: error: field 'draft' must be true or false"
        ])
    }

    @Test func updatesAreSortedNewestFirst() throws {
        let text = """
            ---
            name: A
            kind: person
            updates:
              - {date: 2021-01-05, note: first}
              - date: 2021-03-01
                note: third
              - {date: 2021-02-10, note: second}
            ---

            """
        let (entry, diagnostics) = Self.decode(.actor, text)
        #expect(diagnostics == [])
        #expect(entry?.actor?.updates.map(\.note) == ["third", "second", "first"])
    }

    @Test func bodyStartsAfterTheClosingFence() throws {
        var diagnostics = Diagnostics()
        let split = try #require(FrontMatterSplitter.split("---\na: b\nc: d\n---  \nBody\n", path: "p", &diagnostics))
        #expect(split.yaml == "a: b\nc: d\n")
        #expect(split.body.text == "Body\n")
        #expect(split.body.firstLine == 5)
        let empty = try #require(FrontMatterSplitter.split("---\n---", path: "p", &diagnostics))
        #expect(empty.yaml == "" && empty.body.text == "" && empty.body.firstLine == 3)
        #expect(diagnostics.all.isEmpty)
    }

    @Test func everyFieldOfEveryKindIsAllowed() {
        // The format's tables, field by field (content-format.md).
        #expect(RecordDecoder.fields[.actor].map(Set.init) == ["name", "kind", "role", "countries", "affiliations", "aliases", "summary", "updates", "draft"])
        #expect(RecordDecoder.fields[.country].map(Set.init) == ["name", "code", "region", "summary", "draft"])
        #expect(RecordDecoder.fields[.event].map(Set.init) == ["title", "date", "end_date", "actors", "countries", "sources", "status", "summary", "updates", "draft"])
        #expect(RecordDecoder.fields[.source].map(Set.init) == ["title", "publisher", "date", "kind", "url", "archive_url", "accessed", "language", "authors", "draft"])
        #expect(RecordDecoder.fields[.page].map(Set.init) == ["title", "summary", "draft"])
        #expect(Set(RecordDecoder.siteFields) == ["title", "description", "language", "base_url", "author"])
    }

    @Test func textFileDropsBOMAndNormalisesLineEndings() throws {
        var diagnostics = Diagnostics()
        let text = TextFile.decode(Data([0xEF, 0xBB, 0xBF] + Array("a\r\nb\rc\n".utf8)), path: "p", &diagnostics)
        #expect(text == "a\nb\nc\n")
        #expect(diagnostics.all.isEmpty)
    }
}
