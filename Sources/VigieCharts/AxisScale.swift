// Picks round axis ticks for counts: 0, 25, 50, 75, 100 rather than 0, 23, 46, 69, 92.

/// A linear count axis from zero to `top`, cut into `intervals` equal steps of a round size.
struct AxisScale: Equatable {
    let step: Int
    let intervals: Int

    var top: Int { step * intervals }
    var ticks: [Int] { (0...intervals).map { $0 * step } }

    /// The smallest axis of `intervals` steps, each 1, 2, 2.5 or 5 times a power of ten (and a
    /// whole number, since counts are), that reaches `maximum`.
    init(covering maximum: Double, intervals: Int) {
        self.intervals = max(1, intervals)
        let needed = maximum.isFinite ? max(0, maximum) / Double(self.intervals) : 0
        var power = 1
        while true {
            for multiple in [10, 20, 25, 50] where multiple != 25 || power >= 10 {
                let candidate = multiple * power / 10
                if candidate >= 1, Double(candidate) >= needed {
                    step = candidate
                    return
                }
            }
            power *= 10
        }
    }

    /// Position of `value` from 0 (bottom of the axis) to `length` (its top).
    func position(of value: Double, length: Double) -> Double {
        top > 0 ? value / Double(top) * length : 0
    }
}
