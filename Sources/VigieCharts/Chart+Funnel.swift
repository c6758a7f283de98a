// Mediation funnel: centred bars narrowing stage by stage, each with its count and share of the first.

extension Chart {
    /// The stages of mediation (reported → referred → closed → resolved) as centred bars joined
    /// by a light band, each labelled above, with its count (bold) and its share of the first stage.
    ///
    /// - Parameter shareTexts: the share of the first stage written after each count, such as
    ///   `"62 %"`, paired with `stages` by position; `nil` (or missing) writes none.
    public static func funnel(
        id: String, text: ChartText, stages: [ChartDatum], shareTexts: [String?], width: Int = standardWidth,
        palette: ChartPalette = .neutral
    ) -> String {
        let chartWidth = Double(width)
        let font = ChartStyle.fontSize
        let margin = ChartStyle.margin
        let barHeight = 30.0
        let shareGap = 8.0
        let plotWidth = chartWidth - 2 * margin
        let middle = chartWidth / 2
        let shares = stages.indices.map { $0 < shareTexts.count ? shareTexts[$0] : nil }

        let textWidths = stages.enumerated().map { index, stage in
            TextMetrics.width(of: stage.valueText, fontSize: font)
                + (shares[index].map { shareGap + TextMetrics.width(of: $0, fontSize: font) } ?? 0)
        }
        let scale = BarScale(
            values: stages.map(\.value), textWidths: textWidths, plotWidth: plotWidth, domainMaximum: 0, centred: true
        )

        // Lay out first, so the bands between bars can be drawn under the labels.
        struct Row {
            var labelLines: [String]
            var labelTop: Double
            var barTop: Double
            var barWidth: Double
        }
        var rows: [Row] = []
        var y = margin
        for stage in stages {
            let lines = TextMetrics.wrap(stage.label, maxWidth: plotWidth, fontSize: font)
            let barTop = y + Double(lines.count) * ChartStyle.lineHeight + 6
            let barWidth = stage.value.map { scale.length(of: $0) } ?? ChartStyle.withheldLength
            rows.append(Row(labelLines: lines, labelTop: y, barTop: barTop, barWidth: barWidth))
            y = barTop + barHeight + 10
        }

        var svg = SVGWriter()
        for (above, below) in zip(rows, rows.dropFirst()) {
            let top = above.barTop + barHeight
            let points = [
                (middle - above.barWidth / 2, top), (middle + above.barWidth / 2, top),
                (middle + below.barWidth / 2, below.barTop), (middle - below.barWidth / 2, below.barTop),
            ].map { "\($0.0.svgCoordinate),\($0.1.svgCoordinate)" }.joined(separator: " ")
            svg.element("polygon", [("class", "band"), ("points", points), ("fill", palette.track)])
        }
        for (index, stage) in stages.enumerated() {
            let row = rows[index]
            svg.text(
                row.labelLines, x: middle, y: row.labelTop + font, lineHeight: ChartStyle.lineHeight,
                [("class", "label"), ("text-anchor", "middle")]
            )
            let x = middle - row.barWidth / 2
            var attributes: [SVGWriter.Attribute] = [
                ("class", stage.isWithheld ? "bar withheld" : "bar"), ("data-key", stage.key),
                ("x", x.svgCoordinate), ("y", row.barTop.svgCoordinate),
                ("width", row.barWidth.svgCoordinate), ("height", barHeight.svgCoordinate),
            ]
            if stage.isWithheld {
                attributes += [("fill", ChartDocument.withheldFill(chartID: id)), ("stroke", palette.bar)]
            } else {
                attributes.append(("fill", palette.bar))
            }
            svg.element("rect", attributes)

            let inside = stage.value.map { scale.placement(of: $0, textWidth: textWidths[index]) == .inside } ?? false
            let baseline = ChartStyle.baseline(centredOn: row.barTop + barHeight / 2)
            svg.open(
                "text",
                [
                    ("class", "value"), ("data-key", stage.key),
                    ("x", (inside ? middle : middle + row.barWidth / 2 + ChartStyle.valuePadding).svgCoordinate),
                    ("y", baseline.svgCoordinate),
                ] + (inside ? [("text-anchor", "middle"), ("fill", palette.background)] : []))
            svg.element("tspan", [("font-weight", "bold")], text: stage.valueText)
            if let share = shares[index] {
                svg.element("tspan", [("dx", shareGap.svgCoordinate)], text: share)
            }
            svg.close("text")
        }

        let hatched = stages.contains(where: \.isWithheld)
        if hatched {
            y += ChartLegend.drawWithheld(
                into: &svg, palette: palette, chartID: id, text: text.withheldLegend, x: margin, y: y, maxWidth: plotWidth
            )
        }
        return ChartDocument.render(
            id: id, palette: palette, kind: "funnel", text: text, width: chartWidth, height: y + margin, hatched: hatched, body: svg
        )
    }
}
