import Testing
import VigieSupport

@testable import VigieInput
@testable import VigieStatistics

@Suite("Computing the tables")
struct StatisticsCalculatorTests {
    let config = SiteConfig(publicationDate: Day(iso: "2019-03-29")!)

    func record(
        _ platform: String, issues: [String], reported: String = "2018-11-05", status: CaseStatus = .received, referred: String? = nil,
        closed: String? = nil, loss: Double? = nil
    ) -> CaseRecord {
        var set: UInt64 = 0
        for issue in issues { set |= 1 << UInt64(config.issues.index(of: issue)!) }
        return CaseRecord(
            reportedOn: Day(iso: reported)!, platform: config.platforms.index(of: platform)!, issues: set, size: .micro,
            region: config.regions.index(of: "44")!, sector: 0, revenueLossPercent: loss, status: status,
            referredOn: referred.flatMap { Day(iso: $0) }, closedOn: closed.flatMap { Day(iso: $0) })
    }

    @Test("a case counts once under each of its issues; the issue total counts distinct cases")
    func issues() {
        let cases = [record("amazon", issues: ["delisting", "no_customer_service"]), record("amazon", issues: ["delisting"])]
        let stats = StatisticsCalculator.compute(cases: cases, config: config, asOf: config.publicationDate)
        #expect(stats[.casesByIssue].cell(keys: ["delisting"], column: "cases") == .count(2))
        #expect(stats[.casesByIssue].cell(keys: ["no_customer_service"], column: "cases") == .count(1))
        #expect(stats[.casesByIssue].cell(keys: ["total"], column: "cases") == .count(2))
        #expect(stats[.platformIssue].cell(keys: ["amazon", "delisting"], column: "cases") == .count(2))
        #expect(stats[.platformIssue].cell(keys: ["total", "delisting"], column: "cases") == .count(2))
    }

    @Test("the funnel and durations count only what was known on the as-of date")
    func asOf() {
        let cases = [
            record(
                "amazon", issues: ["delisting"], reported: "2018-11-01", status: .resolved, referred: "2018-11-11", closed: "2019-01-10"),
            record("amazon", issues: ["delisting"], reported: "2018-11-02", status: .referred, referred: "2018-12-02"),
            record("cdiscount", issues: ["delisting"], reported: "2019-02-01"),
        ]
        let now = StatisticsCalculator.compute(cases: cases, config: config, asOf: config.publicationDate)
        #expect(now[.mediationFunnel].rows.map { $0[1] } == [.count(3), .count(2), .count(1), .count(1)])
        #expect(now[.daysToStage].cell(keys: ["referred"], column: "median_days") == .measure(20, decimals: 1))
        let december = StatisticsCalculator.compute(cases: cases, config: config, asOf: Day(iso: "2018-12-20")!)
        #expect(december[.mediationFunnel].rows.map { $0[1] } == [.count(2), .count(2), .count(0), .count(0)])
    }

    @Test("weeks run without gaps from the first case to the publication date, with a running total")
    func weeks() {
        let cases = [
            record("amazon", issues: ["delisting"], reported: "2019-03-04"),
            record("amazon", issues: ["delisting"], reported: "2019-03-20"),
        ]
        let table = StatisticsCalculator.compute(cases: cases, config: config, asOf: config.publicationDate)[.casesByWeek]
        #expect(table.rows.map { $0[0] } == [.key("2019-W10"), .key("2019-W11"), .key("2019-W12"), .key("2019-W13")])
        #expect(table.rows.map { $0[1] } == [.count(1), .count(0), .count(1), .count(0)])
        #expect(table.rows.map { $0[3] } == [.count(1), .count(1), .count(2), .count(2)])
    }

    @Test("cases in any order give the same weeks, across the new year (ISO 2019-W01 starts on 31 December 2018)")
    func weeksInAnyOrder() {
        let days = ["2019-01-07", "2018-12-30", "2018-12-31", "2019-01-06", "2018-12-24", "2019-01-14"]
        let forward = days.sorted().map { record("amazon", issues: ["delisting"], reported: $0) }
        let backward = days.sorted(by: >).map { record("amazon", issues: ["delisting"], reported: $0) }
        let shuffled = days.map { record("amazon", issues: ["delisting"], reported: $0) }
        let tables = [forward, backward, shuffled].map {
            StatisticsCalculator.compute(cases: $0, config: config, asOf: Day(iso: "2019-01-20")!)[.casesByWeek]
        }
        #expect(tables[0].rows.map { $0[0] } == [.key("2018-W52"), .key("2019-W01"), .key("2019-W02"), .key("2019-W03")])
        #expect(tables[0].rows.map { $0[1] } == [.count(2), .count(2), .count(1), .count(1)])
        #expect(tables[1].rows == tables[0].rows)
        #expect(tables[2].rows == tables[0].rows)
    }

    @Test("quartiles interpolate between ranks like R type 7 and DuckDB's quantile_cont")
    func quantiles() {
        let values = [10.0, 20, 30, 40]
        #expect(Quantile.of(sorted: values, 0.5) == 25)
        #expect(Quantile.of(sorted: values, 0.25) == 17.5)
        #expect(Quantile.of(sorted: values, 0.75) == 32.5)
        #expect(Quantile.of(sorted: [], 0.5) == nil)
    }
}
