import Testing

@testable import VigieInput

@Suite("Dates and ISO weeks")
struct DayTests {
    @Test(
        "parses exactly YYYY-MM-DD and refuses impossible dates",
        arguments: [
            ("2018-11-30", true), ("2019-02-29", false), ("2020-02-29", true), ("2018-1-30", false), ("30/11/2018", false),
            ("2018-11-31", false),
        ])
    func parsing(text: String, valid: Bool) {
        #expect((Day(iso: text) != nil) == valid)
        if valid { #expect(Day(iso: text)?.iso == text) }
    }

    @Test(
        "ISO weeks follow ISO 8601 across year ends",
        arguments: [
            ("2018-10-31", "2018-W44"), ("2018-12-31", "2019-W01"), ("2021-01-03", "2020-W53"), ("2019-03-29", "2019-W13"),
        ])
    func isoWeeks(day: String, week: String) {
        #expect(Day(iso: day)!.isoWeek.description == week)
    }

    @Test("the Monday of a week is in that week")
    func monday() {
        let week = Day(iso: "2018-11-30")!.isoWeek
        #expect(week.monday.iso == "2018-11-26")
        #expect(week.monday.isoWeekday == 1)
    }
}
