// The closed vocabulary of a case's stage in the reporting and mediation process.

public enum CaseStatus: String, CaseIterable, Sendable, Hashable {
    case received, qualified, referred
    case inMediation = "in_mediation"
    case resolved
    case notResolved = "not_resolved"
    case withdrawn

    /// Statuses at or after referral must carry a `referred_on` date.
    public var requiresReferral: Bool {
        switch self {
        case .referred, .inMediation, .resolved, .notResolved: return true
        case .received, .qualified, .withdrawn: return false
        }
    }

    /// Closed statuses must carry a `closed_on` date; only they may carry an outcome.
    public var isClosed: Bool {
        switch self {
        case .resolved, .notResolved, .withdrawn: return true
        default: return false
        }
    }
}
