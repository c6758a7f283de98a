// The audit accepts protected tables and, given tables protected too little, says which cell leaks.

import Testing
import VigieTestSupport

@testable import VigieDisclosure
@testable import VigieStatistics

@Suite struct DisclosureAuditTests {
    let statistics = CaseFixtures.statistics(
        CaseFixtures.cases(20, platform: "amazon") + CaseFixtures.cases(12, platform: "cdiscount")
            + CaseFixtures.cases(3, platform: "fnac-darty") + CaseFixtures.cases(7, platform: "rakuten"))

    @Test func protectedTablesPassTheAudit() {
        let protected = DisclosureControl.protect(statistics, threshold: 5)
        #expect(DisclosureAudit.audit(protected, raw: statistics) == [])
    }

    @Test func aLoneWithheldCountIsFoundByTheAudit() {
        var protected = DisclosureControl.protect(statistics, threshold: 5)
        // Publish the 7 again: the 3 is then 42 − 20 − 12 − 7.
        protected.tables[.casesByPlatform]!.rows[3][1] = .count(7)
        #expect(
            DisclosureAudit.audit(protected, raw: statistics) == [
                DisclosureAudit.Finding(
                    publication: CaseFixtures.publicationDate, table: .casesByPlatform, keys: ["fnac-darty"], column: "cases",
                    reason: .exactlyDetermined)
            ])
    }

    @Test func aWeekRecoveredFromTheCumulativeColumnIsFound() {
        let week2 = CaseFixtures.campaignStart.adding(days: 7)
        let statistics = CaseFixtures.statistics(
            CaseFixtures.cases(10, platform: "amazon") + CaseFixtures.cases(3, platform: "amazon", reportedOn: week2)
                + CaseFixtures.cases(12, platform: "amazon", reportedOn: week2.adding(days: 7)))
        var protected = DisclosureControl.protect(statistics, threshold: 5)
        // Primary suppression only: week 44 stays 13 − 10 (and 15 − 12 from November's month).
        for id in [TableID.casesByWeek, .casesByMonth] {
            var table = statistics[id]
            DisclosureControl.applyPrimary(&table, threshold: 5)
            protected.tables[id] = table
        }
        let findings = DisclosureAudit.audit(protected, raw: statistics)
        #expect(findings.map(\.keys) == [["2018-W44"]])
        #expect(findings.map(\.reason) == [.exactlyDetermined])
    }

    @Test func aCountHiddenInOneTableButShownInALinkedOneIsFound() {
        var protected = DisclosureControl.protect(statistics, threshold: 5)
        // Withhold the 42 in cases_by_size only: the funnel's `reported` stage still shows it.
        protected.tables[.casesBySize]!.rows[3][1] = .withheld(.secondary)
        let findings = DisclosureAudit.audit(protected, raw: statistics)
        #expect(findings.map(\.table) == [.casesBySize])
        #expect(findings.map(\.keys) == [["total"]])
    }

    @Test func publishedSmallCountsAndAlteredValuesAreFound() {
        var protected = DisclosureControl.protect(statistics, threshold: 5)
        protected.tables[.casesByPlatform]!.rows[2][1] = .count(3)
        protected.tables[.casesByPlatform]!.rows[0][1] = .count(21)
        let reasons = DisclosureAudit.audit(protected, raw: statistics).map(\.reason)
        #expect(reasons.contains(.smallCountPublished))
        #expect(reasons.contains(.valueAltered))
    }

    @Test func aMaskedSmallCountKnownWithinANarrowerRangeThanItsLabelIsFound() {
        // k = 10: fnac-darty (3) shown masked beside rakuten (4) shown "< 10", under a published total.
        // Their sum is 7, so fnac-darty is 0 to 6: narrower than the 1…9 that "< 10" would leave.
        let statistics = CaseFixtures.statistics(
            CaseFixtures.cases(20, platform: "amazon") + CaseFixtures.cases(12, platform: "cdiscount")
                + CaseFixtures.cases(3, platform: "fnac-darty") + CaseFixtures.cases(4, platform: "rakuten"), threshold: 10)
        var protected = DisclosureControl.protect(statistics, threshold: 10)
        var table = protected.tables[.casesByPlatform]!
        for r in table.rows.indices {
            switch table.keys(ofRow: r) {
            case ["fnac-darty"]: table.rows[r][1] = .withheld(.primaryMasked)
            case ["rakuten"]: table.rows[r][1] = .withheld(.primary)
            case let keys: table.rows[r][1] = statistics.tables[.casesByPlatform]!.cell(keys: keys, column: "cases")!
            }
        }
        protected.tables[.casesByPlatform] = table
        let findings = DisclosureAudit.audit(protected, raw: statistics)
        #expect(findings.contains { $0.table == .casesByPlatform && $0.keys == ["fnac-darty"] && $0.reason == .intervalNarrowed })
    }

    @Test func countsTooLargeForExactArithmeticAreUndecidedNotATrap() {
        // Every count times Int.max / 38 (the total, 38, then just fits; every relation still holds): the exact solver's sums leave Int, so the
        // withheld cells it cannot prove safe are reported `undecided`, and the build fails there.
        let scale = Int.max / 38
        func scaled(_ tables: [TableID: StatTable]) -> [TableID: StatTable] {
            tables.mapValues { table in
                var table = table
                table.rows = table.rows.map { row in
                    row.map { cell in
                        guard case .count(let value) = cell else { return cell }
                        return .count(value * scale)
                    }
                }
                return table
            }
        }
        // Many small platforms: many withheld cells, linked across tables into larger systems.
        let smallPlatforms = ["cdiscount", "fnac-darty", "rakuten", "ebay", "manomano", "leboncoin"]
        let statistics = CaseFixtures.statistics(
            CaseFixtures.cases(20, platform: "amazon") + smallPlatforms.flatMap { CaseFixtures.cases(3, platform: $0) })
        var raw = statistics
        raw.tables = scaled(statistics.tables)
        var protected = DisclosureControl.protect(statistics, threshold: 5)
        protected.tables = scaled(protected.tables)
        let findings = DisclosureAudit.audit(protected, raw: raw)
        #expect(findings.contains { $0.reason == .undecided })
        #expect(findings.allSatisfy { [.undecided, .exactlyDetermined, .intervalNarrowed].contains($0.reason) }, "\(findings)")
    }
}
