// Maps independent work items on all cores, keeping the input order (so output stays deterministic).

import Foundation

package enum ParallelMap {
    /// `@inlinable` so that callers in other modules get it specialized for their types, as they
    /// did when it lived in the same module.
    @inlinable
    package static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        let results = ParallelMapResults<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results.set(index, transform(items[index]))
        }
        return results.values()
    }

    /// `0..<count` cut into at most `parts` consecutive ranges of one length (the last may be
    /// shorter), none empty: the shares of work that `map` then spreads over the cores, when each
    /// share keeps something from item to item (a buffer, what it learnt).
    package static func ranges(count: Int, parts: Int) -> [Range<Int>] {
        let size = max((count + max(parts, 1) - 1) / max(parts, 1), 1)
        return stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    }

    /// `0..<weights.count` cut into at most `parts` consecutive ranges of about one total weight,
    /// none empty: shares of work when items differ in size (a page of 5 MB beside pages of 20 kB,
    /// which cut by count left one core with all the large pages at the end).
    package static func ranges(weights: [Int], parts: Int) -> [Range<Int>] {
        let total = weights.reduce(0, +)
        let share = max((total + max(parts, 1) - 1) / max(parts, 1), 1)
        var cuts: [Range<Int>] = []
        var start = 0, sum = 0
        for (index, weight) in weights.enumerated() {
            sum += weight
            if sum >= share * (cuts.count + 1) || index == weights.count - 1 {
                cuts.append(start..<(index + 1))
                start = index + 1
            }
        }
        return cuts
    }
}

/// Slots written once each from concurrent iterations, then read after they all finished.
@usableFromInline
final class ParallelMapResults<R>: @unchecked Sendable {
    private var storage: [R?]
    private let lock = NSLock()

    @usableFromInline
    init(count: Int) { storage = Array(repeating: nil, count: count) }

    @usableFromInline
    func set(_ index: Int, _ value: R) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    @usableFromInline
    func values() -> [R] { storage.map { $0! } }
}
