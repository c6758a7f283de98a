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
    case casesByOutcome = "cases_by_outcome"
    case resolutionByPlatform = "resolution_by_platform"
    case revenueLossByPlatform = "revenue_loss_by_platform"
    case platformIssue = "platform_issue"
    /// The commitments of milestones.yaml (`CommitmentsTable`): not computed from the cases, so
    /// neither in `Statistics` nor under disclosure control; shown on /progres/, not /statistiques/.
    case commitments

    /// The first release format (`StoredRelease.formatVersion`) whose every release holds the table.
    /// A table added after releases were first stored may be missing from a release of an earlier
    /// format (`case_paths` from some releases of format 1, `cases_by_month` from all before 3), and a
    /// build at that release's date publishes it as new (`BuildSession.sameFigures`).
    public var firstReleaseFormat: Int {
        switch self {
        case .casePaths: return 2
        case .casesByMonth: return 3
        default: return 1
        }
    }

    /// The HTML anchor of the figure, e.g. `cases-by-platform`.
    public var anchor: String { rawValue.replacingOccurrences(of: "_", with: "-") }

    public static func < (lhs: TableID, rhs: TableID) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
