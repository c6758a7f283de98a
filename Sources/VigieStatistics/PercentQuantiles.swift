// Quartiles of the declared revenue losses (percentages from 0 to 100) from their counted values.

import VigieSupport

/// Quantiles of values counted by value, equal to `Quantile.of(sorted:_:)` on all the values
/// sorted: only the distinct values are sorted, and a rank is found among their running counts.
/// The cases are never all in memory (`StatisticsAccumulator`), so neither are their losses.
struct PercentQuantiles {
    /// The distinct values, ascending.
    private let values: [Double]
    /// `ends[i]`: how many values are at most `values[i]`; the last is the count.
    private let ends: [Int]
    var count: Int { ends.last ?? 0 }

    /// The values of several groups together (all platforms for the total).
    init(_ groups: [[Double: Int]]) {
        var counts: [Double: Int] = [:]
        for group in groups { counts.merge(group, uniquingKeysWith: +) }
        values = counts.keys.sorted()
        var running = 0
        ends = values.map { value in
            running += counts[value]!
            return running
        }
    }

    /// The quantiles at `ps`, interpolated as `Quantile.of(sorted:_:)` does; nil without values.
    func values(at ps: [Double]) -> [Double?] {
        ps.map { p in Quantile.of(count: count, p) { rank in values[index(ofRank: rank)] } }
    }

    /// The index of the value at `rank` (0-based) in the sorted values: the first whose end passes it.
    private func index(ofRank rank: Int) -> Int {
        var low = 0
        var high = ends.count - 1
        while low < high {
            let middle = (low + high) / 2
            if ends[middle] > rank { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
