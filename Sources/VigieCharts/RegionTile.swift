// Draws one region's square on the tile map: its shade, its short label and its value.

enum RegionTile {
    static func draw(
        into svg: inout SVGWriter, palette: ChartPalette, chartID: String, code: String, datum: ChartDatum?, shortLabel: String?,
        step: (Double) -> Int, x: Double, y: Double, size: Double
    ) {
        let label = shortLabel ?? datum?.label ?? code
        let padding = 6.0
        var attributes: [SVGWriter.Attribute] = [
            ("class", "tile"), ("data-key", code),
            ("x", x.svgCoordinate), ("y", y.svgCoordinate),
            ("width", size.svgCoordinate), ("height", size.svgCoordinate),
        ]
        var textColour = palette.ink
        var plated = false
        switch datum?.value {
        case let value?:
            let shade = palette.sequential[step(value)]
            textColour = shade.text
            attributes[0].value = "tile step-\(step(value))"
            attributes += [("fill", shade.fill), ("stroke", palette.tileOutline)]
        case nil where datum != nil:
            attributes[0].value = "tile withheld"
            attributes += [("fill", ChartDocument.withheldFill(chartID: chartID)), ("stroke", palette.bar)]
            plated = true
        default:
            attributes[0].value = "tile missing"
            attributes += [
                ("fill", palette.background), ("stroke", palette.tileOutline),
                ("stroke-dasharray", "4 3"),
            ]
        }
        svg.element("rect", attributes)
        let labelBaseline = y + padding + ChartStyle.smallFontSize * 0.8
        if plated {
            plate(into: &svg, palette: palette, label, x: x + padding, baseline: labelBaseline, fontSize: ChartStyle.smallFontSize)
        }
        svg.element(
            "text",
            [
                ("class", "label"), ("x", (x + padding).svgCoordinate), ("y", labelBaseline.svgCoordinate),
                ("font-size", ChartStyle.smallFontSize.svgCoordinate), ("fill", textColour),
            ], text: label)
        if let datum {
            let font = size >= 60 ? 16.0 : ChartStyle.fontSize
            let valueBaseline = y + size - padding - 2
            if plated { plate(into: &svg, palette: palette, datum.valueText, x: x + padding, baseline: valueBaseline, fontSize: font) }
            svg.element(
                "text",
                [
                    ("class", "value"), ("data-key", code), ("x", (x + padding).svgCoordinate),
                    ("y", valueBaseline.svgCoordinate), ("font-size", font.svgCoordinate),
                    ("font-weight", "bold"), ("fill", textColour),
                ], text: datum.valueText)
        }
    }

    /// A white box under a text drawn over the hatching, so the text keeps its full contrast.
    /// (A halo through `paint-order` would be lighter, but older HTML checkers reject the attribute.)
    private static func plate(
        into svg: inout SVGWriter, palette: ChartPalette, _ text: String, x: Double, baseline: Double, fontSize: Double
    ) {
        svg.element(
            "rect",
            [
                ("x", (x - 2).svgCoordinate), ("y", (baseline - fontSize * 0.85).svgCoordinate),
                ("width", (TextMetrics.width(of: text, fontSize: fontSize) * 0.9 + 4).svgCoordinate),
                ("height", (fontSize * 1.1).svgCoordinate), ("fill", palette.background),
            ])
    }
}
