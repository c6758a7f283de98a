// Draws one region's square on the tile map: its shade, its short label and its value.

enum RegionTile {
    static func draw(
        into svg: inout SVGWriter, chartID: String, code: String, datum: ChartDatum?, shortLabel: String?,
        step: (Double) -> Int, x: Double, y: Double, size: Double
    ) {
        let label = shortLabel ?? datum?.label ?? code
        let padding = 6.0
        var attributes: [SVGWriter.Attribute] = [
            ("class", "tile"), ("data-key", code),
            ("x", x.svgCoordinate), ("y", y.svgCoordinate),
            ("width", size.svgCoordinate), ("height", size.svgCoordinate),
        ]
        var textColour = ChartPalette.ink
        var halo: [SVGWriter.Attribute] = []
        switch datum?.value {
        case let value?:
            let shade = ChartPalette.sequential[step(value)]
            textColour = shade.text
            attributes[0].value = "tile step-\(step(value))"
            attributes += [("fill", shade.fill), ("stroke", ChartPalette.tileOutline)]
        case nil where datum != nil:
            attributes[0].value = "tile withheld"
            attributes += [("fill", ChartDocument.withheldFill(chartID: chartID)), ("stroke", ChartPalette.bar)]
            // A white outline under the letters keeps them readable over the stripes.
            halo = [
                ("stroke", ChartPalette.background), ("stroke-width", "4"), ("stroke-linejoin", "round"),
                ("paint-order", "stroke"),
            ]
        default:
            attributes[0].value = "tile missing"
            attributes += [("fill", ChartPalette.background), ("stroke", ChartPalette.tileOutline),
                ("stroke-dasharray", "4 3")]
        }
        svg.element("rect", attributes)
        svg.element("text", [
            ("class", "label"), ("x", (x + padding).svgCoordinate),
            ("y", (y + padding + ChartStyle.smallFontSize * 0.8).svgCoordinate),
            ("font-size", ChartStyle.smallFontSize.svgCoordinate), ("fill", textColour),
        ] + halo, text: label)
        if let datum {
            let font = size >= 60 ? 16.0 : ChartStyle.fontSize
            svg.element("text", [
                ("class", "value"), ("data-key", code), ("x", (x + padding).svgCoordinate),
                ("y", (y + size - padding - 2).svgCoordinate), ("font-size", font.svgCoordinate),
                ("font-weight", "bold"), ("fill", textColour),
            ] + halo, text: datum.valueText)
        }
    }
}
