// A two-key table (platform × issue) shown as a grid: far easier to read than its 110 long rows,
// which stay the published CSV and JSON.

import VigieStatistics

extension TableModel {
    /// One row per value of `rowKey`, one column per value of `columnKey`, cells from `value`.
    /// Rows are ranked by their cell in the column `rankRowsBy` (`RankedOrder`), or kept in the order
    /// of first appearance in the long table; columns follow `columnOrder` (keys not in it after,
    /// in order of appearance).
    static func pivot(
        _ table: StatTable, rowKey: String, columnKey: String, value: String, caption: String, labels: Labels,
        rankRowsBy: String? = nil, columnOrder: [String] = []
    ) -> TableModel {
        guard let r = table.columnIndex(rowKey), let c = table.columnIndex(columnKey), let v = table.columnIndex(value) else {
            return TableModel(table: table, caption: caption, labels: labels)
        }
        func key(_ cell: TableCell) -> String {
            if case let .key(text) = cell { return text }
            return ""
        }
        func vocabulary(_ index: Int) -> String? {
            if case let .key(name) = table.columns[index].kind { return name }
            return nil
        }
        var rowKeys: [String] = [], columnKeys: [String] = []
        var cells: [String: TableCell] = [:]
        for row in table.rows {
            let rk = key(row[r]), ck = key(row[c])
            if !rowKeys.contains(rk) { rowKeys.append(rk) }
            if !columnKeys.contains(ck) { columnKeys.append(ck) }
            cells[rk + "\u{1}" + ck] = row[v]
        }
        if let rankRowsBy {
            rowKeys = RankedOrder.sorted(
                rowKeys, key: { $0 }, label: { labels.label($0, in: vocabulary(r)) },
                value: { cells[$0 + "\u{1}" + rankRowsBy].flatMap(RankedOrder.value) })
        }
        let position = Dictionary(uniqueKeysWithValues: columnOrder.enumerated().map { ($1, $0) })
        columnKeys = columnKeys.enumerated().sorted {
            (position[$0.element] ?? columnOrder.count, $0.offset) < (position[$1.element] ?? columnOrder.count, $1.offset)
        }.map(\.element)
        var model = TableModel(table: StatTable(id: table.id, columns: []), caption: caption, labels: labels)
        model.headers =
            [Header(text: labels.strings.text("statistics.columns.\(rowKey)"), numeric: false)]
            + columnKeys.map { Header(text: labels.label($0, in: vocabulary(c)), numeric: true) }
        model.rows = rowKeys.map { rowKeyValue in
            var row = [Cell(text: labels.label(rowKeyValue, in: vocabulary(r)), numeric: false, rowHeader: true, withheld: false)]
            for columnKeyValue in columnKeys {
                let cell = cells[rowKeyValue + "\u{1}" + columnKeyValue] ?? .empty
                row.append(
                    Cell(
                        text: labels.cellText(cell, column: table.columns[v], vocabulary: nil), numeric: true, rowHeader: false,
                        withheld: cell.isWithheld))
            }
            return Row(cells: row, total: rowKeyValue == "total")
        }
        model.isGrid = true
        model.hasWithheld = model.rows.contains { $0.cells.contains(where: \.withheld) }
        return model
    }
}
