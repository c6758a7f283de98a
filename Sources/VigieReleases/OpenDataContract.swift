// The open-data contract, version 2: how a computed table becomes the files of /donnees/.

import VigieStatistics

/// What /donnees/ publishes of one table (SPEC, "Version 2 of this contract"):
/// - every value column (a count, a median, a share…) is followed by `<column>_status`, which says
///   for that cell alone whether it is published and, if not, what its label on the site said;
/// - the `total` rows go to a resource of their own, `<table>_totals`, without the key column they
///   total over, so that a default `SUM` over a count column of the detail file adds up detail rows only;
/// - shares are in percent, like every other percentage of the site (`share_resolved` = 45.9, not 0.459).
/// The `suppressed` column of version 1 stays, with its meaning: some value of the row is withheld.
public enum OpenDataContract {
    /// Version of the contract (table names and columns); the data package's `version` adds the
    /// release it describes as build metadata: `2.1.0+2019-03-29`.
    /// 2.2.0: `cases_by_platform` has each platform's `share` of all cases (in percent, with `share_status`).
    /// 2.1.0: `days_to_stage` has quartiles (`q1_days`, `q3_days`) and the delay `referred_to_closed`;
    /// the tables `days_to_stage_by_platform` and `cases_by_month` (months of whole ISO weeks).
    /// 2.0.0: per-cell status columns, totals in `<table>_totals`, shares in percent.
    /// 1.1.0: the `commitments` table. 1.0.0: the SPEC's tables.
    public static let version = "2.2.0"
    public static let totalsSuffix = "_totals"
    public static let statusSuffix = "_status"
    /// The tables with `total` rows, published apart as `<table>_totals`.
    public static let tablesWithTotals: Set<TableID> = [
        .casesByPlatform, .casesByIssue, .casesBySize, .casesByRegion, .casesBySector, .casesByOutcome, .platformIssue,
        .resolutionByPlatform, .revenueLossByPlatform, .casePaths,
    ]

    /// What a value cell's status column says. Primary cells shown masked and secondary cells share
    /// `masked`: the site shows them alike, and disclosure control assumes the reader knows only that.
    public enum CellStatus: String, CaseIterable, Sendable {
        case published
        /// A count from 1 to k−1, shown "< k".
        case belowThreshold = "below_threshold"
        /// Any value from 0 up, shown "masqué".
        case masked
        /// A statistic of a group of fewer than k cases, shown "n. p.".
        case smallGroup = "small_group"
        /// No value exists (the median of an empty group), shown "—".
        case noValue = "no_value"

        init(_ cell: TableCell) {
            switch cell {
            case .withheld(.primary): self = .belowThreshold
            case .withheld(.primaryMasked), .withheld(.secondary): self = .masked
            case .withheld(.smallGroup): self = .smallGroup
            case .empty: self = .noValue
            default: self = .published
            }
        }
    }

    /// The resources of `table`: its detail rows, then, for a table of `tablesWithTotals`, its totals.
    /// The same list decides which files a release holds (`StoredRelease.expectedFiles`) and which it
    /// reads back (`ReleaseTableReader`), so a release always holds what its format names.
    public static func resources(of table: StatTable) -> [PublishedTable] {
        guard tablesWithTotals.contains(table.id),
            let keyColumn = table.columns.firstIndex(where: { if case .key = $0.kind { return true } else { return false } })
        else { return [PublishedTable(source: table, rows: table.rows, droppingColumn: nil)] }
        let isTotal: ([TableCell]) -> Bool = { $0[keyColumn] == .key("total") }
        return [
            PublishedTable(source: table, rows: table.rows.filter { !isTotal($0) }, droppingColumn: nil),
            PublishedTable(source: table, rows: table.rows.filter(isTotal), droppingColumn: keyColumn),
        ]
    }

    /// The resources of every table, in order.
    public static func resources(of tables: [StatTable]) -> [PublishedTable] { tables.flatMap(resources(of:)) }
}

/// One resource of /donnees/ (a CSV file, its JSON twin and its entry in datapackage.json).
public struct PublishedTable: Sendable {
    public let source: TableID
    /// `cases_by_platform`, or `cases_by_platform_totals` for its total rows.
    public let name: String
    public let isTotals: Bool
    public let columns: [TableColumn]
    public let rows: [[TableCell]]

    /// The columns that identify a row: the table's own identifier column when it has one (the
    /// commitments), else its key columns. The data package's `primaryKey` and the database's.
    package var keyColumns: [TableColumn] {
        let identifiers = columns.filter { $0.kind == .identifier }
        return identifiers.isEmpty ? columns.filter { if case .key = $0.kind { return true } else { return false } } : identifiers
    }

    /// `rows` of `source` as published: status columns added, the totalled key column dropped.
    init(source table: StatTable, rows sourceRows: [[TableCell]], droppingColumn dropped: Int?) {
        source = table.id
        isTotals = dropped != nil
        name = table.id.rawValue + (dropped == nil ? "" : OpenDataContract.totalsSuffix)
        var columns: [TableColumn] = []
        var plan: [(source: Int, asStatus: Bool)] = []
        for (c, column) in table.columns.enumerated() where c != dropped {
            switch column.kind {
            case .count, .measure:
                columns.append(Self.published(column))
                columns.append(TableColumn(column.name + OpenDataContract.statusSuffix, .status))
                plan += [(c, false), (c, true)]
            default:
                columns.append(column)
                plan.append((c, false))
            }
        }
        self.columns = columns
        rows = sourceRows.map { row in
            plan.map { step in
                let cell = row[step.source]
                if step.asStatus { return .text(OpenDataContract.CellStatus(cell).rawValue) }
                if case let .measure(value, _) = cell, table.columns[step.source].kind == .measure(unit: "share") {
                    return .measure(value * 100, decimals: 1)
                }
                return cell
            }
        }
    }

    /// A share is published in percent.
    private static func published(_ column: TableColumn) -> TableColumn {
        column.kind == .measure(unit: "share") ? TableColumn(column.name, .measure(unit: "share_percent")) : column
    }
}
