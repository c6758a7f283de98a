// This publication and the previous one, protected together: the only source of "what changed" figures.

import VigieStatistics

/// The protected tables of this publication and of the previous one.
public struct ProtectedPublications: Sendable {
    public var current: ProtectedStatistics
    public var previous: ProtectedStatistics

    public init(current: ProtectedStatistics, previous: ProtectedStatistics) {
        self.current = current
        self.previous = previous
    }

    /// The change of one count since the previous publication (current − previous), or `nil` when it
    /// must not be shown.
    ///
    /// It is shown only when both counts are published, so it never gives back a withheld count, and
    /// only when it is 0 or at least k in size: a change from 1 to k−1 is itself a small count (that
    /// many businesses reported in between), the kind of number the threshold exists to keep off the
    /// site. The two published counts stay readable side by side; this only keeps a small group from
    /// being put forward as a figure of its own.
    ///
    /// - Parameters:
    ///   - keys: the row's keys, e.g. `["amazon"]`, `["total"]` or `["reported"]`.
    ///   - column: a count column, `cases` for most tables.
    public func publishedDifference(table: TableID, keys: [String], column: String = "cases") -> Int? {
        guard let now = current.tables[table]?.cell(keys: keys, column: column)?.count,
            let then = previous.tables[table]?.cell(keys: keys, column: column)?.count
        else { return nil }
        let difference = now - then
        return difference == 0 || abs(difference) >= current.threshold ? difference : nil
    }
}
