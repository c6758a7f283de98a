// Where one value sits among the computed tables: the unit disclosure control reasons about.

import VigieStatistics

/// A cell of a `StatTable`, by table, row index and column index.
struct CellAddress: Hashable, Comparable, CustomStringConvertible {
    let table: TableID
    let row: Int
    let column: Int

    static func < (lhs: CellAddress, rhs: CellAddress) -> Bool {
        (lhs.table, lhs.row, lhs.column) < (rhs.table, rhs.row, rhs.column)
    }

    var description: String { "\(table.rawValue)[\(row)][\(column)]" }
}
