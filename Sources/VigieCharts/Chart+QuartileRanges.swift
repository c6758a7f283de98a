// Quartile ranges: per group, a band from the first to the third quartile with the median marked.

extension Chart {
    /// One row per item, in the order given: a light band from q1 to q3 on a scale from 0, a dark
    /// tick at the median, and the value text after the band. Labels sit in a column as in
    /// `horizontalBars` (above the band under 480 wide). A withheld item is a short hatched mark with
    /// its text (`"n. p."`).
    public static func quartileRanges(
        id: String, text: ChartText, items: [ChartRange], width: Int = standardWidth,
        palette: ChartPalette = .neutral
    ) -> String {
        let chartWidth = Double(width)
        let font = ChartStyle.fontSize
        let margin = ChartStyle.margin
        let stacked = chartWidth < ChartStyle.stackedLayoutBelow
        let bandHeight = ChartStyle.barHeight

        let labelLimit = stacked ? chartWidth - 2 * margin : (chartWidth * 0.4).rounded(.down)
        let labels = items.map { TextMetrics.wrap($0.label, maxWidth: labelLimit, fontSize: font) }
        let labelColumn = min(labelLimit, labels.map { TextMetrics.width(of: $0, fontSize: font) }.max() ?? 0)
        let plotLeft = stacked ? margin : margin + labelColumn + 10
        let plotWidth = max(0, chartWidth - margin - plotLeft)
        // Every text goes after its band: the largest scale at which each one still fits.
        var pixelsPerDay = Double.infinity
        for item in items where !item.isWithheld {
            let end = max(item.q3 ?? 0, item.median ?? 0)
            let room = plotWidth - 2 * ChartStyle.valuePadding - TextMetrics.width(of: item.valueText, fontSize: font)
            if end > 0 { pixelsPerDay = min(pixelsPerDay, max(0, room) / end) }
        }
        if !pixelsPerDay.isFinite { pixelsPerDay = 0 }
        let scale = pixelsPerDay
        func length(_ days: Double) -> Double { max(0, days) * scale }

        var svg = SVGWriter()
        var y = margin
        for (index, item) in items.enumerated() {
            let lines = labels[index]
            let bandY: Double
            let rowHeight: Double
            if stacked {
                svg.text(lines, x: plotLeft, y: y + font, lineHeight: ChartStyle.lineHeight, [("class", "label")])
                bandY = y + Double(lines.count) * ChartStyle.lineHeight + 4
                rowHeight = bandY - y + bandHeight + 12
            } else {
                rowHeight = max(bandHeight + 10, Double(lines.count) * ChartStyle.lineHeight + 6)
                bandY = y + (rowHeight - bandHeight) / 2
                let firstBaseline =
                    ChartStyle.baseline(centredOn: bandY + bandHeight / 2) - Double(lines.count - 1) * ChartStyle.lineHeight / 2
                svg.text(
                    lines, x: plotLeft - 10, y: firstBaseline, lineHeight: ChartStyle.lineHeight,
                    [("class", "label"), ("text-anchor", "end")])
            }
            let end: Double
            if let median = item.median {
                let low = length(item.q1 ?? median), high = length(item.q3 ?? median)
                svg.element(
                    "rect",
                    [
                        ("class", "range"), ("data-key", item.key), ("x", (plotLeft + low).svgCoordinate), ("y", bandY.svgCoordinate),
                        ("width", max(1, high - low).svgCoordinate), ("height", bandHeight.svgCoordinate), ("fill", palette.track),
                        ("stroke", palette.bar),
                    ])
                let x = plotLeft + length(median)
                svg.element(
                    "rect",
                    [
                        ("class", "point"), ("data-key", item.key), ("x", (x - 2).svgCoordinate), ("y", (bandY - 3).svgCoordinate),
                        ("width", "4"), ("height", (bandHeight + 6).svgCoordinate), ("fill", palette.bar),
                    ])
                end = plotLeft + max(high, length(median) + 2)
            } else {
                svg.element(
                    "rect",
                    [
                        ("class", "range withheld"), ("data-key", item.key), ("x", plotLeft.svgCoordinate),
                        ("y", (bandY + 0.5).svgCoordinate),
                        ("width", ChartStyle.withheldLength.svgCoordinate), ("height", (bandHeight - 1).svgCoordinate),
                        ("fill", ChartDocument.withheldFill(chartID: id)), ("stroke", palette.bar),
                    ])
                end = plotLeft + ChartStyle.withheldLength
            }
            svg.element(
                "text",
                [
                    ("class", "value"), ("data-key", item.key), ("x", (end + ChartStyle.valuePadding).svgCoordinate),
                    ("y", ChartStyle.baseline(centredOn: bandY + bandHeight / 2).svgCoordinate),
                ], text: item.valueText)
            y += rowHeight
        }
        if !items.isEmpty {
            // The zero of the scale.
            svg.element(
                "line",
                [
                    ("class", "baseline"), ("x1", plotLeft.svgCoordinate), ("y1", margin.svgCoordinate), ("x2", plotLeft.svgCoordinate),
                    ("y2", y.svgCoordinate), ("stroke", palette.ink),
                ])
        }
        let hatched = items.contains(where: \.isWithheld)
        if hatched {
            y += 8
            y += ChartLegend.drawWithheld(
                into: &svg, palette: palette, chartID: id, text: text.withheldLegend, x: plotLeft, y: y,
                maxWidth: chartWidth - margin - plotLeft)
        }
        return ChartDocument.render(
            id: id, palette: palette, kind: "ranges", text: text, width: chartWidth, height: y + margin, hatched: hatched, body: svg)
    }
}
