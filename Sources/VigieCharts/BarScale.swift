// Scales bars so that every value text fits: inside a long bar, or after a short one, never cut.

/// The pixels per unit of a set of bars, and where each bar's value text goes.
///
/// Bars start at the left of a plot `plotWidth` wide, or are centred in it (the funnel). A value
/// text goes inside its bar when the bar is long enough, else just after its end; the scale is
/// the largest one at which every text after a bar still ends inside the plot.
struct BarScale {
    enum Placement: Equatable {
        case inside
        case outside
    }

    let pixelsPerUnit: Double
    let plotWidth: Double
    let centred: Bool

    /// - Parameters:
    ///   - values: the values to draw; `nil` (withheld) bars have a fixed length and do not scale.
    ///   - textWidths: the estimated width of each value's text.
    ///   - domainMaximum: the value drawn the full plot width, at least the largest value.
    init(values: [Double?], textWidths: [Double], plotWidth: Double, domainMaximum: Double, centred: Bool = false) {
        self.plotWidth = plotWidth
        self.centred = centred
        let largest = max(domainMaximum, values.compactMap { $0 }.max() ?? 0)
        guard largest > 0, plotWidth > 0 else {
            pixelsPerUnit = 0
            return
        }
        let sides = centred ? 2.0 : 1.0
        var scale = plotWidth / largest
        // Shrinking the scale can only push more texts outside, so this settles within n + 1 rounds.
        for _ in 0...values.count {
            var fitted = plotWidth / largest
            for (value, textWidth) in zip(values, textWidths) {
                guard let value, value > 0 else { continue }
                if Self.placement(length: value * scale, textWidth: textWidth) == .outside {
                    let longest = plotWidth - sides * (ChartStyle.valuePadding + textWidth)
                    fitted = min(fitted, max(0, longest) / value)
                }
            }
            if fitted == scale { break }
            scale = fitted
        }
        pixelsPerUnit = scale
    }

    /// The length of the bar of `value`; zero for zero.
    func length(of value: Double) -> Double {
        max(0, value) * pixelsPerUnit
    }

    func placement(of value: Double, textWidth: Double) -> Placement {
        Self.placement(length: length(of: value), textWidth: textWidth)
    }

    static func placement(length: Double, textWidth: Double) -> Placement {
        length >= textWidth + 2 * ChartStyle.valuePadding ? .inside : .outside
    }
}
