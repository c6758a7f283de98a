// A chart as a file of its own (/statistiques/<figure>/<figure>.svg): the page's chart with its title
// above and its source, publication and licence below, drawn in, so that a copy still says what it
// shows and where it comes from.

extension Chart {
    /// The font of a chart file: a file has no page stylesheet to inherit one from, and the PNG made
    /// from it must come out the same on every build, so it names a font Debian installs
    /// (fonts-dejavu-core) before the generic family.
    static let standaloneFontFamily = "DejaVu Sans, sans-serif"
    /// Space around the chart in its file.
    static let standalonePadding = 16.0
    static let standaloneTitleSize = 18.0

    /// The whole file: an XML declaration and an `<svg>` of fixed pixel size whose first `<title>` is
    /// `title` and whose `<desc>` is `description` and `footer`, holding the chart `chart` (a chart of
    /// this library drawn at ``standardWidth`` with the id `chartID`) under the title and over the
    /// footer lines. Neither root carries ARIA attributes, which SVG files do not have.
    ///
    /// The file's width is ``standardWidth`` plus the padding; its height is a whole number of pixels,
    /// so a raster copy made at a whole zoom has exactly that size times the zoom.
    public static func standalone(
        chart: String, chartID: String, title: String, description: String, footer: [String],
        palette: ChartPalette = .neutral
    ) -> String {
        let padding = standalonePadding
        let contentWidth = Double(standardWidth)
        let width = contentWidth + 2 * padding
        let chartHeight = ChartDocument.height(of: chart) ?? 0
        let titleLines = TextMetrics.wrap(title, maxWidth: contentWidth, fontSize: standaloneTitleSize)
        let titleLineHeight = standaloneTitleSize * 1.3
        let footerSize = ChartStyle.smallFontSize
        let footerLines = footer.flatMap { TextMetrics.wrap($0, maxWidth: contentWidth, fontSize: footerSize) }

        var body = SVGWriter()
        var y = padding + standaloneTitleSize
        body.text(
            titleLines, x: padding, y: y, lineHeight: titleLineHeight,
            [("font-size", standaloneTitleSize.svgCoordinate), ("font-weight", "bold")])
        y += Double(titleLines.count - 1) * titleLineHeight + 12
        // A viewport of the chart's own size: the chart's `width="100%"` fills it exactly.
        body.open(
            "svg",
            [
                ("x", padding.svgCoordinate), ("y", y.svgCoordinate), ("width", contentWidth.svgCoordinate),
                ("height", chartHeight.svgCoordinate),
            ])
        body.appendMarkup(ChartDocument.withoutARIA(chart, id: chartID))
        body.close("svg")
        y += chartHeight + 8
        for line in footerLines {
            y += ChartStyle.lineHeight
            body.element(
                "text",
                [
                    ("x", padding.svgCoordinate), ("y", y.svgCoordinate), ("font-size", footerSize.svgCoordinate),
                    ("fill", palette.mutedInk),
                ],
                text: line)
        }
        let height = (y + padding).rounded(.up)

        var svg = SVGWriter()
        svg.open(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"),
                ("width", width.svgCoordinate), ("height", height.svgCoordinate),
                ("viewBox", "0 0 \(width.svgCoordinate) \(height.svgCoordinate)"),
                ("font-family", standaloneFontFamily),
                ("font-size", ChartStyle.fontSize.svgCoordinate),
                ("fill", palette.ink),
            ])
        svg.element("title", [], text: title)
        svg.element("desc", [], text: ([description] + footer).joined(separator: " "))
        svg.element("rect", [("width", "100%"), ("height", "100%"), ("fill", palette.background)])
        svg.append(body)
        svg.close("svg")
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg.markup
    }
}
