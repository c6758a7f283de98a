// "What changed since the last publication": a difference is published only when both sides are
// and the difference is not itself a small count that would single out the cases behind it.

public enum PublishedChange {
    /// current − previous for one count, or nil when it must not be published: either side withheld,
    /// or a change from 1 to k−1 cases (the new cases of the period form a group smaller than k).
    public static func difference(current: ProtectedStatistics, previous: ProtectedStatistics, table: TableID, keys: [String], column: String = "cases") -> Int? {
        guard let now = current.tables[table]?.cell(keys: keys, column: column)?.count,
            let before = previous.tables[table]?.cell(keys: keys, column: column)?.count
        else { return nil }
        let change = now - before
        if change != 0 && abs(change) < current.threshold { return nil }
        return change
    }
}
