// What a stored release of an earlier format holds of a table: the columns and rows it had then.

extension TableID {
    /// The first release format whose table holds the column `name` (`StoredRelease.formatVersion`):
    /// a release of an earlier format was published without it.
    func introducedInFormat(column name: String) -> Int {
        switch (self, name) {
        case (.daysToStage, "q1_days"), (.daysToStage, "q3_days"): 3
        case (.casesByPlatform, StatTable.shareOfCasesColumn): 4
        default: introducedInFormat
        }
    }

    /// The first release format whose table holds the row of `keys`.
    func introducedInFormat(row keys: [String]) -> Int {
        switch (self, keys) {
        case (.daysToStage, [DelayStage.referredToClosed.rawValue]): 3
        default: introducedInFormat
        }
    }
}

extension StatTable {
    /// The table as a release of `format` publishes it: without the columns and rows added in later
    /// formats. A stored release is read with these columns (`ReleaseTableReader`), and compared on
    /// them with a build of its date (`BuildSession.sameFigures`).
    public func asHeld(inFormat format: Int) -> StatTable {
        let kept = columns.indices.filter { id.introducedInFormat(column: columns[$0].name) <= format }
        let keptRows = rows.indices.filter { id.introducedInFormat(row: keys(ofRow: $0)) <= format }
        return StatTable(id: id, columns: kept.map { columns[$0] }, rows: keptRows.map { r in kept.map { rows[r][$0] } })
    }
}
