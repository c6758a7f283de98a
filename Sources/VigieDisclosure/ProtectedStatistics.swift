// The tables after disclosure control: the only numbers any renderer may publish.

import VigieInput
import VigieStatistics

public struct ProtectedStatistics: Sendable {
    public var asOf: Day
    public var threshold: Int
    public var tables: [TableID: StatTable]
    public var caseCount: Int
    public var report: SuppressionReport

    package init(asOf: Day, threshold: Int, tables: [TableID: StatTable], caseCount: Int, report: SuppressionReport) {
        self.asOf = asOf
        self.threshold = threshold
        self.tables = tables
        self.caseCount = caseCount
        self.report = report
    }

    public subscript(id: TableID) -> StatTable { tables[id]! }

    public var orderedTables: [StatTable] { TableID.allCases.compactMap { tables[$0] } }
}
