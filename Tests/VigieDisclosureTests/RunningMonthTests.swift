// The month still running: its weeks are published before the month is. Two of them shown "< 5"
// would tell every later reader that the month is at least 2, so that, once complete and small, it
// could never be withheld without saying more than its label.

import Testing
import VigieTestSupport

@testable import VigieDisclosure
@testable import VigieInput
@testable import VigieStatistics

@Suite struct RunningMonthTests {
    static let first = Day(year: 2018, month: 12, day: 20)!  // a Thursday: 2018-W49 and W50 have ended
    static let second = Day(year: 2019, month: 1, day: 16)!  // December (W49 to W52) has ended

    /// 30 cases in October, then 2 in each of the first two weeks of December, and nothing after.
    static var cases: [CaseRecord] {
        CaseFixtures.cases(30, platform: "amazon")
            + CaseFixtures.cases(2, platform: "ebay", reportedOn: Day(year: 2018, month: 12, day: 4)!)
            + CaseFixtures.cases(2, platform: "ebay", reportedOn: Day(year: 2018, month: 12, day: 11)!)
    }

    static func weekCell(_ table: StatTable, _ week: String) -> TableCell? { table.cell(keys: [week], column: "cases") }

    @Test("a release shows at most one small week of the month still running as '< k', and the month stays protected once complete")
    func theRunningMonthKeepsItsWholeSmallRange() throws {
        let k = 5
        let raw = CaseFixtures.statistics(Self.cases, threshold: k, asOf: Self.first)
        let released = DisclosureControl.protect(raw, after: [], threshold: k)
        #expect(DisclosureAudit.audit(released, raw: raw, after: []) == [])
        let weeks = released[.casesByWeek]
        #expect(released[.casesByMonth].rowIndex(keys: ["2018-12", "2018-W49", "2018-W52"]) == nil)
        let shownSmall = ["2018-W49", "2018-W50"].filter { Self.weekCell(weeks, $0) == .withheld(.primary) }
        #expect(shownSmall.count <= 1)
        #expect(["2018-W49", "2018-W50"].allSatisfy { Self.weekCell(weeks, $0)?.isWithheld == true })

        let later = CaseFixtures.statistics(Self.cases, threshold: k, asOf: Self.second)
        let (next, _, findings) = DisclosureControl.protectAndAudit(later, after: [released], threshold: k, revisions: [])
        #expect(findings == [])
        #expect(next[.casesByMonth].cell(keys: ["2018-12", "2018-W49", "2018-W52"], column: "cases")?.isWithheld == true)
    }

    @Test("both weeks shown '< k' before the month is published put it at 2 or more for good")
    func twoSmallWeeksShownNarrowTheMonthLater() throws {
        let k = 5
        let raw = CaseFixtures.statistics(Self.cases, threshold: k, asOf: Self.first)
        var released = DisclosureControl.protect(raw, after: [], threshold: k)
        // What the audit now refuses in the first release: both weeks labelled "< 5".
        var weeks = released.tables[.casesByWeek]!
        for week in ["2018-W49", "2018-W50"] { weeks.rows[try #require(weeks.rowIndex(keys: [week]))][1] = .withheld(.primary) }
        released.tables[.casesByWeek] = weeks
        #expect(
            DisclosureAudit.audit(released, raw: raw, after: []).contains {
                $0.table == .casesByWeek && $0.reason == .runningMonthNarrowed && $0.keys.contains("2018-W50")
            })
        // A month from 2 to 4 the next release cannot withhold as "< 5" or "masqué" without the reader
        // knowing it is not 1.
        let later = CaseFixtures.statistics(Self.cases, threshold: k, asOf: Self.second)
        let (_, _, findings) = DisclosureControl.protectAndAudit(later, after: [released], threshold: k, revisions: [])
        #expect(findings.contains { $0.table == .casesByMonth && $0.reason == .intervalNarrowed })
    }
}
