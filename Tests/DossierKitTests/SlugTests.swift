import Testing

@testable import DossierKit

@Suite struct SlugTests {
    @Test(arguments: ["a", "0", "nso-group", "2021", "a-", "a--b", "9-lives", String(repeating: "a", count: 80)])
    func valid(_ text: String) {
        #expect(Slug.isValid(text))
    }

    @Test(arguments: [
        "", "-a", "A", "Nso", "é", "a_b", "a b", "a.b", "a/b", "nso-group.md", " a", "ａ",
        String(repeating: "a", count: 81),
    ])
    func invalid(_ text: String) {
        #expect(!Slug.isValid(text))
    }

    @Test func makeFoldsAccentsAndCase() {
        #expect(Slug.make(from: "Société Générale") == "societe-generale")
        #expect(Slug.make(from: "José Núñez") == "jose-nunez")
        #expect(Slug.make(from: "Côte d'Ivoire") == "cote-d-ivoire")
        #expect(Slug.make(from: "ÉCOLE") == "ecole")
        #expect(Slug.make(from: "İstanbul") == "istanbul")
        #expect(Slug.make(from: "Ångström") == "angstrom")
        #expect(Slug.make(from: "e\u{301}te\u{301}") == "ete")
    }

    @Test func makeCollapsesRunsAndTrims() {
        #expect(Slug.make(from: "  Hello,   World!  ") == "hello-world")
        #expect(Slug.make(from: "--a--b--") == "a-b")
        #expect(Slug.make(from: "NSO Group") == "nso-group")
        #expect(Slug.make(from: "a_b.c") == "a-b-c")
        #expect(Slug.make(from: "2021: the year") == "2021-the-year")
    }

    @Test func makeMayBeEmpty() {
        #expect(Slug.make(from: "") == "")
        #expect(Slug.make(from: "???") == "")
        #expect(Slug.make(from: "北京") == "")
    }

    @Test(arguments: ["Société Générale", "NSO Group", "  x  ", "İİ", "a--b", "Ωmega 2"])
    func makeReturnsAValidSlugOrNothing(_ text: String) {
        let slug = Slug.make(from: text)
        #expect(slug.isEmpty || Slug.isValid(slug), "\(slug)")
    }

    /// ASCII text takes a byte path; it must give what the Unicode path
    /// gives for every ASCII character, alone and in runs. A trailing `北`
    /// sends the same text down the Unicode path without changing its slug
    /// (a letter with no ASCII base only ends a run, and a run's dash is
    /// never written at the end).
    @Test func asciiPathMatchesTheUnicodePath() {
        let ascii = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }
        let texts = ascii + ascii.map { "a\($0)b" } + ascii.map { "\($0)\($0)Z9\($0)" } + ["", "Hello, World!", "--x--", "A B C"]
        for text in texts {
            #expect(Slug.make(from: text) == Slug.make(from: text + "北"), "\(text.debugDescription)")
        }
    }
}
