// View model of an HTML data table: every cell already formatted, withheld cells marked.

import VigieStatistics

/// What `partials/table.mustache` lays out.
public struct TableModel: Sendable {
    public struct Header: Sendable { public var text: String; public var numeric: Bool }
    public struct Cell: Sendable {
        public var text: String
        public var numeric: Bool
        /// The first key cell of a row is a row header (`<th scope="row">`).
        public var rowHeader: Bool
        public var withheld: Bool
    }
    public struct Row: Sendable {
        public var cells: [Cell]
        public var total: Bool
    }

    public var caption: String
    public var headers: [Header]
    public var rows: [Row]
    public var hasWithheld: Bool
    /// A grid of two keys (`pivot`): many narrow numeric columns, laid out compactly.
    public var isGrid = false

    /// Builds the HTML view of a protected table; the `suppressed` flag column is not shown (the
    /// withheld markers say it). Rows keep the table's order, or, with `rankedBy`, are ranked by
    /// that column's values (`RankedOrder`, on the last key column: the issue of a platform's issues).
    public init(
        table: StatTable, caption: String, labels: Labels, rowFilter: (([TableCell]) -> Bool)? = nil, rankedBy: String? = nil
    ) {
        self.caption = caption
        let shown = table.columns.indices.filter { table.columns[$0].kind != .suppressedFlag }
        headers = shown.map { index in
            let column = table.columns[index]
            let numeric: Bool
            if case .key = column.kind { numeric = false } else { numeric = true }
            return Header(text: labels.strings.text("statistics.columns.\(column.name)"), numeric: numeric)
        }
        var rows: [Row] = []
        var hasWithheld = false
        var tableRows = table.rows.filter { rowFilter?($0) ?? true }
        let keyColumn = table.columns.lastIndex { if case .key = $0.kind { return true } else { return false } }
        if let rankedBy, let valueColumn = table.columnIndex(rankedBy), let keyColumn {
            var vocabulary: String?
            if case let .key(name) = table.columns[keyColumn].kind { vocabulary = name }
            func key(_ row: [TableCell]) -> String {
                if case let .key(key) = row[keyColumn] { return key }
                return ""
            }
            tableRows = RankedOrder.sorted(
                tableRows, key: key, label: { labels.label(key($0), in: vocabulary) }, value: { RankedOrder.value(of: $0[valueColumn]) })
        }
        for row in tableRows {
            var cells: [Cell] = []
            var isTotal = false
            for (position, index) in shown.enumerated() {
                let column = table.columns[index]
                var vocabulary: String?
                var numeric = true
                if case let .key(name) = column.kind { vocabulary = name; numeric = false }
                if row[index] == .key("total") { isTotal = true }
                let text = labels.cellText(row[index], column: column, vocabulary: vocabulary)
                let withheld = row[index].isWithheld
                hasWithheld = hasWithheld || withheld
                cells.append(Cell(text: text, numeric: numeric, rowHeader: position == 0, withheld: withheld))
            }
            rows.append(Row(cells: cells, total: isTotal))
        }
        self.rows = rows
        self.hasWithheld = hasWithheld
    }
}
