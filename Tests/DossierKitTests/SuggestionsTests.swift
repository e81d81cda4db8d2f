import Testing

@testable import DossierKit

@Suite struct SuggestionsTests {
    @Test func editDistance() {
        #expect(Suggestions.editDistance("kitten", "sitting") == 3)
        #expect(Suggestions.editDistance("", "abc") == 3)
        #expect(Suggestions.editDistance("abc", "") == 3)
        #expect(Suggestions.editDistance("same", "same") == 0)
        #expect(Suggestions.editDistance("café", "cafe") == 1)
        // Stops early past the limit, returning limit + 1.
        #expect(Suggestions.editDistance("abcdef", "uvwxyz", limit: 2) == 3)
    }

    @Test func typoInAFieldName() {
        let fields = RecordDecoder.fields[.actor] ?? []
        #expect(Suggestions.closest(to: "contries", in: fields) == "countries")
        #expect(Suggestions.closest(to: "affiliation", in: fields) == "affiliations")
        #expect(Suggestions.closest(to: "nmae", in: fields) == "name")
    }

    @Test func prefixOfASlug() {
        #expect(Suggestions.closest(to: "nso", in: ["candiru", "nso-group", "shalev-hulio"]) == "nso-group")
        #expect(Suggestions.closest(to: "nso-group-ltd", in: ["candiru", "nso-group"]) == "nso-group")
        // Too short to be taken as a prefix.
        #expect(Suggestions.closest(to: "ns", in: ["nso-group"]) == nil)
    }

    @Test func nothingCloseEnough() {
        #expect(Suggestions.closest(to: "xyz", in: ["candiru", "nso-group"]) == nil)
        #expect(Suggestions.closest(to: "anything", in: [String]()) == nil)
    }

    @Test func closestWinsThenAlphabetical() {
        #expect(Suggestions.closest(to: "cat", in: ["cut", "cart", "bat"]) == "bat")
        #expect(Suggestions.closest(to: "israel", in: ["israel-2", "israel"]) == "israel")
        #expect(Suggestions.closest(to: "abcd", in: ["abxd", "abcx"]) == "abcx")
    }
}
