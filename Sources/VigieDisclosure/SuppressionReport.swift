// How many cells disclosure control withheld, table by table: printed in the build summary and on /methodologie/.

import VigieStatistics

/// Withheld cells per table and reason, in publication order. Numbers only: the wording lives in templates.
public struct SuppressionReport: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var table: TableID
        /// Counts shown as "< k" (from 1 to k−1).
        public var primary: Int
        /// Counts shown as masked: withheld so that no other withheld count can be worked out or narrowed
        /// (within the table, from a linked table, or from a stored release), and shares withheld because
        /// their closed or resolved count is. Counted by label, as a reader sees them: a small count
        /// masked rather than shown as "< k" is counted here, or the report would tell which masks hide
        /// a small count.
        public var secondary: Int
        /// Medians, quartiles and shares of groups of fewer than k cases.
        public var smallGroup: Int
        /// Count cells in the table, withheld or not (e.g. 110 for `platform_issue` with the default vocabularies).
        public var countCells: Int

        public init(table: TableID, primary: Int, secondary: Int, smallGroup: Int, countCells: Int) {
            self.table = table
            self.primary = primary
            self.secondary = secondary
            self.smallGroup = smallGroup
            self.countCells = countCells
        }

        /// All withheld cells of the table.
        public var withheld: Int { primary + secondary + smallGroup }
    }

    public var entries: [Entry]

    public init(tables: [StatTable]) {
        entries = tables.map { table in
            let counts = table.withheldCounts
            let countColumns = table.columns.filter { $0.kind == .count }.count
            return Entry(
                table: table.id, primary: counts[.primary] ?? 0, secondary: (counts[.secondary] ?? 0) + (counts[.primaryMasked] ?? 0),
                smallGroup: counts[.smallGroup] ?? 0, countCells: countColumns * table.rows.count)
        }
    }

    /// The entry of one table, if it is published.
    public subscript(table: TableID) -> Entry? { entries.first { $0.table == table } }

    /// The tables with at least one withheld cell, in publication order.
    public var tablesWithWithheldCells: [Entry] { entries.filter { $0.withheld > 0 } }

    public var primary: Int { entries.reduce(0) { $0 + $1.primary } }
    public var secondary: Int { entries.reduce(0) { $0 + $1.secondary } }
    public var smallGroup: Int { entries.reduce(0) { $0 + $1.smallGroup } }
    public var withheld: Int { primary + secondary + smallGroup }
}
