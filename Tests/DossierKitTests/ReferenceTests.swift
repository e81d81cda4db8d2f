import Testing

@testable import DossierKit

@Suite struct ReferenceTests {
    @Test func everyKindPrefix() {
        for kind in Kind.allCases {
            let parsed = Reference.parse(destination: "\(kind.rawValue):some-slug")
            #expect(parsed?.kind == kind && parsed?.slug == "some-slug" && parsed?.fragment == nil)
        }
    }

    @Test func fragment() {
        let parsed = Reference.parse(destination: "actor:nso-group#history-2")
        #expect(parsed?.kind == .actor && parsed?.slug == "nso-group" && parsed?.fragment == "history-2")
        let empty = Reference.parse(destination: "country:france#")
        #expect(empty?.slug == "france" && empty?.fragment == "")
        let twice = Reference.parse(destination: "event:x#a#b")
        #expect(twice?.slug == "x" && twice?.fragment == "a#b")
    }

    @Test(arguments: [
        "actors:nso-group", "Actor:nso-group", "https://example.org", "mailto:a@b.org", "#history", "nso-group",
        "../actors/x/index.html", "", ":x", "javascript:alert(1)",
    ])
    func notAPageLink(_ destination: String) {
        #expect(Reference.parse(destination: destination) == nil)
    }

    /// ASCII destinations are cut at bytes: the same cuts as the
    /// `Character` search the rest of the text gets.
    @Test func asciiCutsAreTheCharacterCuts() {
        func byCharacters(_ destination: String) -> (kind: Kind, slug: String, fragment: String?)? {
            guard let colon = destination.firstIndex(of: ":"), let kind = Kind(linkPrefix: String(destination[..<colon]))
            else { return nil }
            let rest = destination[destination.index(after: colon)...]
            guard let hash = rest.firstIndex(of: "#") else { return (kind, String(rest), nil) }
            return (kind, String(rest[..<hash]), String(rest[rest.index(after: hash)...]))
        }
        let pieces = ["actor", "event", "Actor", ":", "#", "", "x", "a-b", "::", "##", "\r\n", " ", "?q=1"]
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let destination = a + b + c
                    let mine = Reference.parse(destination: destination), theirs = byCharacters(destination)
                    #expect(
                        mine?.kind == theirs?.kind && mine?.slug == theirs?.slug && mine?.fragment == theirs?.fragment,
                        "\(destination.debugDescription)")
                }
            }
        }
        // Not ASCII: a colon joined to a combining mark is no cut.
        #expect(Reference.parse(destination: "actor:\u{301}x") == nil)
        #expect(Reference.parse(destination: "actor:é#b")?.slug == "é")
    }

    /// Kinds compare and hash by case: in `allCases` order, equal only to
    /// themselves, and a set of them holds each once.
    @Test func kindOrderAndIdentity() {
        let kinds = Kind.allCases
        for (i, a) in kinds.enumerated() {
            for (j, b) in kinds.enumerated() {
                #expect((a < b) == (i < j) && (a == b) == (i == j))
            }
        }
        #expect(Set(kinds + kinds).count == kinds.count)
        #expect(Set(kinds.map { PageKey($0, "x") }).count == kinds.count)
    }

    @Test func kindFolders() {
        #expect(Kind.allCases.map(\.folder) == ["actors", "countries", "events", "sources", "pages", "media"])
        #expect(Kind(linkPrefix: "event") == .event)
        #expect(Kind(linkPrefix: "events") == nil)
    }
}
