// Draws keys with given weights: how the generator skews platforms, issues, regions and sizes.

struct WeightedChoice: Sendable {
    let keys: [String]
    private let cumulative: [Double]

    init(_ pairs: [(String, Double)]) {
        keys = pairs.map(\.0)
        var running = 0.0
        var cumulative: [Double] = []
        for (_, weight) in pairs {
            running += weight
            cumulative.append(running)
        }
        self.cumulative = cumulative.map { $0 / running }
    }

    func index(_ random: inout SeededGenerator) -> Int {
        let u = random.unit()
        var low = 0, high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] > u { high = mid } else { low = mid + 1 }
        }
        return low
    }

    func pick(_ random: inout SeededGenerator) -> String { keys[index(&random)] }
}
