// What a reader can compute from the published tables: every equality between counts, within and across tables.

import VigieStatistics

/// The linear equalities that hold between the counts of one publication, read off the tables' shape.
///
/// Two kinds:
/// - `sums`: a whole equals the sum of its parts (a table's `total` row and the other rows of that
///   column; an issue's `total` row across platforms in `platform_issue`; a week's cumulative count
///   and the previous cumulative count plus the week's count; a month and its weeks; the funnel's
///   `referred` and `closed` stages and the `case_paths` that make them up; the cases of each delay of
///   `days_to_stage`, over the platforms of `days_to_stage_by_platform`, and those closed after
///   referral over their paths);
/// - `links`: groups of cells that hold the same quantity in different places (all cases: the
///   totals of five tables, the funnel's `reported` stage and the last cumulative week; closed cases;
///   resolved cases (also the `referred_resolved` path); referred cases; each issue in `cases_by_issue` and in `platform_issue`'s total rows;
///   a platform's closed cases in `resolution_by_platform` and in `days_to_stage_by_platform`;
///   the first week's count and its cumulative count).
///
/// Not modelled (inequalities only, no subtraction gives an exact value): `cases_by_issue` rows sum to
/// at least the total (a case may have several issues); resolved ≤ closed ≤ cases per platform;
/// reported ≥ referred; a platform × issue cell ≤ the platform's cases. Nor the way outcomes go with
/// statuses (a withdrawn case is usually `abandoned`): a habit of the export, not a rule of the format.
struct CountRelations {
    let sums: [SumRelation]
    let links: [[CellAddress]]

