// Where a commitment stands at a publication date, derived from its dates: the one status that
// /progres/, the badges, the platform pages, the home summary and the commitments table all show.

extension Milestone {
    /// A commitment's status as published, derived from its deadline, the date it was met and the
    /// publication date; never the `status` typed in milestones.yaml as is.
    public enum Standing: String, CaseIterable, Sendable, Comparable {
        /// The deadline has passed and the commitment is not met.
        case late
        /// Not met, the deadline not passed yet, and work is under way.
        case inProgress = "in_progress"
        /// Not met, the deadline not passed yet, and nothing started.
        case notStarted = "not_started"
        /// Met, after the deadline.
        case doneLate = "done_late"
        /// Met on or before the deadline.
        case done

        /// The order of the groups on /progres/ and of the home summary: what needs attention first.
        public static func < (lhs: Standing, rhs: Standing) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// Where this commitment stands on `date` (the publication date).
    ///
    /// The dates decide; the typed `status` only tells "in progress" from "not started" before the
    /// deadline, which no date can. A typed status that contradicts the dates is not shown and not
    /// warned about: it is a snapshot the publisher wrote on some earlier day, and the same file must
    /// give the right status at every later publication without being edited, so a warning would
    /// fire on every build after a deadline passes. So `in_progress` or `not_started` past the
    /// deadline is late; `late` before the deadline is in progress (behind, but the deadline is still
    /// ahead). `done` without `done_on`, or `done_on` without `done`, are errors of the loader.
    public func standing(asOf date: Day) -> Standing {
        if let doneOn { return doneOn > due ? .doneLate : .done }
        if due < date { return .late }
        return status == .notStarted ? .notStarted : .inProgress
    }

    /// Days past the deadline: at the date it was met, or, not met, at `date`; 0 when not late.
    public func daysLate(asOf date: Day) -> Int {
        max(0, (doneOn ?? date) - due)
    }
}
