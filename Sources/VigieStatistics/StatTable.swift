// A computed table in the SPEC's long format; the unit that disclosure control and every renderer share.

import VigieInput

/// Why a value is not published.
public enum Withholding: String, Sendable, Hashable {
    /// A count from 1 to k−1, shown as "< k".
    case primary
    /// A count from 1 to k−1 shown as masked, like a secondary cell: its "< k" label would let a reader
    /// narrow it or a neighbour (two small counts under a small total give each other away).
    case primaryMasked = "primary_masked"
    /// Hidden (masked) so that a primary cell cannot be recovered by subtraction: 0 or at least k.
    case secondary
    /// A statistic (median, quartile, share) of a group of fewer than k cases.
    case smallGroup = "small_group"
}

/// One cell of a table.
public enum TableCell: Sendable, Hashable {
    /// A key: a vocabulary key, an ISO week, a stage, or `total`.
    case key(String)
    case count(Int)
    /// A measured value (median, quartile, share), with how many decimals to publish.
    case measure(Double, decimals: Int)
    /// A value withheld by disclosure control.
    case withheld(Withholding)
    /// No value exists (the median of an empty group).
    case empty
    /// The `suppressed` flag column; set by disclosure control.
    case flag(Bool)
    /// Free text from the content (a commitment's title or source), published as written.
    case text(String)
    /// A calendar date, published as `YYYY-MM-DD`.
    case date(Day)

    public var count: Int? {
        if case let .count(value) = self { return value }
        return nil
    }

    public var key: String? {
        if case let .key(value) = self { return value }
        return nil
    }

    public var isWithheld: Bool {
        if case .withheld = self { return true }
        return false
    }
}

/// What a column holds, which decides its type in the Table Schema and its formatting.
public enum ColumnKind: Sendable, Hashable {
    /// A key column, labelled in HTML through the named vocabulary (`platforms`, `issues`, …), or not at all.
    case key(vocabulary: String?)
    case count
    case measure(unit: String)
    case suppressedFlag
    /// A row's own identifier (a commitment's id): the table's primary key, no vocabulary.
    case identifier
    /// Free text (`TableCell.text`).
    case text
    /// A date (`TableCell.date`), empty when there is none.
    case date
    /// An integer that is not a count of cases (days late), in `unit`.
    case integer(unit: String)
    /// The status of the value column before it, in the published files only (`OpenDataContract`).
    case status
}

public struct TableColumn: Sendable, Hashable {
    public let name: String
    public let kind: ColumnKind

    public init(_ name: String, _ kind: ColumnKind) {
        self.name = name
        self.kind = kind
    }
}

/// A table as published: the SPEC's columns, rows in a fixed order, a `total` row where the SPEC has one.
public struct StatTable: Sendable, Hashable {
    public let id: TableID
    public let columns: [TableColumn]
    public var rows: [[TableCell]]

    public init(id: TableID, columns: [TableColumn], rows: [[TableCell]] = []) {
        self.id = id
        self.columns = columns
        self.rows = rows
    }

    public func columnIndex(_ name: String) -> Int? { columns.firstIndex { $0.name == name } }

    /// Key columns that only the data files carry (a month's first and last weeks, from
    /// `cases_by_month`): the pages name such a row by its first key, whose label says the same.
    public static let fileOnlyKeyColumns: Set<String> = ["first_week", "last_week"]

    /// The row whose key columns equal `keys` (in column order).
    public func rowIndex(keys: [String]) -> Int? {
        let keyColumns = columns.indices.filter { if case .key = columns[$0].kind { return true } else { return false } }
        return rows.firstIndex { row in
            zip(keyColumns, keys).allSatisfy { column, key in row[column] == .key(key) }
        }
    }

    public func cell(keys: [String], column: String) -> TableCell? {
        guard let r = rowIndex(keys: keys), let c = columnIndex(column) else { return nil }
        return rows[r][c]
    }

    /// Number of withheld cells, by reason.
    public var withheldCounts: [Withholding: Int] {
        var counts: [Withholding: Int] = [:]
        for row in rows {
            for cell in row { if case let .withheld(reason) = cell { counts[reason, default: 0] += 1 } }
        }
        return counts
    }

    /// Recomputes the `suppressed` flag of every row: true when any value of the row is withheld.
    public mutating func refreshSuppressedFlags() {
        guard let flagColumn = columns.firstIndex(where: { $0.kind == .suppressedFlag }) else { return }
        for r in rows.indices {
            rows[r][flagColumn] = .flag(rows[r].contains { $0.isWithheld })
        }
    }
}
