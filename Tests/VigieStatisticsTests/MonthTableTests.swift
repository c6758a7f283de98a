import Testing

@testable import VigieDisclosure
@testable import VigieInput
@testable import VigieStatistics

@Suite("Months of whole ISO weeks")
struct WeekMonthTests {
    func week(_ key: String) -> ISOWeek { ISOWeek(key: key)! }

    @Test("a week belongs to the month of its Thursday; a month has 4 or 5 whole weeks")
    func weeksOfAMonth() {
        // 2018-12-31 (Monday) to 2019-01-06: Thursday 3 January, so January.
        #expect(WeekMonth(containing: week("2019-W01")) == WeekMonth(year: 2019, month: 1))
        // 2019-01-28 to 2019-02-03: Thursday 31 January.
        #expect(WeekMonth(containing: week("2019-W05")) == WeekMonth(year: 2019, month: 1))
        // 2018-10-29 to 2018-11-04: Thursday 1 November.
        #expect(WeekMonth(containing: week("2018-W44")) == WeekMonth(year: 2018, month: 11))

        let january = WeekMonth(year: 2019, month: 1)
        #expect(january.firstWeek == week("2019-W01") && january.lastWeek == week("2019-W05"))
        #expect(january.firstDay == Day(iso: "2018-12-31")! && january.lastDay == Day(iso: "2019-02-03")!)
        let february = WeekMonth(year: 2019, month: 2)
        #expect(february.firstWeek == week("2019-W06") && february.lastWeek == week("2019-W09"))
        // A 53-week year: 2020-W53 (28 December to 3 January) is December's.
        let december2020 = WeekMonth(year: 2020, month: 12)
        #expect(december2020.lastWeek == week("2020-W53"))
        #expect(WeekMonth(containing: week("2020-W53")) == december2020)
    }

    @Test("every week of ten years falls in exactly one month, and months follow each other without a gap")
    func monthsTileTheWeeks() {
        var monday = Day(iso: "2015-01-05")!
        var previous: WeekMonth?
        while monday < Day(iso: "2025-01-01")! {
            let week = monday.isoWeek
            let month = WeekMonth(containing: week)
            #expect(month.firstWeek <= week && week <= month.lastWeek)
            if let previous, previous != month {
                #expect(previous.lastDay.adding(days: 1) == month.firstDay)
                let weeks = (previous.lastDay - previous.firstDay + 1) / 7
                #expect(weeks == 4 || weeks == 5)
            }
            previous = month
            monday = monday.adding(days: 7)
        }
    }

    @Test("keys read back: 2019-01 and 2018-W44; malformed keys are refused")
    func keys() {
        #expect(WeekMonth(key: "2019-01") == WeekMonth(year: 2019, month: 1))
        #expect(WeekMonth(year: 2019, month: 1).description == "2019-01")
        #expect(WeekMonth(key: "2019-13") == nil && WeekMonth(key: "2019-1") == nil && WeekMonth(key: "2019-W01") == nil)
        #expect(ISOWeek(key: "2018-W44") == ISOWeek(year: 2018, week: 44))
        #expect(ISOWeek(key: "2018-W54") == nil && ISOWeek(key: "2018-01") == nil)
    }
}

@Suite("cases_by_month: each month the sum of its weeks")
struct MonthTableTests {
    let config = SiteConfig(publicationDate: Day(iso: "2019-03-29")!)

    func cases(_ dates: [(String, Int)]) -> [CaseRecord] {
        dates.flatMap { date, count in
            Array(
                repeating: CaseRecord(
                    reportedOn: Day(iso: date)!, platform: 0, issues: 1, size: .micro, region: 0, sector: 0, status: .received,
                    referredOn: nil, closedOn: nil), count: count)
        }
    }

    @Test("a month counts the weeks whose Thursday it holds, and the month still running is left out")
    func monthsAddUpTheirWeeks() throws {
        // 2019-02-01 is in 2019-W05 (Thursday 31 January): January's. 2019-03-02 is in 2019-W09:
        // February's. 2019-03-28 is in March, not over on 29 March.
        let stats = StatisticsCalculator.compute(
            cases: cases([("2019-01-02", 3), ("2019-02-01", 4), ("2019-02-05", 6), ("2019-03-02", 2), ("2019-03-28", 9)]),
            config: config, asOf: config.publicationDate)
        let months = stats[.casesByMonth]
        #expect(months.rows.map { $0[0] } == [.key("2019-01"), .key("2019-02")])
        #expect(months.cell(keys: ["2019-01", "2019-W01", "2019-W05"], column: "cases") == .count(7))
        #expect(months.cell(keys: ["2019-02", "2019-W06", "2019-W09"], column: "cases") == .count(8))
        // The same sums from the weekly table.
        var sum = 0
        for row in stats[.casesByWeek].rows {
            guard case let .key(key) = row[0], key >= "2019-W06", key <= "2019-W09" else { continue }
            sum += row[1].count ?? 0
        }
        #expect(sum == 8)
    }

    @Test("the relations a reader sees: one sum per month over its weeks")
    func relations() {
        let stats = StatisticsCalculator.compute(
            cases: cases([("2019-01-02", 3), ("2019-02-05", 6)]), config: config, asOf: config.publicationDate)
        let relations = CountRelations(tables: stats.tables)
        let monthSums = relations.sums.filter { $0.whole.table == .casesByMonth }
        #expect(monthSums.count == 2)
        #expect(monthSums.map(\.parts.count) == [5, 4])
        #expect(monthSums.allSatisfy { $0.parts.allSatisfy { $0.table == .casesByWeek } })
    }

    @Test("a month published over weeks shown as < k does not let them be narrowed: the audit finds nothing")
    func smallWeeksUnderAPublishedMonth() {
        // Four weeks of 4 cases under k = 5: a February of 16 would tell each week is exactly 4.
        let stats = StatisticsCalculator.compute(
            cases: cases([("2019-01-02", 30), ("2019-02-05", 4), ("2019-02-12", 4), ("2019-02-19", 4), ("2019-02-26", 4)]),
            config: config, asOf: config.publicationDate)
        let protected = DisclosureControl.protect(stats, threshold: 5)
        #expect(DisclosureAudit.audit(protected, raw: stats).isEmpty)
        let february = protected[.casesByMonth].cell(keys: ["2019-02", "2019-W06", "2019-W09"], column: "cases")
        let weeks = protected[.casesByWeek].rows.filter { ["2019-W06", "2019-W07", "2019-W08", "2019-W09"].contains($0[0].key ?? "") }
        // Either the month is withheld or some week loses its "< 5" label (one masked week, anywhere
        // from 0 up, leaves the other three anywhere from 1 to 4).
        #expect(weeks.count == 4)
        #expect(february?.isWithheld == true || weeks.contains { $0[1] != .withheld(.primary) })
    }
}
