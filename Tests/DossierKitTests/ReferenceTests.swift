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

    @Test func kindFolders() {
        #expect(Kind.allCases.map(\.folder) == ["actors", "countries", "events", "sources", "pages"])
        #expect(Kind(linkPrefix: "event") == .event)
        #expect(Kind(linkPrefix: "events") == nil)
    }
}
