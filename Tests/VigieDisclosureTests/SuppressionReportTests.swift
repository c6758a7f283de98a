// The report behind the build summary and the methodology page: how many cells each table withheld, and why.

import Testing
import VigieDisclosure
import VigieTestSupport

@Test func theReportCountsWithheldCellsByTableAndReason() {
    let statistics = CaseFixtures.statistics(
        CaseFixtures.cases(20, platform: "amazon") + CaseFixtures.cases(12, platform: "cdiscount")
            + CaseFixtures.cases(3, platform: "fnac-darty") + CaseFixtures.cases(7, platform: "rakuten"))
    let report = DisclosureControl.protect(statistics, threshold: 5).report
    // The shares of all cases go with their counts: fnac-darty's "n. p.", rakuten's masked.
    #expect(report[.casesByPlatform] == .init(table: .casesByPlatform, primary: 1, secondary: 2, smallGroup: 1, countCells: 11))
    // fnac-darty has 3 cases with no revenue loss given: 0 in `cases`, nothing to withhold there.
    #expect(report.tablesWithWithheldCells.map(\.table) == [.casesByPlatform, .platformIssue])
    #expect(report.withheld == 6)
}
