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

    public var isRequired: Bool {
        switch self {
        case .revenueLossPercent, .referredOn, .closedOn, .outcome: return false
        default: return true
        }
    }
}
