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
}
