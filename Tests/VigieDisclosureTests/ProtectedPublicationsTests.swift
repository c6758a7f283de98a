// Two publications side by side: protected together, and "what changed" shown only when it is safe.

import Testing
import VigieDisclosure
import VigieInput
import VigieTestSupport

@Suite struct ProtectedPublicationsTests {
    static let previousDate = Day(year: 2018, month: 11, day: 21)!
    static let afterPrevious = Day(year: 2018, month: 11, day: 26)!

    /// Before 21 November: amazon 20, cdiscount 12, rakuten 9. Since: 5 more on amazon, a first on fnac-darty.
    let cases =
        CaseFixtures.cases(20, platform: "amazon") + CaseFixtures.cases(12, platform: "cdiscount")
        + CaseFixtures.cases(9, platform: "rakuten") + CaseFixtures.cases(5, platform: "amazon", reportedOn: afterPrevious)
        + CaseFixtures.cases(1, platform: "fnac-darty", reportedOn: afterPrevious)

    @Test func aPartnerThatDidNotGrowCannotHideANewSmallCount() {
        let now = CaseFixtures.statistics(cases)
        let then = CaseFixtures.statistics(cases, asOf: Self.previousDate)
        let publications = DisclosureControl.protect(current: now, previous: then, threshold: 5)
        let platforms = publications.current[.casesByPlatform]
        // Alone, the 1 would be hidden with the 9. But rakuten had 9 already, so "1 + 9 = 10" would
        // give the 1 away to anyone holding both publications; and cdiscount's 12 did not grow either.
        #expect(platforms.cell(keys: ["fnac-darty"], column: "cases") == .withheld(.primary))
        #expect(platforms.cell(keys: ["amazon"], column: "cases") == .withheld(.secondary))
        #expect(platforms.cell(keys: ["rakuten"], column: "cases") == .count(9))
        #expect(DisclosureAudit.audit(publications, raw: now, previous: then) == [])
    }

    @Test func protectingEachPublicationAloneIsNotEnough() {
        let now = CaseFixtures.statistics(cases)
        let then = CaseFixtures.statistics(cases, asOf: Self.previousDate)
        let separately = ProtectedPublications(
            current: DisclosureControl.protect(now, threshold: 5), previous: DisclosureControl.protect(then, threshold: 5))
        let leaks = DisclosureAudit.audit(separately, raw: now, previous: then)
        #expect(leaks.contains { $0.table == .casesByPlatform && $0.keys == ["fnac-darty"] && $0.reason == .exactlyDetermined })
    }

    @Test func onlyChangesOfZeroOrAtLeastKAreShown() {
        let cases =
            CaseFixtures.cases(20, platform: "amazon") + CaseFixtures.cases(12, platform: "cdiscount")
            + CaseFixtures.cases(2, platform: "amazon", reportedOn: Self.afterPrevious)
            + CaseFixtures.cases(6, platform: "ebay", reportedOn: Self.afterPrevious)
        let publications = DisclosureControl.protect(
            current: CaseFixtures.statistics(cases), previous: CaseFixtures.statistics(cases, asOf: Self.previousDate), threshold: 5)
        #expect(publications.publishedDifference(table: .casesByPlatform, keys: ["amazon"]) == nil)  // 22 − 20: two businesses
        #expect(publications.publishedDifference(table: .casesByPlatform, keys: ["cdiscount"]) == 0)
        #expect(publications.publishedDifference(table: .casesByPlatform, keys: ["ebay"]) == 6)
        #expect(publications.publishedDifference(table: .casesByPlatform, keys: ["total"]) == 8)
        #expect(publications.publishedDifference(table: .mediationFunnel, keys: ["reported"]) == 8)
        #expect(publications.publishedDifference(table: .casesByIssue, keys: ["delisting"]) == 8)
    }

    @Test func noChangeIsShownForAWithheldCount() {
        let publications = DisclosureControl.protect(
            current: CaseFixtures.statistics(cases), previous: CaseFixtures.statistics(cases, asOf: Self.previousDate), threshold: 5)
        #expect(publications.publishedDifference(table: .casesByPlatform, keys: ["fnac-darty"]) == nil)
        #expect(publications.publishedDifference(table: .casesByPlatform, keys: ["amazon"]) == nil)
    }
}
