// Horizontal bar chart: one labelled bar per category, its value written at the end of the bar.

extension Chart {
    /// Horizontal bars, in the order given, for counts by platform, issue, sector, size or outcome.
    ///
    /// Labels sit in a column sized to the longest one (wrapped beyond 40 % of the width), or above
    /// each bar when `width` is under 480. A value is written inside its bar in white
    /// when it fits, else after the bar; the scale leaves room for every text after a bar.
    ///
    /// - Parameter maxValue: the value drawn the full width, to give several charts one scale;
    ///   the largest value when `nil` or smaller. The scale still shrinks where a value text
    ///   needs room after its bar, so two charts share a scale exactly only when neither does.
    public static func horizontalBars(
        id: String, text: ChartText, data: [ChartDatum], maxValue: Double? = nil, width: Int = standardWidth,
        palette: ChartPalette = .neutral
    ) -> String {
        let chartWidth = Double(width)
        let font = ChartStyle.fontSize
        let margin = ChartStyle.margin
        let stacked = chartWidth < ChartStyle.stackedLayoutBelow

        let labelLimit = stacked ? chartWidth - 2 * margin : (chartWidth * 0.4).rounded(.down)
        let labels = data.map { TextMetrics.wrap($0.label, maxWidth: labelLimit, fontSize: font) }
        let labelColumn = min(labelLimit, labels.map { TextMetrics.width(of: $0, fontSize: font) }.max() ?? 0)
        let plotLeft = stacked ? margin : margin + labelColumn + 10
        let plotWidth = max(0, chartWidth - margin - plotLeft)

        let textWidths = data.map { TextMetrics.width(of: $0.valueText, fontSize: font) }
        let scale = BarScale(
            values: data.map(\.value), textWidths: textWidths, plotWidth: plotWidth, domainMaximum: maxValue ?? 0
        )

        var svg = SVGWriter()
        var y = margin
        for (index, datum) in data.enumerated() {
            let lines = labels[index]
            let barY: Double
            let rowHeight: Double
            if stacked {
                svg.text(
                    lines, x: plotLeft, y: y + font, lineHeight: ChartStyle.lineHeight, [("class", "label")]
                )
                barY = y + Double(lines.count) * ChartStyle.lineHeight + 4
                rowHeight = barY - y + ChartStyle.barHeight + 12
            } else {
                rowHeight = max(ChartStyle.barHeight + 10, Double(lines.count) * ChartStyle.lineHeight + 6)
                barY = y + (rowHeight - ChartStyle.barHeight) / 2
                let firstBaseline =
                    ChartStyle.baseline(centredOn: barY + ChartStyle.barHeight / 2)
                    - Double(lines.count - 1) * ChartStyle.lineHeight / 2
                svg.text(
                    lines, x: plotLeft - 10, y: firstBaseline, lineHeight: ChartStyle.lineHeight,
                    [("class", "label"), ("text-anchor", "end")]
                )
            }
            drawBar(
                datum, chartID: id, into: &svg, palette: palette, scale: scale, textWidth: textWidths[index],
                x: plotLeft, y: barY
            )
            if stacked {
                // The zero line of this bar alone, so it does not run through the labels.
                drawBaseline(into: &svg, palette: palette, x: plotLeft, from: barY - 3, to: barY + ChartStyle.barHeight + 3)
            }
            y += rowHeight
        }
        if !data.isEmpty, !stacked {
            drawBaseline(into: &svg, palette: palette, x: plotLeft, from: margin, to: y)
        }
        let hatched = data.contains(where: \.isWithheld)
        if hatched {
            y += 8
            y += ChartLegend.drawWithheld(
                into: &svg, palette: palette, chartID: id, text: text.withheldLegend, x: plotLeft, y: y,
                maxWidth: chartWidth - margin - plotLeft
            )
        }
        return ChartDocument.render(
            id: id, palette: palette, kind: "bars", text: text, width: chartWidth, height: y + margin, hatched: hatched, body: svg
        )
    }

    /// The zero line, drawn over the bars' left edges.
    private static func drawBaseline(into svg: inout SVGWriter, palette: ChartPalette, x: Double, from top: Double, to bottom: Double) {
        svg.element(
            "line",
            [
                ("class", "baseline"), ("x1", x.svgCoordinate), ("y1", top.svgCoordinate),
                ("x2", x.svgCoordinate), ("y2", bottom.svgCoordinate), ("stroke", palette.ink),
            ])
    }

    /// One bar (or hatched withheld mark) starting at `x`, and its value text.
    private static func drawBar(
        _ datum: ChartDatum, chartID: String, into svg: inout SVGWriter, palette: ChartPalette, scale: BarScale, textWidth: Double,
        x: Double, y: Double
    ) {
        let length: Double
        let placement: BarScale.Placement
        if let value = datum.value {
            length = scale.length(of: value)
            placement = scale.placement(of: value, textWidth: textWidth)
            svg.element(
                "rect",
                [
                    ("class", "bar"), ("data-key", datum.key),
                    ("x", x.svgCoordinate), ("y", y.svgCoordinate),
                    ("width", length.svgCoordinate), ("height", ChartStyle.barHeight.svgCoordinate),
                    ("fill", palette.bar),
                ])
        } else {
            length = ChartStyle.withheldLength
            placement = .outside
            svg.element(
                "rect",
                [
                    ("class", "bar withheld"), ("data-key", datum.key),
                    ("x", x.svgCoordinate), ("y", (y + 0.5).svgCoordinate),
                    ("width", length.svgCoordinate), ("height", (ChartStyle.barHeight - 1).svgCoordinate),
                    ("fill", ChartDocument.withheldFill(chartID: chartID)),
                    ("stroke", palette.bar),
                ])
        }
        let baseline = ChartStyle.baseline(centredOn: y + ChartStyle.barHeight / 2)
        switch placement {
        case .inside:
            svg.element(
                "text",
                [
                    ("class", "value"), ("data-key", datum.key),
                    ("x", (x + length - ChartStyle.valuePadding).svgCoordinate), ("y", baseline.svgCoordinate),
                    ("text-anchor", "end"), ("fill", palette.background),
                ], text: datum.valueText)
        case .outside:
            svg.element(
                "text",
                [
                    ("class", "value"), ("data-key", datum.key),
                    ("x", (x + length + ChartStyle.valuePadding).svgCoordinate), ("y", baseline.svgCoordinate),
                ], text: datum.valueText)
        }
    }
}