    init(tables: [TableID: StatTable]) {
        var sums: [SumRelation] = []
        var links: [[CellAddress]] = []
        func cell(_ id: TableID, _ keys: [String], _ column: String) -> CellAddress? {
            guard let table = tables[id], let r = table.rowIndex(keys: keys), let c = table.columnIndex(column) else { return nil }
            return CellAddress(table: id, row: r, column: c)
        }

        // A `total` row against the other rows, column by column.
        let tablesWithTotals: [(TableID, [String])] = [
            (.casesByPlatform, ["cases"]), (.casesBySize, ["cases"]), (.casesByRegion, ["cases"]), (.casePaths, ["cases"]),
            (.casesBySector, ["cases"]), (.casesByOutcome, ["cases"]), (.resolutionByPlatform, ["closed", "resolved"]),
            (.revenueLossByPlatform, ["cases"]),
        ]
        for (id, columns) in tablesWithTotals {
            guard let table = tables[id], let totalRow = table.rowIndex(keys: ["total"]) else { continue }
            for name in columns {
                guard let c = table.columnIndex(name) else { continue }
                let parts = table.rows.indices.filter { $0 != totalRow }.map { CellAddress(table: id, row: $0, column: c) }
                sums.append(SumRelation(whole: CellAddress(table: id, row: totalRow, column: c), parts: parts))
            }
        }

        // platform_issue: each issue's `total` row is the sum over platforms, and is the issue's row of cases_by_issue.
        if let table = tables[.platformIssue], let c = table.columnIndex("cases") {
            for r in table.rows.indices where table.rows[r][0] == .key("total") {
                guard case let .key(issue) = table.rows[r][1] else { continue }
                let parts = table.rows.indices.filter { $0 != r && table.rows[$0][1] == .key(issue) }
                sums.append(
                    SumRelation(
                        whole: CellAddress(table: .platformIssue, row: r, column: c),
                        parts: parts.map { CellAddress(table: .platformIssue, row: $0, column: c) }))
                if let issueRow = cell(.casesByIssue, [issue], "cases") {
                    links.append([issueRow, CellAddress(table: .platformIssue, row: r, column: c)])
                }
            }
        }

        // Weeks: cumulative[w] = cumulative[w−1] + cases[w]; the first cumulative is the first week's count.
        if let table = tables[.casesByWeek], let cases = table.columnIndex("cases"), let cumulative = table.columnIndex("cumulative"),
            !table.rows.isEmpty
        {
            func at(_ r: Int, _ c: Int) -> CellAddress { CellAddress(table: .casesByWeek, row: r, column: c) }
            links.append([at(0, cases), at(0, cumulative)])
            for r in table.rows.indices.dropFirst() {
                sums.append(SumRelation(whole: at(r, cumulative), parts: [at(r - 1, cumulative), at(r, cases)]))
            }
        }

        // Months: each the sum of its weeks (whole ISO weeks, `WeekMonth`). A stored release made
        // before cases_by_month holds none, and adds nothing.
        if let months = tables[.casesByMonth], let weeks = tables[.casesByWeek], let c = months.columnIndex("cases"),
            let first = months.columnIndex("first_week"), let last = months.columnIndex("last_week"),
            let weekCases = weeks.columnIndex("cases")
        {
            for r in months.rows.indices {
                guard case let .key(from) = months.rows[r][first], case let .key(to) = months.rows[r][last] else { continue }
                let parts = weeks.rows.indices.filter { w in
                    guard case let .key(week) = weeks.rows[w][0] else { return false }
                    return from <= week && week <= to
                }
                sums.append(
                    SumRelation(
                        whole: CellAddress(table: .casesByMonth, row: r, column: c),
                        parts: parts.map { CellAddress(table: .casesByWeek, row: $0, column: weekCases) }))
            }
        }

        // The funnel's stages as sums of paths: referred = the four referred paths, closed = the four
        // closed ones (a table absent from a stored release made before it existed adds nothing).
        for (stage, paths) in [("referred", CasePath.referred), ("closed", CasePath.closed)] {
            let parts = paths.compactMap { cell(.casePaths, [$0.rawValue], "cases") }
            if let whole = cell(.mediationFunnel, [stage], "cases"), parts.count == paths.count {
                sums.append(SumRelation(whole: whole, parts: parts))
            }
        }

        // The delays: the cases closed after referral are the closed paths of referred cases; each
        // delay's cases, platform by platform, add up to all platforms'; a platform's closed cases are
        // its `closed` in resolution_by_platform. (Its referred cases, and those closed after referral,
        // are published nowhere else; that they are at most its cases is an inequality.)
        if let whole = cell(.daysToStage, [DelayStage.referredToClosed.rawValue], "cases") {
            let parts = DelayStage.referredToClosed.paths.compactMap { cell(.casePaths, [$0.rawValue], "cases") }
            if parts.count == DelayStage.referredToClosed.paths.count { sums.append(SumRelation(whole: whole, parts: parts)) }
        }
        if let table = tables[.daysToStageByPlatform], let c = table.columnIndex("cases") {
            // (The closed cases' sum is resolution_by_platform's over the same classes, already written:
            // a second copy would only enlarge the audit's systems.)
            for stage in DelayStage.allCases where stage != .closed || tables[.resolutionByPlatform] == nil {
                guard let whole = cell(.daysToStage, [stage.rawValue], "cases") else { continue }
                let parts = table.rows.indices.filter { table.rows[$0][1] == .key(stage.rawValue) }
                sums.append(SumRelation(whole: whole, parts: parts.map { CellAddress(table: .daysToStageByPlatform, row: $0, column: c) }))
            }
            for r in table.rows.indices where table.rows[r][1] == .key(DelayStage.closed.rawValue) {
                guard case let .key(platform) = table.rows[r][0], let closed = cell(.resolutionByPlatform, [platform], "closed") else {
                    continue
                }
                links.append([closed, CellAddress(table: .daysToStageByPlatform, row: r, column: c)])
            }
        }

        // The same quantity published in several tables.
        var allCases = [
            cell(.casesByPlatform, ["total"], "cases"), cell(.casesByIssue, ["total"], "cases"),
            cell(.casesBySize, ["total"], "cases"), cell(.casesByRegion, ["total"], "cases"),
            cell(.casesBySector, ["total"], "cases"), cell(.mediationFunnel, ["reported"], "cases"),
            cell(.casePaths, ["total"], "cases"),
        ]
        if let weeks = tables[.casesByWeek], !weeks.rows.isEmpty, let cumulative = weeks.columnIndex("cumulative") {
            allCases.append(CellAddress(table: .casesByWeek, row: weeks.rows.count - 1, column: cumulative))
        }
        links.append(allCases.compactMap { $0 })
        links.append([cell(.mediationFunnel, ["referred"], "cases"), cell(.daysToStage, ["referred"], "cases")].compactMap { $0 })
        links.append(
            [
                cell(.mediationFunnel, ["closed"], "cases"), cell(.resolutionByPlatform, ["total"], "closed"),
                cell(.casesByOutcome, ["total"], "cases"), cell(.daysToStage, ["closed"], "cases"),
            ].compactMap { $0 })
        links.append(
            [
                cell(.mediationFunnel, ["resolved"], "cases"), cell(.resolutionByPlatform, ["total"], "resolved"),
                cell(.casePaths, [CasePath.referredResolved.rawValue], "cases"),
            ].compactMap { $0 })

        self.sums = sums
        self.links = links.filter { $0.count > 1 }
    }

    /// Every count cell that takes part in some relation.
    var cells: Set<CellAddress> {
        Set(sums.flatMap { $0.parts + [$0.whole] }).union(links.joined())
    }
}
