// Protect stage: decides once, on the computed tables, which values are withheld.

public enum DisclosureControl {
    /// Applies primary suppression (counts 1…k−1) and withholds statistics of groups under k cases.
    public static func protect(_ statistics: Statistics, threshold k: Int) -> ProtectedStatistics {
        var tables = statistics.tables
        for id in TableID.allCases {
            guard var table = tables[id] else { continue }
            applyPrimary(&table, threshold: k)
            table.refreshSuppressedFlags()
            tables[id] = table
        }
        let ordered = TableID.allCases.compactMap { tables[$0] }
        return ProtectedStatistics(asOf: statistics.asOf, threshold: k, tables: tables, caseCount: statistics.caseCount, report: SuppressionReport(tables: ordered))
    }

    static func applyPrimary(_ table: inout StatTable, threshold k: Int) {
        let countColumns = table.columns.indices.filter { table.columns[$0].kind == .count }
        let measureColumns = table.columns.indices.filter { if case .measure = table.columns[$0].kind { return true } else { return false } }
        for r in table.rows.indices {
            for c in countColumns {
                if let value = table.rows[r][c].count, value >= 1, value < k { table.rows[r][c] = .withheld(.primary) }
            }
            // A statistic is published only when its group (the row's first count) has at least k cases.
            let groupSize = countColumns.first.flatMap { table.rows[r][$0].count }
            for c in measureColumns where table.rows[r][c] != .empty {
                if groupSize == nil || groupSize! < k { table.rows[r][c] = .withheld(.smallGroup) }
            }
        }
    }
}
