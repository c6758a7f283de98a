// The medians of durations from counts, and the revenue-loss quartiles from buckets, give exactly what sorting gives.

import Testing
import VigieSupport

@testable import VigieStatistics

@Suite("Quantiles without sorting everything")
struct QuantileShortcutTests {
    /// A small deterministic generator, so a failure can be replayed.
    struct SplitMix {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    @Test(arguments: [0, 1, 2, 3, 4, 5, 10, 99, 1000])
    func histogramQuantilesMatchSortedOnes(count: Int) {
        var random = SplitMix(state: UInt64(count))
        var histogram = DayHistogram()
        var values: [Int] = []
        for _ in 0..<count {
            let days = random.next(count % 2 == 0 ? 400 : 3)
            histogram.add(days)
            values.append(days)
        }
        let sorted = values.sorted().map(Double.init)
        #expect(histogram.count == count)
        for p in [0.0, 0.25, 0.5, 0.75, 1.0] {
            #expect(histogram.quantile(p) == Quantile.of(sorted: sorted, p))
        }
    }

    @Test func percentQuantilesMatchSortedOnes() {
        var random = SplitMix(state: 7)
        for listCount in 0..<9 {
            // Whole and decimal percentages, many ties, 0 and 100 included.
            let lists = (0..<listCount).map { k in
                (0..<random.next(60 + 40 * k)).map { _ in Double(random.next(1001)) / 10 }
            }
            let sorted = lists.flatMap { $0 }.sorted()
            let counted = lists.map { list in list.reduce(into: [Double: Int]()) { $0[$1, default: 0] += 1 } }
            let ps = [0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0]
            #expect(PercentQuantiles(counted).values(at: ps) == ps.map { Quantile.of(sorted: sorted, $0) })
            #expect(PercentQuantiles(counted).count == sorted.count)
        }
    }
}
