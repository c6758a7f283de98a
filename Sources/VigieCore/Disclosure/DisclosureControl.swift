// Protect stage: decides once, on the computed tables, which values are withheld.

public enum DisclosureControl {
    /// Protects one publication: primary suppression (counts 1…k−1), statistics of groups under k cases,
    /// secondary suppression across linked tables (see `SecondarySuppression`), and the shares whose
    /// closed or resolved count is withheld.
    public static func protect(_ statistics: Statistics, threshold k: Int) -> ProtectedStatistics {
        protect(statistics, threshold: k, after: [])
    }

    /// Protects this publication and the previous one, so that both can be shown side by side.
    ///
    /// The previous publication is protected exactly as it was on its own date: it is already out.
    /// The current one is protected against a reader who holds both: counts only grow from one date to
    /// the next, so a count published then bounds the same count withheld now from below, and a count
    /// published now bounds the one withheld then from above. Secondary suppression takes both into
    /// account, withholding current counts only.
    public static func protect(current: Statistics, previous: Statistics, threshold k: Int) -> ProtectedPublications {
        let previousProtected = protect(previous, threshold: k)
        let earlier = LinkedCounts.Edition(raw: previous.tables, protected: previousProtected.tables, isFrozen: true)
        return ProtectedPublications(current: protect(current, threshold: k, after: [earlier]), previous: previousProtected)
    }

    /// Protects `statistics` as the edition following `earlier` ones (none for a single publication).
    static func protect(_ statistics: Statistics, threshold k: Int, after earlier: [LinkedCounts.Edition]) -> ProtectedStatistics {
        var tables = statistics.tables
        for id in TableID.allCases {
            guard var table = tables[id] else { continue }
            applyPrimary(&table, threshold: k)
            tables[id] = table
        }
        var secondary = SecondarySuppression(
            editions: earlier + [LinkedCounts.Edition(raw: statistics.tables, protected: tables, isFrozen: false)], threshold: k)
        for cell in secondary.run() where !tables[cell.table]!.rows[cell.row][cell.column].isWithheld {
            tables[cell.table]!.rows[cell.row][cell.column] = .withheld(.secondary)
        }
        if var resolution = tables[.resolutionByPlatform] {
            withholdSharesOfWithheldCounts(&resolution)
            tables[.resolutionByPlatform] = resolution
        }
        for id in TableID.allCases { tables[id]?.refreshSuppressedFlags() }
        let ordered = TableID.allCases.compactMap { tables[$0] }
        return ProtectedStatistics(
            asOf: statistics.asOf, threshold: k, tables: tables, caseCount: statistics.caseCount, report: SuppressionReport(tables: ordered)
        )
    }

    static func applyPrimary(_ table: inout StatTable, threshold k: Int) {
        let countColumns = table.columns.indices.filter { table.columns[$0].kind == .count }
        let measureColumns = table.columns.indices.filter {
            if case .measure = table.columns[$0].kind { return true } else { return false }
        }
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

    /// A share resolved / closed gives either count back from the other (to within rounding), so it is
    /// withheld whenever one of them is. A withheld share needs no further suppression.
    static func withholdSharesOfWithheldCounts(_ table: inout StatTable) {
        guard let closed = table.columnIndex("closed"), let resolved = table.columnIndex("resolved"),
            let share = table.columnIndex("share_resolved")
        else { return }
        for r in table.rows.indices where !table.rows[r][share].isWithheld && table.rows[r][share] != .empty {
            if table.rows[r][closed].isWithheld || table.rows[r][resolved].isWithheld { table.rows[r][share] = .withheld(.secondary) }
        }
    }
}
