// Medians and quartiles, computed the way spreadsheets, R (type 7), pandas and DuckDB's quantile_cont do,
// so that a journalist can reproduce every published value.

public enum Quantile {
    /// Linear interpolation between closest ranks: position (n − 1)·p in the sorted values.
    public static func of(sorted values: [Double], _ p: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        let position = Double(values.count - 1) * p
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, values.count - 1)
        let fraction = position - Double(lower)
        return values[lower] + (values[upper] - values[lower]) * fraction
    }
}
