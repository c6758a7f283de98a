// Sorted lists merged into one: the total row's revenue-loss quartiles from the platforms' sorted values.

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
