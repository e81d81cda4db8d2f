import Testing

@testable import DossierKit

@Suite struct AddressesTests {
    @Test func pagePaths() {
        #expect(Addresses.page(PageKey(.actor, "nso-group")) == "actors/nso-group/index.html")
        #expect(Addresses.page(PageKey(.page, "about")) == "pages/about/index.html")
        #expect(Addresses.index(.country) == "countries/index.html")
        #expect(Addresses.home == "index.html")
    }

    @Test func relativeURLs() {
        let target = Addresses.page(PageKey(.event, "x"))
        #expect(Addresses.relative(from: "index.html", to: target) == "events/x/index.html")
        #expect(Addresses.relative(from: "actors/index.html", to: target) == "../events/x/index.html")
        #expect(Addresses.relative(from: "actors/a/index.html", to: target) == "../../events/x/index.html")
        #expect(Addresses.relative(from: "events/x/index.html", to: target) == "../../events/x/index.html")
        #expect(Addresses.relative(from: "actors/a/index.html", to: Addresses.home) == "../../index.html")
        #expect(Addresses.root(from: "index.html") == "")
    }

    @Test func absoluteURLsArePretty() {
        #expect(Addresses.absolute("actors/x/index.html", base: "https://example.org/r/") == "https://example.org/r/actors/x/")
        #expect(Addresses.absolute("actors/x/index.html", base: "https://example.org/r") == "https://example.org/r/actors/x/")
        #expect(Addresses.absolute("index.html", base: "https://example.org") == "https://example.org/")
        #expect(Addresses.absolute("assets/style.css", base: "https://example.org") == "https://example.org/assets/style.css")
    }
}
