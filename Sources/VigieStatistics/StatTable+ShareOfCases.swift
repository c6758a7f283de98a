// The `share` column of cases_by_platform: each platform's part of all cases, the "48,9 %" of its page.

extension StatTable {
    /// The column's name in the table and in the data files.
    public static let shareOfCasesColumn = "share"

    /// True for cases_by_platform's `share` column.
    package func isShareOfCases(column: Int) -> Bool { id == .casesByPlatform && columns[column].name == Self.shareOfCasesColumn }

    /// The table with a `share` column after `cases`: each row's cases over the `total` row's, empty
    /// when there are no cases at all. Disclosure control withholds a share with its count or the
    /// total (`DisclosureControl.withholdSharesOfCases`), so a published share is always
    /// the quotient of two published counts.
    func addingShareOfCases() -> StatTable {
        guard let cases = columnIndex("cases"), let total = cell(keys: ["total"], column: "cases")?.count else { return self }
        var columns = self.columns
        columns.insert(TableColumn(Self.shareOfCasesColumn, .measure(unit: "share")), at: cases + 1)
        return StatTable(
            id: id, columns: columns,
            rows: rows.map { row in
                var row = row
                let share: TableCell = total == 0 ? .empty : .measure(Double(row[cases].count ?? 0) / Double(total), decimals: 3)
                row.insert(share, at: cases + 1)
                return row
            })
    }
}
