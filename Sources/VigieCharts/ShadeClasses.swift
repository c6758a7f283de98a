// Cuts a map's values into up to five shades at rounded quintiles, so that skewed counts keep contrast.

import VigieSupport

/// Classes of values for a sequential palette: bounds at the quintiles of the published values,
/// rounded to two significant digits (`118` → `120`); duplicates, and bounds that would leave a
/// class empty, dropped.
///
/// Counts by region are skewed (Île-de-France alone can be several times any other region), so
/// equal steps would shade nearly every region alike; quintiles give each shade a few regions.
/// Every value is also written in its tile, so the shade only helps the eye.
struct ShadeClasses: Equatable {
    /// Lower bounds of the second and later classes, increasing.
    let breaks: [Int]
    /// The largest value, the upper bound of the last class.
    let top: Int

    init(values: [Double]) {
        let sorted = values.filter { $0.isFinite && $0 >= 0 }.sorted()
        top = Int((sorted.last ?? 0).rounded(.up))
        var breaks: [Int] = []
        for fifth in 1...4 {
            guard let quantile = Quantile.of(sorted: sorted, Double(fifth) / 5) else { break }
            let bound = Self.rounded(quantile)
            // A bound at or below the smallest value would leave the lightest class empty.
            if bound > (breaks.last ?? 0), Double(bound) > sorted[0], bound <= top { breaks.append(bound) }
        }
        self.breaks = breaks
    }

    var classCount: Int { breaks.count + 1 }

    /// Every bound in order: zero, the breaks, the top.
    var bounds: [Int] { [0] + breaks + [top] }

    /// The class of `value`: the number of breaks at or below it.
    func classIndex(of value: Double) -> Int {
        breaks.filter { Double($0) <= value }.count
    }

    /// The palette step of class `index`, spreading fewer than five classes over the whole palette
    /// (two classes take the lightest and the darkest).
    func paletteStep(ofClass index: Int, steps: Int) -> Int {
        guard classCount > 1 else { return 0 }
        return Int((Double(index) * Double(steps - 1) / Double(classCount - 1)).rounded())
    }

    /// `value` to two significant digits: 8 → 8, 64 → 64, 118 → 120, 1 234 → 1 200.
    static func rounded(_ value: Double) -> Int {
        var unit = 1.0
        while value / unit >= 100 { unit *= 10 }
        return Int((value / unit).rounded() * unit)
    }
}
