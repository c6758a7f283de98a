// days_to_stage and days_to_stage_by_platform: which cases each delay counts, and its quartiles.

import Testing

@testable import VigieInput
@testable import VigieReleases
@testable import VigieStatistics

@Suite("Computing the delays")
struct DelayTablesTests {
    let config = SiteConfig(publicationDate: Day(iso: "2019-03-29")!)

    /// A case reported on 2018-11-05, referred and closed that many days later (nil: not yet).
    func record(_ platform: String, referral: Int?, closure: Int?) -> CaseRecord {
        let reported = Day(iso: "2018-11-05")!
        let status: CaseStatus = closure != nil ? (referral != nil ? .resolved : .withdrawn) : (referral != nil ? .inMediation : .received)
        return CaseRecord(
            reportedOn: reported, platform: config.platforms.index(of: platform)!, issues: 1, size: .micro, region: 0, sector: 0,
            status: status, referredOn: referral.map { reported.adding(days: $0) }, closedOn: closure.map { reported.adding(days: $0) })
    }

    @Test("each delay counts the cases that have both its dates; median, first and third quartiles interpolated like a spreadsheet")
    func quartiles() {
        let cases = [
            record("amazon", referral: 10, closure: 40), record("amazon", referral: 20, closure: 60),
            record("amazon", referral: 30, closure: 70), record("amazon", referral: 40, closure: nil),
            // Withdrawn before referral: a closure without transmission, no mediation delay.
            record("cdiscount", referral: nil, closure: 5),
        ]
        let table = StatisticsCalculator.compute(cases: cases, config: config, asOf: config.publicationDate)[.daysToStage]
        #expect(table.columns.map(\.name) == ["stage", "cases", "median_days", "q1_days", "q3_days", "suppressed"])
        #expect(table.rows.map { $0[0] } == [.key("referred"), .key("closed"), .key("referred_to_closed")])
        // Referred after 10, 20, 30, 40 days: median 25, quartiles 17.5 and 32.5.
        #expect(
            table.rows[0] == [
                .key("referred"), .count(4), .measure(25, decimals: 1), .measure(17.5, decimals: 1), .measure(32.5, decimals: 1),
                .flag(false),
            ])
        // Closed after 5, 40, 60, 70 days.
        #expect(
            table.rows[1] == [
                .key("closed"), .count(4), .measure(50, decimals: 1), .measure(31.25, decimals: 1), .measure(62.5, decimals: 1),
                .flag(false),
            ])
        // In mediation 30, 40, 40 days: only the three cases referred and closed.
        #expect(
            table.rows[2] == [
                .key("referred_to_closed"), .count(3), .measure(40, decimals: 1), .measure(35, decimals: 1), .measure(40, decimals: 1),
                .flag(false),
            ])
    }

    @Test("per platform: every platform × delay, so that each delay's cases add up over the platforms")
    func perPlatform() {
        let cases = [record("amazon", referral: 10, closure: 40), record("cdiscount", referral: 4, closure: nil)]
        let stats = StatisticsCalculator.compute(cases: cases, config: config, asOf: config.publicationDate)
        let table = stats[.daysToStageByPlatform]
        #expect(table.rows.count == config.platforms.keys.count * DelayStage.allCases.count)
        #expect(table.cell(keys: ["amazon", "referred_to_closed"], column: "median_days") == .measure(30, decimals: 1))
        #expect(table.cell(keys: ["cdiscount", "referred"], column: "cases") == .count(1))
        #expect(table.cell(keys: ["cdiscount", "closed"], column: "median_days") == .empty)
        for stage in DelayStage.allCases {
            let sum = table.rows.filter { $0[1] == .key(stage.rawValue) }.compactMap { $0[2].count }.reduce(0, +)
            #expect(.count(sum) == stats[.daysToStage].cell(keys: [stage.rawValue], column: "cases"))
        }
    }

    @Test("a delay counts what was known on the as-of date: a closure after it is not a closure yet")
    func asOf() {
        let cases = [record("amazon", referral: 10, closure: 40)]
        let early = StatisticsCalculator.compute(cases: cases, config: config, asOf: Day(iso: "2018-11-25")!)[.daysToStage]
        #expect(early.cell(keys: ["referred"], column: "cases") == .count(1))
        #expect(early.cell(keys: ["referred_to_closed"], column: "cases") == .count(0))
        #expect(early.cell(keys: ["referred_to_closed"], column: "median_days") == .empty)
    }

    @Test("a release of format 2 held days_to_stage without quartiles nor the mediation delay, and no table per platform")
    func asHeldInFormatTwo() {
        let stats = StatisticsCalculator.compute(
            cases: [record("amazon", referral: 10, closure: 40)], config: config, asOf: config.publicationDate)
        let held = stats[.daysToStage].asHeld(inFormat: 2)
        #expect(held.columns.map(\.name) == ["stage", "cases", "median_days", "suppressed"])
        #expect(held.rows.map { $0[0] } == [.key("referred"), .key("closed")])
        #expect(held.rows[0] == [.key("referred"), .count(1), .measure(10, decimals: 1), .flag(false)])
        #expect(stats[.daysToStage].asHeld(inFormat: 3) == stats[.daysToStage])
        #expect(TableID.daysToStageByPlatform.introducedInFormat == 3)
        #expect(!StoredRelease.expectedFiles(format: 2).contains("donnees/days_to_stage_by_platform.csv"))
        #expect(StoredRelease.expectedFiles(format: 3).contains("donnees/days_to_stage_by_platform.csv"))
        #expect(!StoredRelease.expectedFiles(format: 1).contains("donnees/case_paths.csv"))
    }
}
