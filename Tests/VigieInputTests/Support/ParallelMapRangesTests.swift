// The shares of work the parallel stages cut: every item once, in order, none empty.

import Testing
import VigieSupport

@Suite struct ParallelMapRangesTests {
    private func covers(_ ranges: [Range<Int>], _ count: Int) -> Bool {
        ranges.allSatisfy { !$0.isEmpty } && ranges.flatMap { Array($0) } == Array(0..<count)
    }

    @Test(arguments: [0, 1, 2, 7, 64, 1000])
    func countsAreCutIntoConsecutiveRanges(_ count: Int) {
        for parts in [1, 2, 3, 16] {
            let ranges = ParallelMap.ranges(count: count, parts: parts)
            #expect(covers(ranges, count))
            #expect(ranges.count <= parts)
        }
    }

    @Test func weightsAreCutIntoRangesOfAboutOneWeight() {
        // The shape of a site: 10,000 pages of 20 kB, a list of 5 MB, eight tag pages of 1.2 MB.
        let weights = Array(repeating: 1_200_000, count: 8) + [5_400_000] + Array(repeating: 20_000, count: 10_000)
        let ranges = ParallelMap.ranges(weights: weights, parts: 16)
        #expect(covers(ranges, weights.count))
        #expect(ranges.count <= 16)
        let share = weights.reduce(0, +) / 16
        // A range goes past its share by at most its last item.
        for range in ranges { #expect(weights[range].reduce(0, +) - weights[range.last!] < share + 1) }
        // Cut by count, the first range held all the large pages: twice a share.
        #expect(weights[ParallelMap.ranges(count: weights.count, parts: 16)[0]].reduce(0, +) > 2 * share)
    }

    @Test func edgeWeightsAreStillCovered() {
        #expect(ParallelMap.ranges(weights: [], parts: 4).isEmpty)
        #expect(covers(ParallelMap.ranges(weights: [0, 0, 0], parts: 2), 3))
        #expect(covers(ParallelMap.ranges(weights: [5], parts: 8), 1))
        #expect(covers(ParallelMap.ranges(weights: [1, 100, 1, 1], parts: 0), 4))
        #expect(ParallelMap.ranges(weights: [3, 3, 3, 3], parts: 2) == [0..<2, 2..<4])
    }
}
