// Wraps a chart's marks in the accessible `<svg>` root: title, description, shared definitions.

/// The root of every chart: `role="img"`, named by its `<title>` and `<desc>`, sized by `viewBox`
/// and scaled to the width of its container. Every `id` inside starts with the chart's id, so
/// several charts can share a page.
enum ChartDocument {
    /// The id of the hatch pattern of withheld values in chart `chartID`.
    static func withheldPatternID(chartID: String) -> String { "\(chartID)-withheld" }

    /// The fill of a withheld mark.
    static func withheldFill(chartID: String) -> String { "url(#\(withheldPatternID(chartID: chartID)))" }

    /// The height of a chart this type rendered: the last number of its root's `viewBox`, the one
    /// place where `render` records it.
    static func height(of chart: String) -> Double? {
        guard let start = chart.range(of: "viewBox=\"")?.upperBound, let end = chart[start...].firstIndex(of: "\"") else { return nil }
        return chart[start..<end].split(separator: " ").last.flatMap { Double($0) }
    }

    /// A chart of this type without the `role` and `aria-labelledby` that `render` gave its root, for
    /// a chart nested in an SVG file: the SVG language (and the Nu checker's SVG schema) has no ARIA
    /// attributes, and a file is named by its own first `<title>`.
    static func withoutARIA(_ chart: String, id: String) -> String {
        let attributes = " role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\""
        guard let range = chart.range(of: attributes) else { return chart }
        return chart.replacingCharacters(in: range, with: "")
    }

    /// - Parameters:
    ///   - kind: the chart type, written as the class `chart-<kind>` for the site's CSS (not `chart`
    ///     alone, which the site's templates give to the `<figure>` around the chart).
    ///   - hatched: whether to define the hatch pattern (only when a mark uses it).
    static func render(
        id: String, palette: ChartPalette, kind: String, text: ChartText, width: Double, height: Double, hatched: Bool,
        body: SVGWriter
    ) -> String {
        var svg = SVGWriter()
        svg.open(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"),
                ("class", "chart-\(kind)"),
                ("role", "img"),
                ("aria-labelledby", "\(id)-title \(id)-desc"),
                ("viewBox", "0 0 \(width.svgCoordinate) \(height.rounded(.up).svgCoordinate)"),
                ("width", "100%"),
                ("font-size", ChartStyle.fontSize.svgCoordinate),
                ("fill", palette.ink),
            ])
        svg.element("title", [("id", "\(id)-title")], text: text.title)
        svg.element("desc", [("id", "\(id)-desc")], text: text.description)
        if hatched {
            svg.open("defs", [])
            // Diagonal stripes of the bar colour on white: reads as "not a value" in colour and in
            // black and white alike.
            svg.open(
                "pattern",
                [
                    ("id", withheldPatternID(chartID: id)),
                    ("width", "6"), ("height", "6"),
                    ("patternUnits", "userSpaceOnUse"),
                    ("patternTransform", "rotate(45)"),
                ])
            svg.element("rect", [("width", "6"), ("height", "6"), ("fill", palette.background)])
            svg.element("rect", [("width", "1.5"), ("height", "6"), ("fill", palette.bar)])
            svg.close("pattern")
            svg.close("defs")
        }
        // Every contrast ratio is computed against white: paint it, whatever the page behind.
        svg.element(
            "rect", [("class", "background"), ("width", "100%"), ("height", "100%"), ("fill", palette.background)])
        svg.append(body)
        svg.close("svg")
        return svg.markup
    }
}
