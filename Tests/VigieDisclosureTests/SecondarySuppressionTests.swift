// Secondary suppression, cell by cell, on case sets small enough to check by hand.

import Testing
import VigieDisclosure
import VigieTestSupport

@Suite struct SecondarySuppressionTests {
    /// 20 + 12 + 3 + 7 = 42 cases on four platforms, threshold 5.
    let statistics = CaseFixtures.statistics(
        CaseFixtures.cases(20, platform: "amazon") + CaseFixtures.cases(12, platform: "cdiscount")
            + CaseFixtures.cases(3, platform: "fnac-darty") + CaseFixtures.cases(7, platform: "rakuten"))

    @Test func theSmallestPartnerHidesAPrimaryCount() {
        let platforms = DisclosureControl.protect(statistics, threshold: 5)[.casesByPlatform]
        // 3 is under 5. Alone, it would be 42 − 20 − 12 − 7. The 7 is the smallest count that can hide
        // it: a reader then only knows that the two add up to 10.
        #expect(platforms.cell(keys: ["fnac-darty"], column: "cases") == .withheld(.primary))
        #expect(platforms.cell(keys: ["rakuten"], column: "cases") == .withheld(.secondary))
        #expect(platforms.cell(keys: ["amazon"], column: "cases") == .count(20))
        #expect(platforms.cell(keys: ["cdiscount"], column: "cases") == .count(12))
        #expect(platforms.cell(keys: ["ebay"], column: "cases") == .count(0))
        #expect(platforms.cell(keys: ["total"], column: "cases") == .count(42))
    }

    @Test func theSameProtectionAppliesToEachIssueAcrossPlatforms() {
        let platformIssue = DisclosureControl.protect(statistics, threshold: 5)[.platformIssue]
        // Every case reports `delisting`, so its column repeats the platform counts and its total is 42.
        #expect(platformIssue.cell(keys: ["fnac-darty", "delisting"], column: "cases") == .withheld(.primary))
        #expect(platformIssue.cell(keys: ["rakuten", "delisting"], column: "cases") == .withheld(.secondary))
        #expect(platformIssue.cell(keys: ["total", "delisting"], column: "cases") == .count(42))
    }

    @Test func aMaskedPartnerNeedNotBeLarge() {
        let statistics = CaseFixtures.statistics(
            CaseFixtures.cases(20, platform: "amazon") + CaseFixtures.cases(12, platform: "cdiscount")
                + CaseFixtures.cases(1, platform: "fnac-darty") + CaseFixtures.cases(5, platform: "rakuten"))
        let platforms = DisclosureControl.protect(statistics, threshold: 5)[.casesByPlatform]
        // Hiding 1 with 5 leaves a sum of 6. "masqué" tells a reader nothing (it may hide 0, a small
        // count or a large one), so the small one is still anything from 1 to 4, and the 5, the partner
        // that loses the least, is the one masked.
        #expect(platforms.cell(keys: ["fnac-darty"], column: "cases") == .withheld(.primary))
        #expect(platforms.cell(keys: ["rakuten"], column: "cases") == .withheld(.secondary))
        #expect(platforms.cell(keys: ["cdiscount"], column: "cases") == .count(12))
    }

    @Test func twoSmallCountsProtectEachOther() {
        let statistics = CaseFixtures.statistics(
            CaseFixtures.cases(20, platform: "amazon") + CaseFixtures.cases(3, platform: "ebay")
                + CaseFixtures.cases(2, platform: "apple"))
        let platforms = DisclosureControl.protect(statistics, threshold: 5)[.casesByPlatform]
        #expect(platforms.cell(keys: ["ebay"], column: "cases") == .withheld(.primary))
        #expect(platforms.cell(keys: ["apple"], column: "cases") == .withheld(.primary))
        #expect(platforms.cell(keys: ["amazon"], column: "cases") == .count(20))
    }

    @Test func aSmallWeekIsHiddenWithItsNeighbourAndTheirCumulative() {
        let week2 = CaseFixtures.campaignStart.adding(days: 7)
        let week3 = CaseFixtures.campaignStart.adding(days: 14)
        let statistics = CaseFixtures.statistics(
            CaseFixtures.cases(10, platform: "amazon") + CaseFixtures.cases(3, platform: "amazon", reportedOn: week2)
                + CaseFixtures.cases(12, platform: "amazon", reportedOn: week3))
        let weeks = DisclosureControl.protect(statistics, threshold: 5)[.casesByWeek]
        // Week 44's 3 is 13 − 10 from the cumulative column, and 15 − 12 from November's month (weeks
        // 44 to 48). Week 43 is October's month alone, so hiding it would hide that month too: week 45
        // and week 44's running total go instead, which leaves only "weeks 44 and 45 add up to 15".
        #expect(weeks.cell(keys: ["2018-W43"], column: "cases") == .count(10))
        #expect(weeks.cell(keys: ["2018-W44"], column: "cases") == .withheld(.primary))
        #expect(weeks.cell(keys: ["2018-W44"], column: "cumulative") == .withheld(.secondary))
        #expect(weeks.cell(keys: ["2018-W45"], column: "cases") == .withheld(.secondary))
        #expect(weeks.cell(keys: ["2018-W45"], column: "cumulative") == .count(25))
        #expect(weeks.cell(keys: ["2018-W51"], column: "cumulative") == .count(25))
    }

    @Test func aShareIsHiddenWithItsResolvedCount() {
        let closedOn = CaseFixtures.campaignStart.adding(days: 20)
        let statistics = CaseFixtures.statistics(
            CaseFixtures.cases(8, platform: "amazon", status: .notResolved, closedOn: closedOn)
                + CaseFixtures.cases(2, platform: "amazon", status: .resolved, closedOn: closedOn)
                + CaseFixtures.cases(9, platform: "cdiscount", status: .resolved, closedOn: closedOn))
        let resolution = DisclosureControl.protect(statistics, threshold: 5)[.resolutionByPlatform]
        // Amazon: 10 closed, 2 resolved. 0.200 × 10 would give the 2 back.
        #expect(resolution.cell(keys: ["amazon"], column: "resolved") == .withheld(.primary))
        #expect(resolution.cell(keys: ["amazon"], column: "share_resolved") == .withheld(.secondary))
        #expect(resolution.cell(keys: ["amazon"], column: "suppressed") == .flag(true))
    }
}
