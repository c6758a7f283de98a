// The colours of every chart, chosen for WCAG 2.1 AA contrast against white and against each other:
// Vigie's own (`neutral`), and the State design system's (`dsfr`) for sites that use its theme.

/// Colours as hexadecimal sRGB. Contrast ratios are against white unless said otherwise; the tests
/// recompute every pairing that carries text or data, for each palette.
public struct ChartPalette: Sendable {
    /// Text.
    let ink: String
    /// Axis ticks and secondary text.
    let mutedInk: String
    let background: String
    /// Bars and columns; white text is written on them.
    let bar: String
    /// The cumulative line and its axis, a hue apart from `bar` for colour-blind readers.
    let line: String
    /// Gridlines: decorative, the values are written on the chart.
    let grid: String
    /// The empty part of a 0–100 % track, and the funnel's connectors: decorative.
    let track: String
    /// Outline of map tiles, so the lightest step stays visible against white.
    let tileOutline: String
    /// Five steps from light to dark; every fill differs from its neighbours in lightness, so the
    /// scale survives greyscale printing.
    let sequential: [Step]

    /// One step of the sequential scale, with the text colour that reads on it at 4.5:1 or more.
    struct Step: Sendable {
        let fill: String
        let text: String
    }

    /// Vigie's palette: text 16.7:1, muted text 8.1:1, bars 6.6:1 (white on them 6.6:1), the line
    /// 5.2:1, tile outlines 3.4:1.
    public static let neutral = ChartPalette(
        ink: "#1e1e1e", mutedInk: "#505050", background: "#ffffff", bar: "#206095", line: "#c2410c", grid: "#d9d9d9",
        track: "#e4ebf3", tileOutline: "#8a8a8a",
        sequential: [
            Step(fill: "#dbe8f5", text: "#1e1e1e"),
            Step(fill: "#a9c8e6", text: "#1e1e1e"),
            Step(fill: "#6a9fcf", text: "#1e1e1e"),
            Step(fill: "#2f6fae", text: "#ffffff"),
            Step(fill: "#113f6e", text: "#ffffff"),
        ])

    /// The DSFR's colours (named by their tokens): text grey-50 18.1:1, mention grey 5.7:1, bars
    /// blue-france-sun-113 14.9:1 (white on them 14.9:1), the line warning-425 5.8:1, tile outlines
    /// grey 3.1:1, and the sequential scale in blue-france from 950 to sun-113.
    public static let dsfr = ChartPalette(
        ink: "#161616", mutedInk: "#666666", background: "#ffffff", bar: "#000091", line: "#b34000", grid: "#dddddd",
        track: "#e3e3fd", tileOutline: "#929292",
        sequential: [
            Step(fill: "#ececfe", text: "#161616"),
            Step(fill: "#cacafb", text: "#161616"),
            Step(fill: "#8585f6", text: "#161616"),
            Step(fill: "#2323ff", text: "#ffffff"),
            Step(fill: "#000091", text: "#ffffff"),
        ])
}
