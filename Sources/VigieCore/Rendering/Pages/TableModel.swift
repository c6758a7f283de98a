// View model of an HTML data table: every cell already formatted, withheld cells marked.

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

    /// Builds the HTML view of a protected table; the `suppressed` flag column is not shown (the
    /// withheld markers say it), and rows are kept in the table's order.
    public init(table: StatTable, caption: String, labels: Labels, rowFilter: (([TableCell]) -> Bool)? = nil) {
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
        for row in table.rows where rowFilter?(row) ?? true {
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
