// Counts per period (weeks or months) as columns on one scale, period labels thinned, years marked.

extension Chart {
    /// Counts per period as columns on one scale, oldest first.
    ///
    /// One axis only: the running total, on a scale of its own, is in the table, not drawn over the
    /// columns (two scales on one chart invite comparing heights that do not compare). Period labels
    /// (short ones such as `"S44"` or `"janv."`, from ``ChartDatum/label``) are thinned to every 2nd,
    /// 4th, 8th… period, counted back from the latest, so they never overlap, and the year is written
    /// under the first labelled period of each year (a key starting with the year, `2018-W44` or
    /// `2019-01`). A withheld period is a short hatched column; a run of withheld periods with the same
    /// label gets one label over a bracket.
    ///
    /// - Parameters:
    ///   - kind: names the chart in its document (`weekly`, `monthly`).
    ///   - periods: one datum per period, oldest first.
    ///   - countText: writes an axis tick (a whole count) the way the site writes numbers.
    public static func periodColumns(
        id: String, kind: String, text: ChartText, periods: [ChartDatum], width: Int = standardWidth,
        countText: (Int) -> String, palette: ChartPalette = .neutral
    ) -> String {
        let chartWidth = Double(width)
        let margin = ChartStyle.margin
        let tickFont = ChartStyle.smallFontSize

        let scale = AxisScale(covering: periods.compactMap(\.value).max() ?? 0, intervals: 4)
        let ticks = scale.ticks.map(countText)
        let plotLeft = margin + (ticks.map { TextMetrics.width(of: $0, fontSize: tickFont) }.max() ?? 0) + 8
        let plotRight = chartWidth - margin
        let plotWidth = max(0, plotRight - plotLeft)

        var svg = SVGWriter()
        let plotTop = margin + 8
        let plotHeight = (min(240, max(160, chartWidth * 0.34))).rounded()
        let plotBottom = plotTop + plotHeight

        for step in 0...scale.intervals {
            let y = plotBottom - Double(step) / Double(scale.intervals) * plotHeight
            svg.element(
                "line",
                [
                    ("class", step == 0 ? "baseline" : "gridline"),
                    ("x1", plotLeft.svgCoordinate), ("y1", y.svgCoordinate),
                    ("x2", plotRight.svgCoordinate), ("y2", y.svgCoordinate),
                    ("stroke", step == 0 ? palette.ink : palette.grid),
                ])
            let baseline = ChartStyle.baseline(centredOn: y, fontSize: tickFont)
            svg.element(
                "text",
                [
                    ("class", "tick"), ("x", (plotLeft - 6).svgCoordinate), ("y", baseline.svgCoordinate),
                    ("text-anchor", "end"), ("font-size", tickFont.svgCoordinate), ("fill", palette.mutedInk),
                ], text: ticks[step])
        }

        let slot = periods.isEmpty ? 0 : plotWidth / Double(periods.count)
        let columnWidth = slot * 0.72
        let centre = { (index: Int) in plotLeft + (Double(index) + 0.5) * slot }

        // Columns; a withheld period is a short hatched one.
        let withheldHeight = 10.0
        for (index, period) in periods.enumerated() {
            let x = centre(index) - columnWidth / 2
            if let value = period.value {
                let height = scale.position(of: value, length: plotHeight)
                svg.element(
                    "rect",
                    [
                        ("class", "bar"), ("data-key", period.key),
                        ("x", x.svgCoordinate), ("y", (plotBottom - height).svgCoordinate),
                        ("width", columnWidth.svgCoordinate), ("height", height.svgCoordinate),
                        ("fill", palette.bar),
                    ])
            } else {
                svg.element(
                    "rect",
                    [
                        ("class", "bar withheld"), ("data-key", period.key),
                        ("x", x.svgCoordinate), ("y", (plotBottom - withheldHeight).svgCoordinate),
                        ("width", columnWidth.svgCoordinate), ("height", withheldHeight.svgCoordinate),
                        ("fill", ChartDocument.withheldFill(chartID: id)), ("stroke", palette.bar),
                    ])
            }
        }
        // One label per run of withheld periods with the same label ("< 5" over seven weeks once, not
        // seven times side by side, where they ran into each other), over a bracket when the run has
        // several weeks; a label that does not fit its run is left to the table.
        for run in withheldRuns(periods) {
            let left = centre(run.lowerBound) - columnWidth / 2
            let right = centre(run.upperBound - 1) + columnWidth / 2
            let label = periods[run.lowerBound].valueText
            let textWidth = TextMetrics.width(of: label, fontSize: ChartStyle.smallFontSize)
            guard textWidth + 4 <= right - left + (slot - columnWidth) else { continue }
            var labelBottom = plotBottom - withheldHeight - 4
            if run.count > 1 {
                let y = plotBottom - withheldHeight - 4
                svg.element(
                    "polyline",
                    [
                        ("class", "bracket"), ("data-key", periods[run.lowerBound].key),
                        (
                            "points",
                            "\(left.svgCoordinate),\((y + 3).svgCoordinate) \(left.svgCoordinate),\(y.svgCoordinate) "
                                + "\(right.svgCoordinate),\(y.svgCoordinate) \(right.svgCoordinate),\((y + 3).svgCoordinate)"
                        ),
                        ("fill", "none"), ("stroke", palette.mutedInk), ("stroke-width", "1"),
                    ])
                labelBottom = y - 3
            }
            svg.element(
                "text",
                [
                    ("class", "value"), ("data-key", periods[run.lowerBound].key),
                    ("x", ((left + right) / 2).svgCoordinate), ("y", labelBottom.svgCoordinate),
                    ("text-anchor", "middle"), ("font-size", ChartStyle.smallFontSize.svgCoordinate),
                ], text: label)
        }

        // Period labels, thinned so that each has room, counted back from the latest period.
        let labelWidth = periods.map { TextMetrics.width(of: $0.label, fontSize: tickFont) }.max() ?? 0
        var every = 1
        while Double(every) * slot < labelWidth + 8, every < periods.count { every *= 2 }
        // Under the first labelled period of each year, its year: "S45" or "janv." alone does not say which.
        var labelledYear: Substring?
        for (index, period) in periods.enumerated() where (periods.count - 1 - index) % every == 0 {
            let x = min(max(centre(index), margin + labelWidth / 2), chartWidth - margin - labelWidth / 2)
            let year = period.key.prefix(4)
            if year != labelledYear {
                labelledYear = year
                svg.element(
                    "text",
                    [
                        ("class", "tick year"), ("x", x.svgCoordinate), ("y", (plotBottom + 8 + 2 * tickFont).svgCoordinate),
                        ("text-anchor", "middle"), ("font-size", tickFont.svgCoordinate), ("fill", palette.mutedInk),
                    ], text: String(year))
            }
            svg.element(
                "line",
                [
                    ("class", "tick"), ("x1", centre(index).svgCoordinate), ("y1", plotBottom.svgCoordinate),
                    ("x2", centre(index).svgCoordinate), ("y2", (plotBottom + 4).svgCoordinate),
                    ("stroke", palette.ink),
                ])
            svg.element(
                "text",
                [
                    ("class", "tick"), ("x", x.svgCoordinate), ("y", (plotBottom + 6 + tickFont).svgCoordinate),
                    ("text-anchor", "middle"), ("font-size", tickFont.svgCoordinate), ("fill", palette.mutedInk),
                ], text: period.label)
        }

        var y = plotBottom + 8 + 2 * tickFont + 4
        let hatched = periods.contains(where: \.isWithheld)
        if hatched {
            y += 10
            y += ChartLegend.drawWithheld(
                into: &svg, palette: palette, chartID: id, text: text.withheldLegend, x: plotLeft, y: y,
                maxWidth: chartWidth - margin - plotLeft
            )
        }
        return ChartDocument.render(
            id: id, palette: palette, kind: kind, text: text, width: chartWidth, height: y + margin, hatched: hatched, body: svg
        )
    }

    /// The runs of consecutive withheld periods that show the same label, oldest first.
    static func withheldRuns(_ periods: [ChartDatum]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start: Int?
        for index in periods.indices.map(Optional.some) + [nil] {
            if let run = start, index == nil || !periods[index!].isWithheld || periods[index!].valueText != periods[run].valueText {
                runs.append(run..<(index ?? periods.count))
                start = nil
            }
            if let index, periods[index].isWithheld, start == nil { start = index }
        }
        return runs
    }
}
