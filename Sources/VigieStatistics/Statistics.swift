// The computed tables of one publication, before disclosure control.

import VigieInput

/// Every table of the SPEC, computed from the cases as they stood on `asOf`.
public struct Statistics: Sendable {
    public var asOf: Day
    public var tables: [TableID: StatTable]
    /// Cases counted (reported on or before `asOf`).
    public var caseCount: Int

    public init(asOf: Day, tables: [TableID: StatTable], caseCount: Int) {
        self.asOf = asOf
        self.tables = tables
        self.caseCount = caseCount
    }

    public subscript(id: TableID) -> StatTable {
        get { tables[id]! }
        set { tables[id] = newValue }
    }

    /// Tables in publication order.
    public var orderedTables: [StatTable] { TableID.allCases.compactMap { tables[$0] } }
}
