// The key of the tile map: the five shades with their bounds, and the hatched entry when needed.

enum RegionTileLegend {
    /// Draws the legend at (`x`, `y`) within `width`: the palette `steps` in use, stacked downwards
    /// with `bounds` on their edges when `vertical`, else side by side with bounds below. Returns
    /// the height used.
    static func draw(
        into svg: inout SVGWriter, palette: ChartPalette, chartID: String, title: String, bounds: [String], steps: [Int], withheld: String?,
        x: Double, y: Double, width: Double, vertical: Bool
    ) -> Double {
        let font = ChartStyle.smallFontSize
        let lineHeight = ChartStyle.lineHeight
        let titleLines = TextMetrics.wrap(title, maxWidth: width, fontSize: font)
        svg.text(
            titleLines, x: x, y: y + font, lineHeight: lineHeight,
            [("class", "legend-title"), ("font-size", font.svgCoordinate), ("font-weight", "bold")]
        )
        var cursor = y + Double(titleLines.count) * lineHeight + 8
        if vertical {
            let swatch = (width: 28.0, height: 24.0)
            for (index, step) in steps.enumerated() {
                svg.element(
                    "rect",
                    [
                        ("class", "legend-swatch step-\(step)"),
                        ("x", x.svgCoordinate), ("y", (cursor + Double(index) * swatch.height).svgCoordinate),
                        ("width", swatch.width.svgCoordinate), ("height", swatch.height.svgCoordinate),
                        ("fill", palette.sequential[step].fill), ("stroke", palette.tileOutline),
                    ])
            }
            for (index, bound) in bounds.prefix(steps.count + 1).enumerated() {
                let edge = cursor + Double(index) * swatch.height
                svg.element(
                    "line",
                    [
                        ("x1", (x + swatch.width).svgCoordinate), ("y1", edge.svgCoordinate),
                        ("x2", (x + swatch.width + 5).svgCoordinate), ("y2", edge.svgCoordinate),
                        ("stroke", palette.ink),
                    ])
                svg.element(
                    "text",
                    [
                        ("class", "legend"), ("x", (x + swatch.width + 9).svgCoordinate),
                        ("y", ChartStyle.baseline(centredOn: edge, fontSize: font).svgCoordinate),
                        ("font-size", font.svgCoordinate),
                    ], text: bound)
            }
            cursor += Double(steps.count) * swatch.height + 16
        } else {
            let swatchWidth = min(56, (width - 24) / Double(steps.count)).rounded(.down)
            let swatchHeight = 16.0
            for (index, step) in steps.enumerated() {
                svg.element(
                    "rect",
                    [
                        ("class", "legend-swatch step-\(step)"),
                        ("x", (x + Double(index) * swatchWidth).svgCoordinate), ("y", cursor.svgCoordinate),
                        ("width", swatchWidth.svgCoordinate), ("height", swatchHeight.svgCoordinate),
                        ("fill", palette.sequential[step].fill), ("stroke", palette.tileOutline),
                    ])
            }
            for (index, bound) in bounds.prefix(steps.count + 1).enumerated() {
                let edge = x + Double(index) * swatchWidth
                svg.element(
                    "line",
                    [
                        ("x1", edge.svgCoordinate), ("y1", (cursor + swatchHeight).svgCoordinate),
                        ("x2", edge.svgCoordinate), ("y2", (cursor + swatchHeight + 5).svgCoordinate),
                        ("stroke", palette.ink),
                    ])
                svg.element(
                    "text",
                    [
                        ("class", "legend"), ("x", edge.svgCoordinate),
                        ("y", (cursor + swatchHeight + 7 + font).svgCoordinate),
                        ("text-anchor", index == 0 ? "start" : "middle"), ("font-size", font.svgCoordinate),
                    ], text: bound)
            }
            cursor += swatchHeight + 7 + font + 14
        }
        if let withheld {
            cursor += ChartLegend.drawWithheld(
                into: &svg, palette: palette, chartID: chartID, text: withheld, x: x, y: cursor, maxWidth: width
            )
        }
        return cursor - y
    }
}
