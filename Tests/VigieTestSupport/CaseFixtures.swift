// Small, readable case sets for the statistics and disclosure tests, built as records (no CSV).

import VigieInput
import VigieStatistics

/// Cases written the way a test reads: "20 cases on amazon", "3 on fnac-darty".
public enum CaseFixtures {
    /// The publication date of every fixture: the day before the mediator's Christmas deadline.
    public static let publicationDate = Day(year: 2018, month: 12, day: 20)!
    /// The first day cases were reported, a Monday (ISO week 2018-W43).
    public static let campaignStart = Day(year: 2018, month: 10, day: 22)!

    public static func config(threshold: Int = 5, publicationDate: Day = publicationDate) -> SiteConfig {
        SiteConfig(publicationDate: publicationDate, threshold: threshold)
    }

    /// `count` identical received cases, all with the same platform, issue, size, region and sector.
    public static func cases(
        _ count: Int, platform: String, issues: [String] = ["delisting"], reportedOn: Day = campaignStart,
        status: CaseStatus = .received, closedOn: Day? = nil
    ) -> [CaseRecord] {
        let config = config()
        let issueBits = issues.reduce(UInt64(0)) { $0 | 1 << UInt64(config.issues.index(of: $1)!) }
        let record = CaseRecord(
            reportedOn: reportedOn, platform: config.platforms.index(of: platform)!, issues: issueBits, size: .micro,
            region: config.regions.index(of: "44")!, sector: config.sectors.index(of: "publishing")!, status: status,
            referredOn: status.requiresReferral ? reportedOn : nil, closedOn: closedOn)
        return Array(repeating: record, count: count)
    }

    /// Every table of the SPEC for these cases, as they stood on `asOf`.
    public static func statistics(_ cases: [CaseRecord], threshold: Int = 5, asOf: Day = publicationDate) -> Statistics {
        StatisticsCalculator.compute(cases: cases, config: config(threshold: threshold), asOf: asOf)
    }
}
