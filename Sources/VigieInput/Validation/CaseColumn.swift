// The columns a case file may have (SPEC, "content/cases/*.csv"); any other column is an error.

public enum CaseColumn: String, CaseIterable, Sendable {
    case caseID = "case_id"
    case reportedOn = "reported_on"
    case platform
    case issues
    case companySize = "company_size"
    case region
    case sector
    case revenueLossPercent = "revenue_loss_pct"
    case status
    case referredOn = "referred_on"
    case closedOn = "closed_on"
    case outcome

    /// Position in `allCases`, for array lookups on the per-row path.
    var ordinal: Int {
        switch self {
        case .caseID: return 0
        case .reportedOn: return 1
        case .platform: return 2
        case .issues: return 3
        case .companySize: return 4
        case .region: return 5
        case .sector: return 6
        case .revenueLossPercent: return 7
        case .status: return 8
        case .referredOn: return 9
        case .closedOn: return 10
        case .outcome: return 11
        }
    }

    public var isRequired: Bool {
        switch self {
        case .revenueLossPercent, .referredOn, .closedOn, .outcome: return false
        default: return true
        }
    }
}
