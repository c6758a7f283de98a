// The closed vocabulary of company sizes (French TPE / PE / ME bands).

public enum CompanySize: String, CaseIterable, Sendable, Hashable {
    /// TPE, fewer than 10 staff.
    case micro
    /// 10 to 49 staff.
    case small
    /// 50 to 249 staff.
    case medium
}
