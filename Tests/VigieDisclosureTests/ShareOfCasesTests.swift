// A platform's share of all cases (cases_by_platform's `share`) is published only beside its count and the total.

import Testing
import VigieTestSupport

@testable import VigieDisclosure

@Suite struct ShareOfCasesTests {
    /// 20 + 12 + 3 + 7 = 42 cases, threshold 5: the 3 is under 5 and the 7 is masked to hide it.
    let statistics = CaseFixtures.statistics(
        CaseFixtures.cases(20, platform: "amazon") + CaseFixtures.cases(12, platform: "cdiscount")
            + CaseFixtures.cases(3, platform: "fnac-darty") + CaseFixtures.cases(7, platform: "rakuten"))

    @Test func aShareGoesWithItsCount() throws {
        let platforms = DisclosureControl.protect(statistics, threshold: 5)[.casesByPlatform]
        #expect(platforms.cell(keys: ["amazon"], column: "share") == .measure(20.0 / 42.0, decimals: 3))
        #expect(platforms.cell(keys: ["fnac-darty"], column: "share") == .withheld(.smallGroup))
        #expect(platforms.cell(keys: ["rakuten"], column: "share") == .withheld(.secondary))
        // No case, no disclosure: a share of 0 beside a published 0.
        #expect(platforms.cell(keys: ["ebay"], column: "share") == .measure(0, decimals: 3))
        #expect(platforms.cell(keys: ["total"], column: "share") == .measure(1, decimals: 3))
        #expect(DisclosureAudit.audit(DisclosureControl.protect(statistics, threshold: 5), raw: statistics) == [])
    }

    @Test func everyShareIsMaskedWithTheTotal() {
        // 2 + 2 = 4 cases, under 5: the total is withheld, and any share would give it back.
        let small = CaseFixtures.statistics(CaseFixtures.cases(2, platform: "amazon") + CaseFixtures.cases(2, platform: "cdiscount"))
        let protected = DisclosureControl.protect(small, threshold: 5)
        let platforms = protected[.casesByPlatform]
        #expect(platforms.cell(keys: ["total"], column: "cases")?.isWithheld == true)
        let share = platforms.columnIndex("share")!
        #expect(platforms.rows.allSatisfy { $0[share].isWithheld })
        #expect(DisclosureAudit.audit(protected, raw: small) == [])
    }

    @Test func theAuditFindsAShareBesideAWithheldCount() {
        var protected = DisclosureControl.protect(statistics, threshold: 5)
        // Publish fnac-darty's share: 3/42 gives its count back from the published total.
        let row = protected[.casesByPlatform].rowIndex(keys: ["fnac-darty"])!
        let share = protected[.casesByPlatform].columnIndex("share")!
        protected.tables[.casesByPlatform]!.rows[row][share] = statistics.tables[.casesByPlatform]!.rows[row][share]
        #expect(
            DisclosureAudit.audit(protected, raw: statistics).contains(
                DisclosureAudit.Finding(
                    publication: CaseFixtures.publicationDate, table: .casesByPlatform, keys: ["fnac-darty"], column: "share",
                    reason: .shareOfWithheldCount)))
    }
}
