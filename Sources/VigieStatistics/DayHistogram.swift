// Durations in days counted by value, for their medians without sorting a million of them.

import VigieSupport

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

    /// Adds every value of `other`: the histogram of two groups from theirs.
    mutating func add(_ other: DayHistogram) {
        if other.counts.count > counts.count { counts += Array(repeating: 0, count: other.counts.count - counts.count) }
        for (days, n) in other.counts.enumerated() { counts[days] += n }
        count += other.count
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
        Quantile.of(count: count, p) { Double(value(atRank: $0)) }
    }
}
