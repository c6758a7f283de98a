// Disclosure control of the delays: small groups' statistics withheld, counts tied to the other tables,
// and no statistic that tells what a masked count hides.

import Testing
import VigieTestSupport

@testable import VigieCore
@testable import VigieDisclosure
@testable import VigieInput
@testable import VigieStatistics

@Suite("Protecting the delays")
struct DelayDisclosureTests {
    /// Resolved cases (referred and closed on the day reported).
    func resolved(_ count: Int, _ platform: String) -> [CaseRecord] {
        CaseFixtures.cases(count, platform: platform, status: .resolved, closedOn: CaseFixtures.campaignStart)
    }

    @Test("a platform's delays under k cases are withheld as small_group, and its count as a small count")
    func smallGroup() {
        let statistics = CaseFixtures.statistics(
            resolved(20, "amazon") + resolved(12, "cdiscount") + resolved(2, "fnac-darty") + resolved(3, "rakuten"))
        let protected = DisclosureControl.protect(statistics, threshold: 5)
        let table = protected[.daysToStageByPlatform]
        for stage in DelayStage.allCases {
            for column in ["median_days", "q1_days", "q3_days"] {
                #expect(table.cell(keys: ["fnac-darty", stage.rawValue], column: column) == .withheld(.smallGroup))
                #expect(table.cell(keys: ["amazon", stage.rawValue], column: column) == .measure(0, decimals: 1))
            }
            #expect(table.cell(keys: ["fnac-darty", stage.rawValue], column: "cases")?.isWithheld == true)
        }
        #expect(DisclosureAudit.audit(protected, raw: statistics) == [])
    }

    @Test(
        "each delay's cases over the platforms add up to days_to_stage's; a platform's closed cases are its closed in resolution_by_platform"
    )
    func relations() {
        let statistics = CaseFixtures.statistics(resolved(20, "amazon") + resolved(7, "cdiscount"))
        let relations = CountRelations(tables: statistics.tables)
        let byPlatform = statistics[.daysToStageByPlatform]
        let c = byPlatform.columnIndex("cases")!
        for stage in DelayStage.allCases {
            let whole = CellAddress(table: .daysToStage, row: statistics[.daysToStage].rowIndex(keys: [stage.rawValue])!, column: 1)
            let parts = byPlatform.rows.indices.filter { byPlatform.rows[$0][1] == .key(stage.rawValue) }.map {
                CellAddress(table: .daysToStageByPlatform, row: $0, column: c)
            }
            // The closed cases' sum is resolution_by_platform's, through the links below.
            #expect(relations.sums.contains(SumRelation(whole: whole, parts: parts)) == (stage != .closed), "\(stage)")
        }
        let amazonClosed = CellAddress(table: .daysToStageByPlatform, row: byPlatform.rowIndex(keys: ["amazon", "closed"])!, column: c)
        let resolution = statistics[.resolutionByPlatform]
        let closed = CellAddress(
            table: .resolutionByPlatform, row: resolution.rowIndex(keys: ["amazon"])!, column: resolution.columnIndex("closed")!)
        #expect(relations.links.contains { $0.contains(amazonClosed) && $0.contains(closed) })
        // The cases closed after referral are the three closed paths of referred cases.
        let mediation = CellAddress(table: .daysToStage, row: statistics[.daysToStage].rowIndex(keys: ["referred_to_closed"])!, column: 1)
        #expect(relations.sums.contains { $0.whole == mediation && $0.parts.count == 3 && $0.parts.allSatisfy { $0.table == .casePaths } })
    }

    @Test("where a group's count is masked, its statistics are masked too: a median would say the count is k or more")
    func statisticsOfMaskedGroups() {
        var table = StatTable(
            id: .daysToStageByPlatform,
            columns: [TableColumn("platform", .key(vocabulary: "platforms")), TableColumn("stage", .key(vocabulary: "delays"))]
                + DelayHistograms.columns,
            rows: [
                [
                    .key("amazon"), .key("closed"), .withheld(.secondary), .measure(12, decimals: 1), .measure(8, decimals: 1),
                    .measure(20, decimals: 1), .flag(true),
                ],
                [.key("ebay"), .key("closed"), .withheld(.secondary), .empty, .empty, .empty, .flag(true)],
                [
                    .key("apple"), .key("closed"), .withheld(.primaryMasked), .withheld(.smallGroup), .withheld(.smallGroup),
                    .withheld(.smallGroup), .flag(true),
                ],
                [
                    .key("google"), .key("closed"), .withheld(.primary), .withheld(.smallGroup), .withheld(.smallGroup),
                    .withheld(.smallGroup), .flag(true),
                ],
            ])
        DisclosureControl.withholdStatisticsOfMaskedGroups(&table)
        for r in 0..<3 { #expect(table.rows[r][3...5].allSatisfy { $0 == .withheld(.secondary) }, "row \(r)") }
        // "< 5" says as much as "n. p.": nothing to hide there.
        #expect(table.rows[3][3...5].allSatisfy { $0 == .withheld(.smallGroup) })
    }

    @Test("the audit finds a statistic left beside a masked count")
    func auditFindsStatisticOfMaskedGroup() {
        let statistics = CaseFixtures.statistics(resolved(20, "amazon") + resolved(12, "cdiscount") + resolved(3, "fnac-darty"))
        var protected = DisclosureControl.protect(statistics, threshold: 5)
        let table = protected[.daysToStageByPlatform]
        let r = table.rowIndex(keys: ["amazon", "closed"])!
        #expect(DisclosureAudit.audit(protected, raw: statistics).isEmpty)
        protected.tables[.daysToStageByPlatform]!.rows[r][2] = .withheld(.secondary)
        protected.tables[.daysToStageByPlatform]!.rows[r][3] = statistics[.daysToStageByPlatform].rows[r][3]
        let findings = DisclosureAudit.ruleFindings(protected, raw: statistics)
        #expect(
            findings.contains {
                $0.table == .daysToStageByPlatform && $0.keys == ["amazon", "closed"] && $0.reason == .statisticOfMaskedGroup
            })
    }
}

@Suite("A stored release compared on what its format held")
struct SameFiguresByFormatTests {
    @Test(
        "a format-2 release of the publication date matches a build that adds the quartiles, the mediation delay and the table per platform"
    )
    func formatTwoIsComparedOnItsOwnColumns() {
        let statistics = CaseFixtures.statistics(
            CaseFixtures.cases(20, platform: "amazon", status: .resolved, closedOn: CaseFixtures.campaignStart)
                + CaseFixtures.cases(9, platform: "cdiscount"))
        let current = DisclosureControl.protect(statistics, threshold: 5)
        var stored = current
        stored.tables = current.tables.filter { $0.key.introducedInFormat <= 2 }.mapValues { $0.asHeld(inFormat: 2) }
        #expect(stored.tables[.daysToStage]!.columns.count == 4)
        #expect(BuildSession.sameFigures(current, stored, format: 2))
        // Read as format 3, the same files would lack what format 3 publishes: not the same figures.
        #expect(!BuildSession.sameFigures(current, stored, format: 3))
        // A changed figure of a column format 2 held is a change.
        var changed = stored
        changed.tables[.daysToStage]!.rows[0][2] = .measure(99, decimals: 1)
        #expect(!BuildSession.sameFigures(current, changed, format: 2))
    }
}
