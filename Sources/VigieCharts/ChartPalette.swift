// The colours of every chart, chosen for WCAG 2.1 AA contrast against white and against each other.

/// Colours as hexadecimal sRGB. Contrast ratios are against white unless said otherwise; the tests
/// recompute every pairing that carries text or data.
enum ChartPalette {
    /// Text: 16.7:1.
    static let ink = "#1e1e1e"
    /// Axis ticks and secondary text: 8.1:1.
    static let mutedInk = "#505050"
    static let background = "#ffffff"
    /// Bars and columns: 6.6:1 as a graphic; white text on it is 6.6:1.
    static let bar = "#206095"
    /// The cumulative line and its axis: 5.2:1, and a hue apart from `bar` for colour-blind readers.
    static let line = "#c2410c"
    /// Gridlines: decorative, the values are written on the chart.
    static let grid = "#d9d9d9"
    /// The empty part of a 0–100 % track, and the funnel's connectors: decorative.
    static let track = "#e4ebf3"
    /// Outline of map tiles, so the lightest step stays visible against white: 3.4:1.
    static let tileOutline = "#8a8a8a"

    /// One step of the sequential scale, with the text colour that reads on it at 4.5:1 or more.
    struct Step: Sendable {
        let fill: String
        let text: String
    }

    /// Five steps from light to dark blue; every fill differs from its neighbours in lightness,
    /// so the scale survives greyscale printing.
    static let sequential: [Step] = [
        Step(fill: "#dbe8f5", text: ink),
        Step(fill: "#a9c8e6", text: ink),
        Step(fill: "#6a9fcf", text: ink),
        Step(fill: "#2f6fae", text: background),
        Step(fill: "#113f6e", text: background),
    ]
}
