// Weekly columns with the cumulative count as a line on a second scale, axes colour- and side-keyed.

extension Chart {
    /// Weekly counts as columns (left scale) and the cumulative count as a line (right scale).
    ///
    /// Both scales have four round steps, so their gridlines coincide. Each scale's ticks are
    /// written in the colour of its series and the legend puts each series on its scale's side,
    /// so the pairing reads without colour too. Week labels (short ones such as `"S44"`, from
    /// ``ChartDatum/label``) are thinned to every 2nd, 4th, 8th… week, counted back from the
    /// latest, so they never overlap. A withheld week is a short hatched column; a withheld
    /// cumulative count breaks the line.
    ///
    /// - Parameters:
    ///   - weeks: one datum per week, oldest first.
    ///   - cumulative: the running total of each week, paired with `weeks` by position.
    ///   - countText: writes an axis tick (a whole count) the way the site writes numbers.
    public static func weeklySeries(
        id: String, text: ChartText, weeks: [ChartDatum], cumulative: [ChartDatum],
        weeklyLegend: String, cumulativeLegend: String, width: Int = standardWidth,
        countText: (Int) -> String
    ) -> String {
        let chartWidth = Double(width)
        let margin = ChartStyle.margin
        let tickFont = ChartStyle.smallFontSize
        let running = weeks.indices.map { $0 < cumulative.count ? cumulative[$0].value : nil }

        let leftScale = AxisScale(covering: weeks.compactMap(\.value).max() ?? 0, intervals: 4)
        let rightScale = AxisScale(covering: running.compactMap { $0 }.max() ?? 0, intervals: 4)
        let leftTicks = leftScale.ticks.map(countText)
        let rightTicks = rightScale.ticks.map(countText)
        let plotLeft = margin + (leftTicks.map { TextMetrics.width(of: $0, fontSize: tickFont) }.max() ?? 0) + 8
        let plotRight =
            chartWidth - margin - (rightTicks.map { TextMetrics.width(of: $0, fontSize: tickFont) }.max() ?? 0) - 8
        let plotWidth = max(0, plotRight - plotLeft)

        var svg = SVGWriter()
        let legendHeight = WeeklySeriesLegend.draw(
            into: &svg, weekly: weeklyLegend, cumulative: cumulativeLegend, width: chartWidth
        )
        let plotTop = margin + legendHeight + 16
        let plotHeight = (min(240, max(160, chartWidth * 0.34))).rounded()
        let plotBottom = plotTop + plotHeight

        // Gridlines and ticks, shared by both scales.
        for step in 0...leftScale.intervals {
            let y = plotBottom - Double(step) / Double(leftScale.intervals) * plotHeight
            svg.element(
                "line",
                [
                    ("class", step == 0 ? "baseline" : "gridline"),
                    ("x1", plotLeft.svgCoordinate), ("y1", y.svgCoordinate),
                    ("x2", plotRight.svgCoordinate), ("y2", y.svgCoordinate),
                    ("stroke", step == 0 ? ChartPalette.ink : ChartPalette.grid),
                ])
            let baseline = ChartStyle.baseline(centredOn: y, fontSize: tickFont)
            svg.element(
                "text",
                [
                    ("class", "tick"), ("x", (plotLeft - 6).svgCoordinate), ("y", baseline.svgCoordinate),
                    ("text-anchor", "end"), ("font-size", tickFont.svgCoordinate), ("fill", ChartPalette.bar),
                ], text: leftTicks[step])
            svg.element(
                "text",
                [
                    ("class", "tick"), ("x", (plotRight + 6).svgCoordinate), ("y", baseline.svgCoordinate),
                    ("font-size", tickFont.svgCoordinate), ("fill", ChartPalette.line),
                ], text: rightTicks[step])
        }

        let slot = weeks.isEmpty ? 0 : plotWidth / Double(weeks.count)
        let columnWidth = slot * 0.72
        let centre = { (index: Int) in plotLeft + (Double(index) + 0.5) * slot }

        // Columns; a withheld week is a short hatched one.
        let withheldHeight = 10.0
        for (index, week) in weeks.enumerated() {
            let x = centre(index) - columnWidth / 2
            if let value = week.value {
                let height = leftScale.position(of: value, length: plotHeight)
                svg.element(
                    "rect",
                    [
                        ("class", "bar"), ("data-key", week.key),
                        ("x", x.svgCoordinate), ("y", (plotBottom - height).svgCoordinate),
                        ("width", columnWidth.svgCoordinate), ("height", height.svgCoordinate),
                        ("fill", ChartPalette.bar),
                    ])
            } else {
                svg.element(
                    "rect",
                    [
                        ("class", "bar withheld"), ("data-key", week.key),
                        ("x", x.svgCoordinate), ("y", (plotBottom - withheldHeight).svgCoordinate),
                        ("width", columnWidth.svgCoordinate), ("height", withheldHeight.svgCoordinate),
                        ("fill", ChartDocument.withheldFill(chartID: id)), ("stroke", ChartPalette.bar),
                    ])
            }
        }
        // One label per run of withheld weeks with the same label ("< 5" over seven weeks once, not
        // seven times side by side, where they ran into each other), over a bracket when the run has
        // several weeks; a label that does not fit its run is left to the table.
        for run in withheldRuns(weeks) {
            let left = centre(run.lowerBound) - columnWidth / 2
            let right = centre(run.upperBound - 1) + columnWidth / 2
            let label = weeks[run.lowerBound].valueText
            let textWidth = TextMetrics.width(of: label, fontSize: ChartStyle.smallFontSize)
            guard textWidth + 4 <= right - left + (slot - columnWidth) else { continue }
            var labelBottom = plotBottom - withheldHeight - 4
            if run.count > 1 {
                let y = plotBottom - withheldHeight - 4
                svg.element(
                    "polyline",
                    [
                        ("class", "bracket"), ("data-key", weeks[run.lowerBound].key),
                        (
                            "points",
                            "\(left.svgCoordinate),\((y + 3).svgCoordinate) \(left.svgCoordinate),\(y.svgCoordinate) "
                                + "\(right.svgCoordinate),\(y.svgCoordinate) \(right.svgCoordinate),\((y + 3).svgCoordinate)"
                        ),
                        ("fill", "none"), ("stroke", ChartPalette.mutedInk), ("stroke-width", "1"),
                    ])
                labelBottom = y - 3
            }
            svg.element(
                "text",
                [
                    ("class", "value"), ("data-key", weeks[run.lowerBound].key),
                    ("x", ((left + right) / 2).svgCoordinate), ("y", labelBottom.svgCoordinate),
                    ("text-anchor", "middle"), ("font-size", ChartStyle.smallFontSize.svgCoordinate),
                ], text: label)
        }

        // The cumulative line, one polyline per run of published values, over a white halo.
        let points = running.enumerated().map { index, value in
            value.map { (x: centre(index), y: plotBottom - rightScale.position(of: $0, length: plotHeight)) }
        }
        for run in points.split(whereSeparator: { $0 == nil }) {
            let coordinates = run.compactMap { $0 }.map { "\($0.x.svgCoordinate),\($0.y.svgCoordinate)" }
                .joined(separator: " ")
            svg.element(
                "polyline",
                [
                    ("points", coordinates), ("fill", "none"), ("stroke", ChartPalette.background),
                    ("stroke-width", "5"), ("stroke-linejoin", "round"),
                ])
            svg.element(
                "polyline",
                [
                    ("class", "line"), ("points", coordinates), ("fill", "none"), ("stroke", ChartPalette.line),
                    ("stroke-width", "2.5"), ("stroke-linejoin", "round"),
                ])
        }
        for (index, point) in points.enumerated() {
            guard let point else { continue }
            // Dots only where there is room, and always on a point with no line through it.
            let isolated =
                (index == 0 || points[index - 1] == nil) && (index == points.count - 1 || points[index + 1] == nil)
            if slot >= 10 || isolated {
                svg.element(
                    "circle",
                    [
                        ("class", "point"), ("data-key", weeks[index].key),
                        ("cx", point.x.svgCoordinate), ("cy", point.y.svgCoordinate), ("r", "3.5"),
                        ("fill", ChartPalette.line), ("stroke", ChartPalette.background), ("stroke-width", "1.5"),
                    ])
            }
        }

        // Week labels, thinned so that each has room, counted back from the latest week.
        let labelWidth = weeks.map { TextMetrics.width(of: $0.label, fontSize: tickFont) }.max() ?? 0
        var every = 1
        while Double(every) * slot < labelWidth + 8, every < weeks.count { every *= 2 }
        // Under the first labelled week of each year, its year: "S45" alone does not say which.
        var labelledYear: Substring?
        for (index, week) in weeks.enumerated() where (weeks.count - 1 - index) % every == 0 {
            let x = min(max(centre(index), margin + labelWidth / 2), chartWidth - margin - labelWidth / 2)
            let year = week.key.prefix(4)
            if year != labelledYear {
                labelledYear = year
                svg.element(
                    "text",
                    [
                        ("class", "tick year"), ("x", x.svgCoordinate), ("y", (plotBottom + 8 + 2 * tickFont).svgCoordinate),
                        ("text-anchor", "middle"), ("font-size", tickFont.svgCoordinate), ("fill", ChartPalette.mutedInk),
                    ], text: String(year))
            }
            svg.element(
                "line",
                [
                    ("class", "tick"), ("x1", centre(index).svgCoordinate), ("y1", plotBottom.svgCoordinate),
                    ("x2", centre(index).svgCoordinate), ("y2", (plotBottom + 4).svgCoordinate),
                    ("stroke", ChartPalette.ink),
                ])
            svg.element(
                "text",
                [
                    ("class", "tick"), ("x", x.svgCoordinate), ("y", (plotBottom + 6 + tickFont).svgCoordinate),
                    ("text-anchor", "middle"), ("font-size", tickFont.svgCoordinate), ("fill", ChartPalette.mutedInk),
                ], text: week.label)
        }

        var y = plotBottom + 8 + 2 * tickFont + 4
        let hatched = weeks.contains(where: \.isWithheld)
        if hatched {
            y += 10
            y += ChartLegend.drawWithheld(
                into: &svg, chartID: id, text: text.withheldLegend, x: plotLeft, y: y,
                maxWidth: chartWidth - margin - plotLeft
            )
        }
        return ChartDocument.render(
            id: id, kind: "weekly", text: text, width: chartWidth, height: y + margin, hatched: hatched, body: svg
        )
    }

    /// The runs of consecutive withheld weeks that show the same label, oldest first.
    static func withheldRuns(_ weeks: [ChartDatum]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start: Int?
        for index in weeks.indices.map(Optional.some) + [nil] {
            if let run = start, index == nil || !weeks[index!].isWithheld || weeks[index!].valueText != weeks[run].valueText {
                runs.append(run..<(index ?? weeks.count))
                start = nil
            }
            if let index, weeks[index].isWithheld, start == nil { start = index }
        }
        return runs
    }
}
