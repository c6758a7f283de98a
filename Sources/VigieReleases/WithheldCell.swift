// One line of a stored release's withheld.csv: which cell was withheld, why, and the label the HTML showed.

import VigieDisclosure
import VigieStatistics

/// A withheld cell of a published table, named by its row's keys and its column.
public struct WithheldCell: Sendable, Hashable, Comparable {
    public var table: TableID
    /// The row's keys, e.g. `["amazon", "delisting"]`; joined with `|` in withheld.csv.
    public var keys: [String]
    public var column: String
    public var status: Withholding

    public init(table: TableID, keys: [String], column: String, status: Withholding) {
        self.table = table
        self.keys = keys
        self.column = column
        self.status = status
    }

    /// Every withheld cell of `statistics`, in table, row and column order.
    public static func all(in statistics: ProtectedStatistics) -> [WithheldCell] {
        var cells: [WithheldCell] = []
        for table in statistics.orderedTables {
            let keyColumns = table.columns.indices.filter { if case .key = table.columns[$0].kind { return true } else { return false } }
            for row in table.rows {
                let keys = keyColumns.map { column -> String in
                    if case let .key(key) = row[column] { return key }
                    return ""
                }
                for c in table.columns.indices {
                    if case let .withheld(reason) = row[c] {
                        cells.append(WithheldCell(table: table.id, keys: keys, column: table.columns[c].name, status: reason))
                    }
                }
            }
        }
        return cells
    }

    public static func < (lhs: WithheldCell, rhs: WithheldCell) -> Bool {
        (lhs.table, lhs.keys.joined(separator: "|"), lhs.column) < (rhs.table, rhs.keys.joined(separator: "|"), rhs.column)
    }
}
