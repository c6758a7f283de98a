// The names of the published tables: the open-data contract of the SPEC.

/// Every published table, in the order of datapackage.json; the case tables also in the order of
/// /statistiques/.
public enum TableID: String, CaseIterable, Sendable, Hashable, Comparable {
    case casesByPlatform = "cases_by_platform"
    case casesByIssue = "cases_by_issue"
    case casesBySize = "cases_by_size"
    case casesByRegion = "cases_by_region"
    case casesBySector = "cases_by_sector"
    case casesByWeek = "cases_by_week"
    /// Cases by month of whole ISO weeks (`WeekMonth`): the trend when weekly counts are too small
    /// to publish, each month the sum of its weeks.
    case casesByMonth = "cases_by_month"
    /// The path each case has taken so far: every case on exactly one path (`CasePath`), so the
    /// rows add up to the total, unlike the funnel's stages.
    case casePaths = "case_paths"
    case mediationFunnel = "mediation_funnel"
    case daysToStage = "days_to_stage"
    /// The delays of `days_to_stage`, platform by platform (statistics of groups of k cases or more).
    case daysToStageByPlatform = "days_to_stage_by_platform"
    case casesByOutcome = "cases_by_outcome"
    case resolutionByPlatform = "resolution_by_platform"
    case revenueLossByPlatform = "revenue_loss_by_platform"
    case platformIssue = "platform_issue"
    /// The commitments of milestones.yaml (`CommitmentsTable`): not computed from the cases, so
    /// neither in `Statistics` nor under disclosure control; shown on /progres/, not /statistiques/.
    case commitments

    /// The first release format (`StoredRelease.formatVersion`) that holds the table: a release of an
    /// earlier format does not (`case_paths` may be in some of format 1), and a build at that
    /// release's date publishes it as new (`BuildSession.sameFigures`).
    public var introducedInFormat: Int {
        switch self {
        case .casePaths: 2
        case .casesByMonth, .daysToStageByPlatform: 3
        default: 1
        }
    }

    /// The HTML anchor of the figure, e.g. `cases-by-platform`.
    public var anchor: String { rawValue.replacingOccurrences(of: "_", with: "-") }

    public static func < (lhs: TableID, rhs: TableID) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
