import VigieCharts
import VigieStatistics

// /statistiques/<figure>/ and /statistiques/<figure>/integrer/: each figure of /statistiques/ on a
// page of its own (every block of the figure, plus the code to embed it), and a minimal page meant
// for an `<iframe>` on another site. A platform's figures get the same two pages
// (`SiteRenderer+PlatformFigures.swift`), through the same functions.

extension SiteRenderer {
    /// The folder of a figure's embed view, inside the figure's folder.
    static let embedFolderName = "integrer/"
    /// This edition's folder of a figure's embed view (`integrer/`, `embed/`).
    var embedFolderName: String { paths.embedFolderName }

    /// Suggested height of the `<iframe>`, in CSS pixels: the tallest charts and their table scroll
    /// inside it rather than the host page guessing each figure's height.
    static let embedHeight = 640

    /// The folder of a figure's page: the table's anchor (`statistiques/cases-by-platform/`), as
    /// stable as the table ids.
    static func figureFolder(_ id: TableID) -> String { "statistiques/\(id.anchor)/" }

    /// The folder of a figure's page in this edition (`en/statistics/cases-by-platform/`).
    func figureFolder(_ id: TableID) -> String { paths.figureFolder(id.anchor) }

    /// The page and the embed view of every figure of /statistiques/, in its order.
    package func renderFigurePages() -> [OutputFile] {
        statistics.orderedTables.flatMap { table in
            let folder = figureFolder(table.id)
            let root = Self.root(for: folder)
            let embedRoot = Self.root(for: folder + embedFolderName)
            return [
                figurePage(
                    figure(for: table, root: root, dataPrefix: root + SitePaths.dataFiles, frozen: false), folder: folder,
                    chartFileName: table.id.anchor, backHref: root + paths.folder(.statistics) + "#\(table.id.anchor)",
                    backText: strings.text("figure.back"),
                    section: "statistics"),
                embedPage(
                    figure(for: table, root: embedRoot, dataPrefix: embedRoot + SitePaths.dataFiles, frozen: false), folder: folder,
                    section: "statistics"),
            ]
        }
    }

    /// The chart file of a figure, in its folder (`statistiques/cases-by-platform/cases-by-platform.svg`);
    /// its PNG has the same name with `.png`.
    func chartFilePath(_ id: TableID, extension fileExtension: String) -> String {
        figureFolder(id) + id.anchor + "." + fileExtension
    }

    /// The chart of every figure that has one as an SVG file, those of /statistiques/ then the
    /// platforms': the chart of the page, drawn from the same protected table (a withheld value is
    /// its hatched mark and its marker, as on the page), with the figure's title, source,
    /// publication and licence written in.
    package func chartFiles() -> [OutputFile] {
        let statisticsCharts = statistics.orderedTables.compactMap { table -> OutputFile? in
            guard let drawing = ChartBuilder(renderer: self).drawing(for: table) else { return nil }
            let model = figure(for: table, root: "", dataPrefix: "", frozen: false)
            return OutputFile(
                path: chartFilePath(table.id, extension: "svg"),
                text: standaloneChart(drawing, name: table.id.anchor, figure: model, url: config.baseURL + figureFolder(table.id)))
        }
        return statisticsCharts + platformChartFiles()
    }

    /// A chart as a file of its own: the drawing at the standard width, with the figure's title and
    /// definition, and below it the source, the release, the licence and the figure's address.
    func standaloneChart(_ drawing: ChartBuilder.Drawing, name: String, figure model: FigureModel, url: String) -> String {
        let footer = [
            strings.format("figure.source_line", ["site": config.title, "source": model.source]),
            model.release + " " + strings.format("site.data_licence", ["licence": config.licence]),
            url,
        ]
        let chartID = name + "-chart"
        return Chart.standalone(
            chart: drawing(chartID, Chart.standardWidth), chartID: chartID, title: model.title, description: model.definition,
            footer: footer, palette: ChartBuilder(renderer: self).palette)
    }

    /// A figure on a page of its own: every block of the figure, its chart as SVG and PNG files (named
    /// `chartFileName`, in `folder`) when it has a chart, a link back to where the figure is shown
    /// among others, and the code to embed it.
    /// - Parameter figure: the figure with its links relative to `folder`.
    func figurePage(
        _ figure: FigureModel, folder: String, chartFileName: String, backHref: String, backText: String, section: String
    ) -> OutputFile {
        var model = figure
        if model.chart != nil {
            model.svgHref = chartFileName + ".svg"
            model.pngHref = chartFileName + ".png"
        }
        let embedURL = config.baseURL + folder + embedFolderName
        var values: [String: Any] = [
            "figure": model,
            "back_href": backHref,
            "back_text": backText,
            "embed_href": embedFolderName,
            "embed_code": Self.embedCode(url: embedURL, title: model.title),
        ]
        if model.pngHref != nil { values["og_image"] = config.baseURL + folder + chartFileName + ".png" }
        return page(template: "figure", folder: folder, title: model.title, section: section, description: model.definition, values: values)
    }

    /// The figure alone: title, chart, table, source and licence, and a link to its page; no
    /// navigation, so that it fits a frame on another site.
    /// - Parameters:
    ///   - figure: the figure with its links relative to the embed view's folder.
    ///   - folder: the figure page's folder; the embed view is in its `integrer/`.
    func embedPage(_ figure: FigureModel, folder figureFolder: String, section: String) -> OutputFile {
        let folder = figureFolder + embedFolderName
        let values: [String: Any] = [
            "figure": figure,
            "figure_url": config.baseURL + figureFolder,
            "source_line": strings.format("figure.source_line", ["site": config.title, "source": figure.source]),
            "link_text": strings.format("figure.embed_link", ["site": config.title]),
        ]
        return page(
            template: "embed", folder: folder, title: figure.title, section: section, description: figure.definition, values: values)
    }

    /// The `<iframe>` element a reader copies into their page, as markup (the template escapes it
    /// once more to show it): titled, for screen readers, by the figure.
    static func embedCode(url: String, title: String) -> String {
        "<iframe src=\"\(url.xmlEscaped)\" title=\"\(title.xmlEscaped)\" width=\"100%\" height=\"\(embedHeight)\" "
            + "style=\"border: 0;\" loading=\"lazy\"></iframe>"
    }
}
