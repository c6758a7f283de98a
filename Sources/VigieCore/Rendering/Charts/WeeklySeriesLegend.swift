// The key of the weekly chart: the columns' entry on the left, the line's on the right, like their scales.

enum WeeklySeriesLegend {
    /// Draws both entries at the top of a chart `width` wide, on one row when they fit, else on
    /// two; returns the height used.
    static func draw(into svg: inout SVGWriter, weekly: String, cumulative: String, width: Double) -> Double {
        let font = ChartStyle.smallFontSize
        let margin = ChartStyle.margin
        let swatch = 22.0
        let available = width - 2 * margin - swatch - 6
        let weeklyLines = TextMetrics.wrap(weekly, maxWidth: available, fontSize: font)
        let cumulativeLines = TextMetrics.wrap(cumulative, maxWidth: available, fontSize: font)
        let weeklyWidth = swatch + 6 + TextMetrics.width(of: weeklyLines, fontSize: font)
        let cumulativeWidth = swatch + 6 + TextMetrics.width(of: cumulativeLines, fontSize: font)
        let oneRow = weeklyWidth + cumulativeWidth + 24 <= width - 2 * margin
        let lineHeight = ChartStyle.lineHeight

        // The columns' entry, from the left edge.
        let firstCentre = margin + lineHeight / 2
        svg.element(
            "rect",
            [
                ("class", "legend-swatch"), ("x", (margin + 6).svgCoordinate), ("y", (firstCentre - 7).svgCoordinate),
                ("width", "10"), ("height", "14"), ("fill", ChartPalette.bar),
            ])
        svg.text(
            weeklyLines, x: margin + swatch + 6, y: ChartStyle.baseline(centredOn: firstCentre, fontSize: font),
            lineHeight: lineHeight, [("class", "legend"), ("font-size", font.svgCoordinate)]
        )
        let weeklyHeight = Double(weeklyLines.count) * lineHeight

        // The line's entry, ending at the right edge.
        let top = oneRow ? margin : margin + weeklyHeight + 4
        let centre = top + lineHeight / 2
        let swatchX = width - margin - cumulativeWidth
        svg.element(
            "line",
            [
                ("class", "legend-swatch"), ("x1", swatchX.svgCoordinate), ("y1", centre.svgCoordinate),
                ("x2", (swatchX + swatch).svgCoordinate), ("y2", centre.svgCoordinate),
                ("stroke", ChartPalette.line), ("stroke-width", "2.5"),
            ])
        svg.element(
            "circle",
            [
                ("cx", (swatchX + swatch / 2).svgCoordinate), ("cy", centre.svgCoordinate), ("r", "3.5"),
                ("fill", ChartPalette.line), ("stroke", ChartPalette.background), ("stroke-width", "1.5"),
            ])
        svg.text(
            cumulativeLines, x: swatchX + swatch + 6, y: ChartStyle.baseline(centredOn: centre, fontSize: font),
            lineHeight: lineHeight, [("class", "legend"), ("font-size", font.svgCoordinate)]
        )
        let cumulativeHeight = Double(cumulativeLines.count) * lineHeight
        return oneRow ? max(weeklyHeight, cumulativeHeight) : weeklyHeight + 4 + cumulativeHeight
    }
}
