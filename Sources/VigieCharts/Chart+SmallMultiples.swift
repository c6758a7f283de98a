// Small multiples: one 0–100 % gauge per platform, for comparing shares at a glance.

extension Chart {
    /// One small panel per item, in a grid of as many columns as fit (panels at least 180 wide):
    /// the label, the share written large on the right, and a bar filling a 0–100 % track.
    ///
    /// - Parameter items: shares in `0...1` (clamped), with their text (`"62 %"`); a withheld
    ///   share is a short hatched mark with its text.
    public static func smallMultiples(
        id: String, text: ChartText, items: [ChartDatum], width: Int = standardWidth, palette: ChartPalette = .neutral
    ) -> String {
        let chartWidth = Double(width)
        let margin = ChartStyle.margin
        let font = ChartStyle.fontSize
        let valueFont = 16.0
        let gapX = 24.0
        let gapY = 20.0
        let trackHeight = 12.0
        let innerWidth = chartWidth - 2 * margin
        let columns = max(1, min(items.count, Int((innerWidth + gapX) / (180 + gapX))))
        let panelWidth = (innerWidth - Double(columns - 1) * gapX) / Double(columns)

        var svg = SVGWriter()
        var rowTop = margin
        var start = 0
        while start < items.count {
            let row = items[start..<min(start + columns, items.count)]
            let labels = row.map { item in
                let valueWidth = TextMetrics.width(of: item.valueText, fontSize: valueFont)
                return TextMetrics.wrap(item.label, maxWidth: max(40, panelWidth - valueWidth - 10), fontSize: font)
            }
            let headerHeight = Double(labels.map(\.count).max() ?? 1) * ChartStyle.lineHeight
            let trackY = rowTop + headerHeight + 6
            for (offset, item) in row.enumerated() {
                let x = margin + Double(offset) * (panelWidth + gapX)
                svg.text(
                    labels[offset], x: x, y: rowTop + font, lineHeight: ChartStyle.lineHeight, [("class", "label")])
                svg.element(
                    "text",
                    [
                        ("class", "value"), ("data-key", item.key),
                        ("x", (x + panelWidth).svgCoordinate), ("y", (rowTop + font).svgCoordinate),
                        ("text-anchor", "end"), ("font-size", valueFont.svgCoordinate), ("font-weight", "bold"),
                    ], text: item.valueText)
                svg.element(
                    "rect",
                    [
                        ("class", "track"), ("x", x.svgCoordinate), ("y", trackY.svgCoordinate),
                        ("width", panelWidth.svgCoordinate), ("height", trackHeight.svgCoordinate),
                        ("fill", palette.track),
                    ])
                if let value = item.value {
                    let share = value.isFinite ? min(1, max(0, value)) : 0
                    svg.element(
                        "rect",
                        [
                            ("class", "bar"), ("data-key", item.key),
                            ("x", x.svgCoordinate), ("y", trackY.svgCoordinate),
                            ("width", (share * panelWidth).svgCoordinate), ("height", trackHeight.svgCoordinate),
                            ("fill", palette.bar),
                        ])
                } else {
                    svg.element(
                        "rect",
                        [
                            ("class", "bar withheld"), ("data-key", item.key),
                            ("x", x.svgCoordinate), ("y", (trackY + 0.5).svgCoordinate),
                            ("width", ChartStyle.withheldLength.svgCoordinate),
                            ("height", (trackHeight - 1).svgCoordinate),
                            ("fill", ChartDocument.withheldFill(chartID: id)), ("stroke", palette.bar),
                        ])
                }
                // The zero end of the track, so an empty bar still reads as zero.
                svg.element(
                    "line",
                    [
                        ("x1", x.svgCoordinate), ("y1", (trackY - 3).svgCoordinate),
                        ("x2", x.svgCoordinate), ("y2", (trackY + trackHeight + 3).svgCoordinate),
                        ("stroke", palette.ink),
                    ])
            }
            rowTop = trackY + trackHeight + gapY
            start += columns
        }
        var height = items.isEmpty ? margin : rowTop - gapY + 8
        let hatched = items.contains(where: \.isWithheld)
        if hatched {
            height += 8
            height += ChartLegend.drawWithheld(
                into: &svg, palette: palette, chartID: id, text: text.withheldLegend, x: margin, y: height, maxWidth: innerWidth
            )
        }
        return ChartDocument.render(
            id: id, palette: palette, kind: "multiples", text: text, width: chartWidth, height: height + margin, hatched: hatched,
            body: svg
        )
    }
}
