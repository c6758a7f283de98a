import VigieCharts
import VigieStatistics

// /statistiques/<figure>/ and /statistiques/<figure>/integrer/: each figure of /statistiques/ on a
// page of its own (every block of the figure, plus the code to embed it), and a minimal page meant
// for an `<iframe>` on another site.

extension SiteRenderer {
    /// The folder of a figure's embed view, inside the figure's folder.
    static let embedFolderName = "integrer/"

    /// Suggested height of the `<iframe>`, in CSS pixels: the tallest charts and their table scroll
    /// inside it rather than the host page guessing each figure's height.
    static let embedHeight = 640

    /// The folder of a figure's page: the table's anchor (`statistiques/cases-by-platform/`), as
    /// stable as the table ids.
    static func figureFolder(_ id: TableID) -> String { "statistiques/\(id.anchor)/" }

    /// The page and the embed view of every figure of /statistiques/, in its order.
    package func renderFigurePages() -> [OutputFile] {
        statistics.orderedTables.flatMap { [figurePage($0), embedPage($0)] }
    }

    /// The chart file of a figure, in its folder (`statistiques/cases-by-platform/cases-by-platform.svg`);
    /// its PNG has the same name with `.png`.
    static func chartFilePath(_ id: TableID, extension fileExtension: String) -> String {
        figureFolder(id) + id.anchor + "." + fileExtension
    }

    /// The chart of every figure that has one as an SVG file: the chart of the page, drawn from the
    /// same protected table (a withheld value is its hatched mark and its marker, as on the page),
    /// with the figure's title, source, publication and licence written in.
    package func chartFiles() -> [OutputFile] {
        statistics.orderedTables.compactMap { table in
            let charts = ChartBuilder(renderer: self)
            guard let drawing = charts.drawing(for: table) else { return nil }
            let model = figure(for: table, root: "", dataPrefix: "", frozen: false)
            let footer = [
                strings.format("figure.source_line", ["site": config.title, "source": model.source]),
                model.release + " " + strings.format("site.data_licence", ["licence": config.licence]),
                config.baseURL + Self.figureFolder(table.id),
            ]
            let chartID = table.id.anchor + "-chart"
            let svg = Chart.standalone(
                chart: drawing(chartID, Chart.standardWidth), chartID: chartID, title: model.title, description: model.definition,
                footer: footer, palette: charts.palette)
            return OutputFile(path: Self.chartFilePath(table.id, extension: "svg"), text: svg)
        }
    }

    func figurePage(_ table: StatTable) -> OutputFile {
        let folder = Self.figureFolder(table.id)
        let root = Self.root(for: folder)
        var model = figure(for: table, root: root, dataPrefix: root + "donnees/", frozen: false)
        if model.chart != nil {
            model.svgHref = table.id.anchor + ".svg"
            model.pngHref = table.id.anchor + ".png"
        }
        let embedURL = config.baseURL + folder + Self.embedFolderName
        var values: [String: Any] = [
            "figure": model,
            "statistics_href": root + "statistiques/#\(table.id.anchor)",
            "embed_href": Self.embedFolderName,
            "embed_code": Self.embedCode(url: embedURL, title: model.title),
        ]
        if model.pngHref != nil { values["og_image"] = config.baseURL + Self.chartFilePath(table.id, extension: "png") }
        return page(
            template: "figure", folder: folder, title: model.title, section: "statistics", description: model.definition,
            values: values)
    }

    /// The figure alone: title, chart, table, source and licence, and a link to its page; no
    /// navigation, so that it fits a frame on another site.
    func embedPage(_ table: StatTable) -> OutputFile {
        let figureFolder = Self.figureFolder(table.id)
        let folder = figureFolder + Self.embedFolderName
        let root = Self.root(for: folder)
        let model = figure(for: table, root: root, dataPrefix: root + "donnees/", frozen: false)
        let values: [String: Any] = [
            "figure": model,
            "figure_url": config.baseURL + figureFolder,
            "source_line": strings.format("figure.source_line", ["site": config.title, "source": model.source]),
            "link_text": strings.format("figure.embed_link", ["site": config.title]),
        ]
        return page(
            template: "embed", folder: folder, title: model.title, section: "statistics", description: model.definition,
            values: values)
    }

    /// The `<iframe>` element a reader copies into their page, as markup (the template escapes it
    /// once more to show it): titled, for screen readers, by the figure.
    static func embedCode(url: String, title: String) -> String {
        "<iframe src=\"\(url.xmlEscaped)\" title=\"\(title.xmlEscaped)\" width=\"100%\" height=\"\(embedHeight)\" "
            + "style=\"border: 0;\" loading=\"lazy\"></iframe>"
    }
}
