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
        #expect(
            Self.decode(.page, "---\ntitle: T\ndraft: no\n---\n").diagnostics == [
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

    /// The splitter reads bytes; a walk over `Character`s (how the format
    /// reads lines) must find the same fences, YAML, body and line, also
    /// where a combining mark joins a dash or a blank into one character.
    @Test func splitOnBytesMatchesSplitOnCharacters() {
        func reference(_ text: String) -> (yaml: String, body: String, line: Int)? {
            func isFence(_ line: Substring) -> Bool { line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" } }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            guard let first = lines.first, isFence(first) else { return nil }
            for index in lines.indices.dropFirst() where isFence(lines[index]) {
                return (lines[1..<index].map { $0 + "\n" }.joined(), lines[(index + 1)...].joined(separator: "\n"), index + 2)
            }
            return nil
        }
        let samples = [
            "---\na: b\n---\nBody", "---\n---", "---", "", "--\n---\n", "--- \t\na\n---\t \nb\n", "---\u{301}\na\n---\n",
            "---\na\n---\u{301}\nb\n---\nc", "---\na\n--- \u{301}\n---\n", "---\n\u{301}a\n---\n\u{301}", "x---\n---\n",
            "---\né: ü\n---\nLine\n\nMore\n", "---\n---\n---\n", " ---\n---\n", "---\na\n", "---\n\n\n---\n\n",
        ]
        for sample in samples {
            var diagnostics = Diagnostics()
            let split = FrontMatterSplitter.split(sample, path: "p", &diagnostics)
            let expected = reference(sample)
            #expect(split?.yaml == expected?.yaml, "\(sample.debugDescription)")
            #expect(split?.body.text == expected?.body, "\(sample.debugDescription)")
            #expect(split?.body.firstLine == expected?.line, "\(sample.debugDescription)")
            #expect((split == nil) == (diagnostics.errorCount == 1), "\(sample.debugDescription)")
        }
    }

    @Test func everyFieldOfEveryKindIsAllowed() {
        // The format's tables, field by field (content-format.md).
        #expect(
            RecordDecoder.fields[.actor].map(Set.init) == [
                "name", "kind", "role", "countries", "affiliations", "aliases", "summary", "updates", "draft", "moved_from",
            ])
        #expect(RecordDecoder.fields[.country].map(Set.init) == ["name", "code", "region", "summary", "draft", "moved_from"])
        #expect(
            RecordDecoder.fields[.event].map(Set.init) == [
                "title", "date", "end_date", "actors", "countries", "sources", "status", "summary", "updates", "draft",
                "moved_from",
            ])
        #expect(
            RecordDecoder.fields[.source].map(Set.init) == [
                "title", "publisher", "date", "kind", "url", "archive_url", "archive_date", "url_status", "accessed", "language",
                "authors", "draft", "moved_from",
            ])
        #expect(RecordDecoder.fields[.page].map(Set.init) == ["title", "summary", "draft", "moved_from"])
        #expect(
            Set(RecordDecoder.siteFields) == [
                "title", "description", "language", "languages", "base_url", "author", "license", "license_url", "feed_entries",
                "link_check_skip",
            ])
        #expect(
            RecordDecoder.fields[.media].map(Set.init) == [
                "file", "title", "alt", "credit", "caption", "date", "source", "license", "summary", "draft", "moved_from",
            ])
    }

    @Test func textFileDropsBOMAndNormalisesLineEndings() throws {
        var diagnostics = Diagnostics()
        let text = TextFile.decode(Data([0xEF, 0xBB, 0xBF] + Array("a\r\nb\rc\n".utf8)), path: "p", &diagnostics)
        #expect(text == "a\nb\nc\n")
        #expect(diagnostics.all.isEmpty)
    }
}
