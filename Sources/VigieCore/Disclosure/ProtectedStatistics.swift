// The tables after disclosure control: the only numbers any renderer may publish.

public struct ProtectedStatistics: Sendable {
    public var asOf: Day
    public var threshold: Int
    public var tables: [TableID: StatTable]
    public var caseCount: Int
    public var report: SuppressionReport

    public subscript(id: TableID) -> StatTable { tables[id]! }

    public var orderedTables: [StatTable] { TableID.allCases.compactMap { tables[$0] } }
}
