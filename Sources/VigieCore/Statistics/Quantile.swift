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

/// Counts of non-negative whole numbers of days, for their quantiles without sorting.
struct DayHistogram {
    private var counts: [Int] = []
    private(set) var count = 0

    mutating func add(_ days: Int) {
        precondition(days >= 0, "durations are validated: reported_on ≤ referred_on ≤ closed_on")
        if days >= counts.count { counts += Array(repeating: 0, count: days - counts.count + 1) }
        counts[days] += 1
        count += 1
    }

    /// The value at `rank` (0-based) in the sorted values.
    private func value(atRank rank: Int) -> Int {
        var seen = 0
        for (days, n) in counts.enumerated() {
            seen += n
            if seen > rank { return days }
        }
        preconditionFailure("rank \(rank) beyond \(count) values")
    }

    /// The same value as `Quantile.of(sorted:_:)` on the sorted durations.
    func quantile(_ p: Double) -> Double? {
        guard count > 0 else { return nil }
        let position = Double(count - 1) * p
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, count - 1)
        let low = Double(value(atRank: lower)), high = Double(value(atRank: upper))
        return low + (high - low) * (position - Double(lower))
    }
}

/// Merges sorted arrays into one sorted array, pairwise.
enum SortedMerge {
    static func merge(_ lists: [[Double]]) -> [Double] {
        var lists = lists.filter { !$0.isEmpty }
        guard !lists.isEmpty else { return [] }
        while lists.count > 1 {
            var next: [[Double]] = []
            for i in stride(from: 0, to: lists.count, by: 2) {
                next.append(i + 1 < lists.count ? merge(lists[i], lists[i + 1]) : lists[i])
            }
            lists = next
        }
        return lists[0]
    }

    static func merge(_ a: [Double], _ b: [Double]) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if b[j] < a[i] {
                out.append(b[j])
                j += 1
            } else {
                out.append(a[i])
                i += 1
            }
        }
        out.append(contentsOf: a[i...])
        out.append(contentsOf: b[j...])
        return out
    }
}
