// Tile map of the French regions: one square per region, shaded in five steps, its value written in it.

extension Chart {
    /// The 18 regions as equal squares (see ``RegionTileLayout``), coloured by value on a five-step
    /// sequential scale and each showing its short label and its value as text.
    ///
    /// Shades cut the published values at their rounded quintiles (see ``ShadeClasses``); the
    /// legend, beside the map (or below it under 520 wide), shows them with their bounds. A withheld region is
    /// hatched; a region with no datum is a dashed outline; data of codes off the map are ignored.
    ///
    /// - Parameters:
    ///   - regions: one datum per region, `key` being the INSEE code (`"11"`, `"01"`…).
    ///   - shortLabels: the label written in each tile (`"IDF"`), by INSEE code; the datum's
    ///     `label` when missing.
    ///   - legendTitle: the legend's heading, such as "Signalements".
    ///   - countText: writes a bound of the scale (a whole count) the way the site writes numbers.
    public static func regionTiles(
        id: String, text: ChartText, regions: [ChartDatum], shortLabels: [String: String], legendTitle: String,
        width: Int = standardWidth, countText: (Int) -> String, palette: ChartPalette = .neutral
    ) -> String {
        let chartWidth = Double(width)
        let margin = ChartStyle.margin
        let besideLegend = chartWidth >= 520
        let legendWidth = 200.0
        let gap = 4.0
        let columns = Double(RegionTileLayout.columns)
        let mapRoom = besideLegend ? chartWidth - 2 * margin - legendWidth - 32 : chartWidth - 2 * margin
        let tile = min(76, ((mapRoom - (columns - 1) * gap) / columns).rounded(.down))
        let mapWidth = columns * tile + (columns - 1) * gap
        let overseasGap = 20.0

        var byCode: [String: ChartDatum] = [:]
        for region in regions where byCode[region.key] == nil { byCode[region.key] = region }
        let classes = ShadeClasses(values: regions.compactMap(\.value))
        let steps = palette.sequential.count
        let shade = { (value: Double) in classes.paletteStep(ofClass: classes.classIndex(of: value), steps: steps) }

        var svg = SVGWriter()
        for position in RegionTileLayout.all {
            var y = margin + Double(position.row) * (tile + gap)
            if position.row >= RegionTileLayout.metropolitanRows { y += overseasGap }
            let x = margin + Double(position.column) * (tile + gap)
            RegionTile.draw(
                into: &svg, palette: palette, chartID: id, code: position.code, datum: byCode[position.code],
                shortLabel: shortLabels[position.code], step: shade,
                x: x, y: y, size: tile
            )
        }
        let mapHeight = Double(RegionTileLayout.metropolitanRows + 1) * (tile + gap) - gap + overseasGap

        let hatched = RegionTileLayout.all.contains { byCode[$0.code]?.isWithheld ?? false }
        let legendX = besideLegend ? margin + mapWidth + 28 : margin
        let legendY = besideLegend ? margin : margin + mapHeight + 20
        let legendHeight = RegionTileLegend.draw(
            into: &svg, palette: palette, chartID: id, title: legendTitle, bounds: classes.bounds.map(countText),
            steps: (0..<classes.classCount).map { classes.paletteStep(ofClass: $0, steps: steps) },
            withheld: hatched ? text.withheldLegend : nil,
            x: legendX, y: legendY, width: chartWidth - margin - legendX,
            vertical: besideLegend
        )
        let height = besideLegend ? max(mapHeight, legendHeight) : mapHeight + 20 + legendHeight
        return ChartDocument.render(
            id: id, palette: palette, kind: "tiles", text: text, width: chartWidth, height: margin + height + margin,
            hatched: hatched, body: svg
        )
    }
}
