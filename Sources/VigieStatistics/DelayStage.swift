// The delays published by days_to_stage and days_to_stage_by_platform: which two dates each one spans.

import VigieInput

/// One published delay, in days between two dates of a case, over the cases that have both by the
/// publication date. The key is the `stage` column of the tables; its label is `labels.delays.<key>`.
public enum DelayStage: String, CaseIterable, Sendable, Hashable {
    /// From `reported_on` to `referred_on`: cases referred to the mediator.
    case referred
    /// From `reported_on` to `closed_on`: closed cases, referred or not.
    case closed
    /// From `referred_on` to `closed_on`: cases closed after referral (the mediation itself).
    case referredToClosed = "referred_to_closed"

    /// The position in `allCases`.
    var index: Int {
        switch self {
        case .referred: 0
        case .closed: 1
        case .referredToClosed: 2
        }
    }

    /// The days `record` took for this delay, if it had both dates by `asOf`.
    func days(of record: CaseRecord, asOf: Day) -> Int? {
        let referred = record.referredOn.flatMap { $0 <= asOf ? $0 : nil }
        let closed = record.closedOn.flatMap { $0 <= asOf ? $0 : nil }
        switch self {
        case .referred: return referred.map { $0 - record.reportedOn }
        case .closed: return closed.map { $0 - record.reportedOn }
        case .referredToClosed:
            guard let referred, let closed else { return nil }
            return closed - referred
        }
    }

    /// The paths of `case_paths` that make up the cases this delay counts (those of
    /// `referred_to_closed` are the referred paths that are closed), for `CountRelations`.
    package var paths: [CasePath] {
        switch self {
        case .referred: return CasePath.referred
        case .closed: return CasePath.closed
        case .referredToClosed: return [.referredResolved, .referredNotResolved, .referredWithdrawn]
        }
    }
}
