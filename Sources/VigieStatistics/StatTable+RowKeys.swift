// Row keys as strings, so that a row can be found again in another publication or named in a finding.

extension StatTable {
    /// The key cells of row `r`, in column order (e.g. `["amazon", "delisting"]`).
    package func keys(ofRow r: Int) -> [String] {
        rows[r].compactMap { if case let .key(key) = $0 { return key } else { return nil } }
    }
}

extension StatTable {
    /// Row index by row keys, for matching every row of two editions of a table
    /// (`rowIndex(keys:)` scans: quadratic on the 110 rows of `platform_issue`).
    package func rowIndexByKeys() -> [[String]: Int] {
        var index: [[String]: Int] = [:]
        for r in rows.indices where index[keys(ofRow: r)] == nil { index[keys(ofRow: r)] = r }
        return index
    }
}
