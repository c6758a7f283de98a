// Draws legend entries: a small swatch of the mark and the caller's words beside it.

enum ChartLegend {
    static let swatchWidth = ChartStyle.withheldLength
    static let swatchHeight = 14.0

    /// Draws the entry of withheld values at (`x`, `y`), wrapped to `maxWidth`; returns its height.
    @discardableResult
    static func drawWithheld(
        into svg: inout SVGWriter, palette: ChartPalette, chartID: String, text: String, x: Double, y: Double, maxWidth: Double
    ) -> Double {
        let font = ChartStyle.smallFontSize
        let textX = x + swatchWidth + 8
        let lines = TextMetrics.wrap(text, maxWidth: max(40, maxWidth - (textX - x)), fontSize: font)
        svg.element(
            "rect",
            [
                ("class", "legend-swatch withheld"),
                ("x", x.svgCoordinate), ("y", y.svgCoordinate),
                ("width", swatchWidth.svgCoordinate), ("height", swatchHeight.svgCoordinate),
                ("fill", ChartDocument.withheldFill(chartID: chartID)),
                ("stroke", palette.bar),
            ])
        svg.text(
            lines, x: textX, y: ChartStyle.baseline(centredOn: y + swatchHeight / 2, fontSize: font),
            lineHeight: ChartStyle.lineHeight, [("class", "legend"), ("font-size", font.svgCoordinate)]
        )
        return max(swatchHeight, Double(lines.count - 1) * ChartStyle.lineHeight + swatchHeight)
    }
}
