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
    case mediationFunnel = "mediation_funnel"
    case daysToStage = "days_to_stage"
    case casesByOutcome = "cases_by_outcome"
    case resolutionByPlatform = "resolution_by_platform"
    case revenueLossByPlatform = "revenue_loss_by_platform"
    case platformIssue = "platform_issue"
    /// The commitments of milestones.yaml (`CommitmentsTable`): not computed from the cases, so
    /// neither in `Statistics` nor under disclosure control; shown on /progres/, not /statistiques/.
    case commitments

    /// The HTML anchor of the figure, e.g. `cases-by-platform`.
    public var anchor: String { rawValue.replacingOccurrences(of: "_", with: "-") }

    public static func < (lhs: TableID, rhs: TableID) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
