import Testing

@testable import DossierKit

@Suite struct PartialDateTests {
    @Test func threePrecisions() throws {
        let year = try #require(PartialDate("2021"))
        #expect((year.year, year.month, year.day, year.precision) == (2021, nil, nil, .year))
        let month = try #require(PartialDate("2021-07"))
        #expect((month.year, month.month, month.day, month.precision) == (2021, 7, nil, .month))
        let day = try #require(PartialDate("2021-07-18"))
        #expect((day.year, day.month, day.day, day.precision) == (2021, 7, 18, .day))
    }

    @Test(arguments: [
        "", "21", "202", "20210", "2021-7", "2021-007", "2021-07-1", "2021-07-018", "2021-13", "2021-00",
        "2021-07-00", "2021-07-32", "2021-04-31", "0000", "2021-", "2021--07", "-2021", "2021-07-18-01",
        "2021/07/18", "2021-07-18T10:00", "2021-07-18 ", " 2021", "July 2021", "+202", "2021-+7", "2021-07-+1",
        "２０２１", "2021-٠٧",
    ])
    func rejects(_ text: String) {
        #expect(PartialDate(text) == nil)
    }

    @Test func leapYears() {
        #expect(PartialDate("2020-02-29") != nil)
        #expect(PartialDate("2000-02-29") != nil)
        #expect(PartialDate("2021-02-29") == nil)
        #expect(PartialDate("1900-02-29") == nil)
        #expect(PartialDate("2021-02-28") != nil)
        #expect(PartialDate("2021-02-30") == nil)
    }

    @Test func descriptionIsAsWritten() {
        for text in ["2021", "2021-07", "2021-07-18", "0987-01-02"] {
            #expect(PartialDate(text)?.description == text)
        }
    }

    @Test func ordering() throws {
        let texts = ["2022", "2021-07-18", "2021-08", "2021", "2021-07", "2020-12-31", "2021-07-02"]
        let sorted = texts.compactMap(PartialDate.init).sorted().map(\.description)
        #expect(sorted == ["2020-12-31", "2021", "2021-07", "2021-07-02", "2021-07-18", "2021-08", "2022"])
    }

    @Test func isNotBeforeComparesTheSharedPrecision() throws {
        func d(_ text: String) throws -> PartialDate { try #require(PartialDate(text)) }
        #expect(try d("2021-07").isNotBefore(d("2021-07-18")))
        #expect(try d("2021").isNotBefore(d("2021-12-31")))
        #expect(try d("2021-07-18").isNotBefore(d("2021-07")))
        #expect(try d("2021-07-18").isNotBefore(d("2021-07-18")))
        #expect(try d("2021-07-19").isNotBefore(d("2021-07-18")))
        #expect(try d("2022-01").isNotBefore(d("2021-12-31")))
        #expect(try !d("2021-07-17").isNotBefore(d("2021-07-18")))
        #expect(try !d("2021-06").isNotBefore(d("2021-07-18")))
        #expect(try !d("2020").isNotBefore(d("2021-01")))
        #expect(try !d("2021-06-30").isNotBefore(d("2021-07")))
    }
}
