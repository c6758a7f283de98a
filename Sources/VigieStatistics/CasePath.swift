// The path a case has taken by a date: the truthful reading of the mediation funnel.

import VigieInput

/// Where a case stands on a date, from its dates (as the funnel counts them) and, once closed, its
/// final status. Every case is on exactly one path, so the paths add up to all cases; the funnel's
/// stages do not nest (a case can be closed without ever being referred: withdrawn before mediation).
public enum CasePath: String, CaseIterable, Sendable, Hashable {
    /// Not referred to the mediator, not closed: waiting to be examined or referred.
    case openNotReferred = "open_not_referred"
    /// Closed without being referred (only a withdrawal can close a case before referral).
    case closedNotReferred = "closed_not_referred"
    /// Referred, not closed: in mediation.
    case openReferred = "open_referred"
    /// Referred, then closed as resolved.
    case referredResolved = "referred_resolved"
    /// Referred, then closed without a solution.
    case referredNotResolved = "referred_not_resolved"
    /// Referred, then withdrawn.
    case referredWithdrawn = "referred_withdrawn"

    /// The position in `allCases`.
    var index: Int {
        switch self {
        case .openNotReferred: 0
        case .closedNotReferred: 1
        case .openReferred: 2
        case .referredResolved: 3
        case .referredNotResolved: 4
        case .referredWithdrawn: 5
        }
    }

    /// True for the paths of cases still open: their count falls when cases close, so unlike every
    /// other count it does not only grow from one publication to the next.
    public var isOpen: Bool { self == .openNotReferred || self == .openReferred }

    /// The paths of referred cases (the funnel's `referred` stage).
    public static let referred: [CasePath] = [.openReferred, .referredResolved, .referredNotResolved, .referredWithdrawn]
    /// The paths of closed cases (the funnel's `closed` stage).
    public static let closed: [CasePath] = [.closedNotReferred, .referredResolved, .referredNotResolved, .referredWithdrawn]

    /// The path of `record` on `asOf`: referral and closure as of that date, like the funnel; a case
    /// closed by then has its final status (resolved and not resolved need a referral, so a case
    /// closed without one was withdrawn).
    static func of(_ record: CaseRecord, asOf: Day) -> CasePath {
        let referred = record.referredOn.map { $0 <= asOf } ?? false
        let closed = record.closedOn.map { $0 <= asOf } ?? false
        switch (referred, closed) {
        case (false, false): return .openNotReferred
        case (false, true): return .closedNotReferred
        case (true, false): return .openReferred
        case (true, true):
            switch record.status {
            case .resolved: return .referredResolved
            case .notResolved: return .referredNotResolved
            default: return .referredWithdrawn
            }
        }
    }
}
