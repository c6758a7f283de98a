// The shared measures of every chart: type sizes, bar thickness, spacing, the width of layouts.

/// Measures in SVG user units, which are CSS pixels when the chart is shown at its layout width.
enum ChartStyle {
    /// Labels and values.
    static let fontSize = 14.0
    /// Axis ticks and legends; nothing is written smaller than 12.
    static let smallFontSize = 13.0
    static let lineHeight = 18.0
    static let barHeight = 22.0
    /// Space around the drawing so strokes and text are not cut at the edge of the viewBox.
    static let margin = 4.0
    /// Space between a bar's end and its value.
    static let valuePadding = 6.0
    /// Length of the hatched mark of a withheld value: short, and the same whatever the scale.
    static let withheldLength = 24.0
    /// Below this layout width, labels go above the bars instead of in a column beside them.
    static let stackedLayoutBelow = 480.0

    /// Where to put a text baseline so the text looks centred on `centre`.
    static func baseline(centredOn centre: Double, fontSize: Double = fontSize) -> Double {
        centre + fontSize * 0.35
    }
}
