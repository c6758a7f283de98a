// One problem the disclosure audit found: which table, row and column, and why.

import VigieInput
import VigieStatistics

extension DisclosureAudit {
    /// A published table that does not meet the disclosure rules. Any finding fails the build.
    public struct Finding: Sendable, Hashable, CustomStringConvertible {
        public enum Reason: String, Sendable, Hashable {
            /// A count from 1 to k−1 is published.
            case smallCountPublished = "small_count_published"
            /// A published value differs from the computed one.
            case valueAltered = "value_altered"
            /// A withheld count can be worked out exactly from the published numbers.
            case exactlyDetermined = "exactly_determined"
            /// A withheld small count can be narrowed to less than the whole range 1…k−1 its label gives.
            case intervalNarrowed = "interval_narrowed"
            /// The weeks shown of the month still running put it at 2 or more while it is under k: once
            /// complete, the month could not be withheld without the reader learning more than "< k".
            case runningMonthNarrowed = "running_month_narrowed"
            /// The cases added to a count between two publications can be worked out, and are from 1 to k−1.
            case smallChangeRevealed = "small_change_revealed"
            /// A median, quartile or share of a group under k cases is published.
            case smallGroupStatistic = "small_group_statistic"
            /// A share resolved is published while its closed or resolved count is withheld, or a platform's
            /// share of all cases while the total is.
            case shareOfWithheldCount = "share_of_withheld_count"
            /// A statistic (or its "—") is shown while its group's count is masked: it tells the group's
            /// size (none, under k, at least k) that the mask hides.
            case statisticOfMaskedGroup = "statistic_of_masked_group"
            /// An equality between counts that the audit relies on does not hold in the computed tables.
            case relationBroken = "relation_broken"
            /// The exact arithmetic overflowed: the audit could not prove the cell safe.
            case undecided
        }

        /// The date of the publication concerned (the current one, or the previous one in a joint audit).
        public var publication: Day
        public var table: TableID
        /// The row's keys, e.g. `["amazon", "delisting"]`.
        public var keys: [String]
        public var column: String
        public var reason: Reason

        public init(publication: Day, table: TableID, keys: [String], column: String, reason: Reason) {
            self.publication = publication
            self.table = table
            self.keys = keys
            self.column = column
            self.reason = reason
        }

        /// E.g. `cases_by_platform [rakuten] cases: exactly_determined (2018-12-20)`; never prints a value.
        public var description: String {
            "\(table.rawValue) [\(keys.joined(separator: ", "))] \(column): \(reason.rawValue) (\(publication))"
        }
    }
}
