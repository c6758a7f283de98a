// Protect stage: decides once, on the computed tables, which values are withheld.

import VigieStatistics

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
        let earlier = LinkedCounts.Edition(raw: previous.tables, protected: previousProtected.tables, isFrozen: true, threshold: k)
        return ProtectedPublications(current: protect(current, threshold: k, after: [earlier]), previous: previousProtected)
    }

    /// Protects `statistics` as the edition following `earlier` ones (none for a single publication).
    static func protect(
        _ statistics: Statistics, threshold k: Int, after earlier: [LinkedCounts.Edition],
        revisions: [Int: [CellAddress: Revision.Value]] = [:]
    ) -> ProtectedStatistics {
        var tables = statistics.tables
        for id in TableID.allCases {
            guard var table = tables[id] else { continue }
            applyPrimary(&table, threshold: k)
            tables[id] = table
        }
        if var crossed = tables[.platformIssue] {
            withholdSmallChanges(&crossed, since: earlier.compactMap { $0.protected[.platformIssue] }, threshold: k)
            tables[.platformIssue] = crossed
        }
        var secondary = SecondarySuppression(
            editions: earlier + [LinkedCounts.Edition(raw: statistics.tables, protected: tables, isFrozen: false)], threshold: k)
        for (cell, change) in secondary.run() {
            switch (change, tables[cell.table]!.rows[cell.row][cell.column]) {
            case (.withhold, .count): tables[cell.table]!.rows[cell.row][cell.column] = .withheld(.secondary)
            case (.relabel, .withheld(.primary)): tables[cell.table]!.rows[cell.row][cell.column] = .withheld(.primaryMasked)
            default: break
            }
        }
        completeWithAudit(&tables, raw: statistics.tables, threshold: k, after: earlier, revisions: revisions)
        if var resolution = tables[.resolutionByPlatform] {
            withholdSharesOfWithheldCounts(&resolution)
            tables[.resolutionByPlatform] = resolution
        }
        if var platforms = tables[.casesByPlatform] {
            withholdSharesOfCases(&platforms)
            tables[.casesByPlatform] = platforms
        }
        for id in TableID.allCases {
            guard var table = tables[id] else { continue }
            withholdStatisticsOfMaskedGroups(&table)
            tables[id] = table
        }
        for id in TableID.allCases { tables[id]?.refreshSuppressedFlags() }
        let ordered = TableID.allCases.compactMap { tables[$0] }
        return ProtectedStatistics(
            asOf: statistics.asOf, threshold: k, tables: tables, caseCount: statistics.caseCount, report: SuppressionReport(tables: ordered)
        )
    }

    static func applyPrimary(_ table: inout StatTable, threshold k: Int) {
        let countColumns = table.columns.indices.filter { table.columns[$0].kind == .count }
        // A platform's share of all cases is not a statistic of its row's group: it goes with its count
        // and the total (`withholdSharesOfCases`), so a platform with no case has a share of 0.
        let measureColumns = table.columns.indices.filter {
            guard case .measure = table.columns[$0].kind else { return false }
            return !table.isShareOfCases(column: $0)
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

    /// Bound propagation is weaker than the audit's exact solve, so the heuristic can leave a count that a
    /// reader could still pin or narrow. Each round solves exactly what a reader knows (`ReaderKnowledge`,
    /// with every earlier edition) and masks the cells still found (a cell found in an earlier edition
    /// stands for the same cell of this one), or if they are masked already the counts of their relations,
    /// then of those relations' relations, until something changes (relabelling small counts from "< k"
    /// to masked, withholding published ones). Masking everything of this edition leaves a reader
    /// nothing but the earlier editions, which were safe when published, so the rounds always end.
    /// Most builds need no round: the heuristic already left nothing to find.
    static func completeWithAudit(
        _ tables: inout [TableID: StatTable], raw: [TableID: StatTable], threshold k: Int, after earlier: [LinkedCounts.Edition],
        revisions: [Int: [CellAddress: Revision.Value]] = [:]
    ) {
        let relations = CountRelations(tables: raw)
        var neighbours: [CellAddress: Set<CellAddress>] = [:]
        for sum in relations.sums {
            let cells = sum.signedCells.map(\.cell)
            for cell in cells { neighbours[cell, default: []].formUnion(cells) }
        }
        var linkMates: [CellAddress: [CellAddress]] = [:]
        for link in relations.links {
            for cell in link {
                neighbours[cell, default: []].formUnion(link)
                linkMates[cell] = link
            }
        }
        // Cells holding the same quantity are masked together, or one would show what the other hides.
        func closed(_ cells: Set<CellAddress>) -> Set<CellAddress> { cells.union(cells.flatMap { linkMates[$0] ?? [] }) }
        let current = earlier.count
        // A count an earlier edition published and that cannot have changed since (a week or a month
        // that had ended) is known to the reader whatever this edition shows: masking it would hide nothing.
        var alreadyKnown: Set<CellAddress> = []
        for id in [TableID.casesByWeek, .casesByMonth] {
            guard let before = earlier.last?.protected, let periods = tables[id], let earlierPeriods = before[id] else { continue }
            let lastWeek = EndedWeek.last(in: before)
            let rows = earlierPeriods.rowIndexByKeys()
            for r in periods.rows.indices {
                let keys = periods.keys(ofRow: r)
                guard EndedWeek.isEnded(id, keys: keys, before: lastWeek), let rb = rows[keys] else { continue }
                for c in periods.columns.indices where periods.columns[c].kind == .count && earlierPeriods.rows[rb][c].count != nil {
                    alreadyKnown.insert(CellAddress(table: id, row: r, column: c))
                }
            }
        }
        for _ in 1...64 {
            let publications =
                earlier.map { ($0.protected, $0.rawIsTrue ? Optional($0.raw) : nil, $0.threshold == 0 ? k : $0.threshold) } + [
                    (tables, Optional(raw), k)
                ]
            let knowledge = ReaderKnowledge(publications: publications, revised: revisions)
            // A cell found in an earlier edition is masked around the same cell of this one.
            let found = knowledge.findings().flatMap { finding -> [CellAddress] in
                let unknown = knowledge.unknowns[finding.unknown]
                if case .runningMonth = unknown.role {
                    // Its weeks shown "< k" are masked first: each says "at least 1".
                    let shown = knowledge.runningMonthWeeks.filter { tables[$0.table]!.rows[$0.row][$0.column] == .withheld(.primary) }
                    return shown.isEmpty ? knowledge.runningMonthWeeks : shown
                }
                guard let cell = unknown.cell else { return [] }
                if unknown.publication == current { return [cell] }
                let keys = earlier[unknown.publication].protected[cell.table]!.keys(ofRow: cell.row)
                guard let table = tables[cell.table] else { return [] }
                if let row = table.rowIndex(keys: keys) { return [CellAddress(table: cell.table, row: row, column: cell.column)] }
                // A row gone since (an outcome no closed case has any more): what bounds the earlier cell
                // now is its column, the rows and total that took its place.
                return table.rows.indices.map { CellAddress(table: cell.table, row: $0, column: cell.column) }
            }
            guard !found.isEmpty else { return }
            // The cells found first, then their relations, then theirs…: the region grows until it holds
            // something to change, so each round changes at least one cell.
            var region = closed(Set(found))
            while !mask(region, in: &tables, except: alreadyKnown) {
                let wider = closed(region.union(region.flatMap { neighbours[$0] ?? [$0] }))
                if wider.count == region.count { return }  // all around is masked: nothing left to do
                region = wider
            }
        }
    }

    /// Masks every cell of `region`: a published count is withheld, a "< k" one relabelled. True when
    /// anything changed.
    private static func mask(_ region: Set<CellAddress>, in tables: inout [TableID: StatTable], except known: Set<CellAddress>) -> Bool {
        var changed = false
        for cell in region.sorted() where !known.contains(cell) {
            switch tables[cell.table]!.rows[cell.row][cell.column] {
            case .count:
                tables[cell.table]!.rows[cell.row][cell.column] = .withheld(.secondary)
                changed = true
            case .withheld(.primary):
                tables[cell.table]!.rows[cell.row][cell.column] = .withheld(.primaryMasked)
                changed = true
            default:
                break
            }
        }
        return changed
    }

    /// A `platform_issue` count that grew by 1 to k−1 since an earlier edition that published it is
    /// withheld: the difference would single out that many businesses reporting one issue with one
    /// platform in the period (see `DisclosureAudit.smallPublishedChanges`). Secondary suppression then
    /// protects it like any other withheld count.
    static func withholdSmallChanges(_ table: inout StatTable, since earlier: [StatTable], threshold k: Int) {
        guard let c = table.columnIndex("cases") else { return }
        for before in earlier {
            guard let cb = before.columnIndex("cases") else { continue }
            let rows = before.rowIndexByKeys()
            // Total rows are the one-way counts of `cases_by_issue`, where a small difference may show.
            for r in table.rows.indices where !table.keys(ofRow: r).contains("total") {
                guard let now = table.rows[r][c].count, let rb = rows[table.keys(ofRow: r)], let then = before.rows[rb][cb].count
                else { continue }
                if now - then >= 1 && now - then < k { table.rows[r][c] = .withheld(.secondary) }
            }
        }
    }

    /// A statistic says something of its group's size: published, the group has k cases or more;
    /// "n. p.", from 1 to k−1; "—", none. So where the group's count is masked (any value from 0, as
    /// the reader knows it) its statistics are masked too, or they would tell the reader what the
    /// mask hides. A count shown "< k" says as much as "n. p." already.
    static func withholdStatisticsOfMaskedGroups(_ table: inout StatTable) {
        guard let group = table.columns.firstIndex(where: { $0.kind == .count }) else { return }
        let measures = table.columns.indices.filter { if case .measure = table.columns[$0].kind { return true } else { return false } }
        for r in table.rows.indices {
            switch table.rows[r][group] {
            case .withheld(.secondary), .withheld(.primaryMasked):
                for c in measures { table.rows[r][c] = .withheld(.secondary) }
            default: break
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

    /// A platform's share of all cases is its count over the total: published, it gives either back
    /// from the other, so it is withheld with its count (`small_group`, "n. p.", when the count is
    /// under k; masked when the count is masked) and every share is masked with the total.
    static func withholdSharesOfCases(_ table: inout StatTable) {
        guard let share = table.columnIndex(StatTable.shareOfCasesColumn), let cases = table.columnIndex("cases"),
            let total = table.rowIndex(keys: ["total"])
        else { return }
        let totalWithheld = table.rows[total][cases].isWithheld
        for r in table.rows.indices where table.rows[r][share] != .empty {
            switch table.rows[r][cases] {
            case .withheld(.primary): table.rows[r][share] = .withheld(.smallGroup)
            case .withheld: table.rows[r][share] = .withheld(.secondary)
            default: if totalWithheld { table.rows[r][share] = .withheld(.secondary) }
            }
        }
    }
}
