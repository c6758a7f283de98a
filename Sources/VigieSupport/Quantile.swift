// Medians and quartiles, computed the way spreadsheets, R (type 7), pandas and DuckDB's quantile_cont do,
// so that a journalist can reproduce every published value.

public enum Quantile {
    /// Linear interpolation between closest ranks: position (n − 1)·p in the sorted values.
    public static func of(sorted values: [Double], _ p: Double) -> Double? {
        of(count: values.count, p) { values[$0] }
    }

    /// The same, for `count` values known only by rank: `value(rank)` is the value at that 0-based
    /// rank in sorted order (counted or bucketed values need not be sorted all).
    @inlinable
    package static func of(count: Int, _ p: Double, value: (Int) -> Double) -> Double? {
        guard count > 0 else { return nil }
        let position = Double(count - 1) * p
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, count - 1)
        let low = value(lower), high = value(upper)
        return low + (high - low) * (position - Double(lower))
    }
}
