// The figures of a platform page (`PlatformFigure`): each one with the blocks of a figure of
// /statistiques/ (definition, unit, release, source, CSV and JSON of its table, citation), a page of
// its own with its embed view, and its chart as SVG and PNG files; all read from the protected tables.

import VigieStatistics

extension SiteRenderer {
    /// What a platform figure shows, before the links that depend on the page showing it: the same on
    /// the platform page, the figure's page, its embed view and its chart file.
    struct PlatformFigureContent {
        var figure: PlatformFigure
        /// How to draw the chart (for its SVG file), and its two layouts drawn once as HTML for the
        /// platform page, the figure's page and its embed view.
        var chart: ChartBuilder.Drawing?
        var chartHTML: String?
        var table: TableModel
        var keyFigure: String? = nil
        var caveat: String? = nil
        var chartCaption: String? = nil
    }

    /// The share figure's chart and table, the same for every platform (every platform's share, the
    /// table of cases_by_platform): built once a build, not once a page. Built per page, the comparison
    /// they replace made the platform pages quadratic in the platforms (300 platforms, 620 cases,
    /// debug build: render templates 9.9 s before, 3.1 s after).
    struct SharedPlatformFigure {
        var drawing: ChartBuilder.Drawing
        /// Both layouts of the chart as HTML, with the share figure's ids.
        var chart: String
        var table: TableModel
    }

    func sharedPlatformFigure() -> SharedPlatformFigure {
        let charts = ChartBuilder(renderer: self)
        let drawing = charts.platformShares()
        return SharedPlatformFigure(
            drawing: drawing, chart: charts.twoLayouts(PlatformFigure.share.rawValue, drawing),
            table: TableModel(
                table: statistics[.casesByPlatform], caption: tableCaption(PlatformFigure.share.headingKey), labels: labels,
                rankedBy: TableID.casesByPlatform.rankingColumn))
    }

    /// `plateformes/amazon/`
    func platformFolder(_ key: String) -> String { paths.folder(.platforms) + labels.platformSlug(key) + "/" }

    /// The figures of one platform, in the page's order; the delays only when the publication has them.
    /// - Parameter drawingPages: false for the chart files alone, which need no HTML layouts.
    func platformFigureContents(_ key: String, shared: SharedPlatformFigure, drawingPages: Bool = true) -> [PlatformFigureContent] {
        let charts = ChartBuilder(renderer: self)
        var contents: [PlatformFigureContent] = []
        let ownRow: ([TableCell]) -> Bool = { $0.first == .key(key) }
        let ownRowAndTotal: ([TableCell]) -> Bool = { $0.first == .key(key) || $0.first == .key("total") }
        let issuesChart = charts.platformIssues(key)
        contents.append(
            PlatformFigureContent(
                figure: .issues, chart: issuesChart,
                chartHTML: drawingPages ? charts.twoLayouts(PlatformFigure.issues.rawValue, issuesChart) : nil,
                table: TableModel(
                    table: statistics[.platformIssue], caption: tableCaption(PlatformFigure.issues.headingKey), labels: labels,
                    rowFilter: ownRow, rankedBy: "cases"
                ).droppingFirstColumn()))
        contents.append(
            PlatformFigureContent(
                figure: .resolution, chart: nil, chartHTML: nil,
                table: TableModel(
                    table: statistics[.resolutionByPlatform], caption: tableCaption(PlatformFigure.resolution.headingKey), labels: labels,
                    rowFilter: ownRowAndTotal)))
        if let delays = statistics.tables[.daysToStageByPlatform] {
            let drawing = charts.platformDelays(key)
            contents.append(
                PlatformFigureContent(
                    figure: .delays, chart: drawing,
                    chartHTML: drawingPages ? drawing.map { charts.twoLayouts(PlatformFigure.delays.rawValue, $0) } : nil,
                    table: TableModel(
                        table: delays, caption: strings.format("platforms.delays_caption", ["platform": labels.platform(key)]),
                        labels: labels,
                        rowFilter: ownRow
                    ).droppingFirstColumn(),
                    caveat: openCaseBias(),
                    chartCaption: drawing == nil ? nil : strings.text("tables.days_to_stage.chart_caption")))
        }
        contents.append(
            PlatformFigureContent(
                figure: .loss, chart: nil, chartHTML: nil,
                table: TableModel(
                    table: statistics[.revenueLossByPlatform], caption: tableCaption(PlatformFigure.loss.headingKey), labels: labels,
                    rowFilter: ownRowAndTotal)))
        contents.append(
            PlatformFigureContent(
                figure: .share, chart: shared.drawing, chartHTML: shared.chart, table: shared.table, keyFigure: shareKeyFigure(key)))
        return contents
    }

    /// "Amazon : 48,9 % de l'ensemble des dossiers (303 sur 620)." from the published share and
    /// counts, or the sentence saying the share is withheld, with its marker.
    func shareKeyFigure(_ key: String) -> String {
        let name = labels.platform(key)
        guard let share = shareOfCasesText(key) else {
            let cell = count(.casesByPlatform, [key], column: StatTable.shareOfCasesColumn) ?? .empty
            return strings.format(
                "platforms.share_withheld", ["platform": name, "share": labels.cellText(cell, column: Self.shareColumn, vocabulary: nil)])
        }
        return strings.format(
            "platforms.share_key_figure",
            [
                "platform": name, "share": share, "cases": countText(count(.casesByPlatform, [key])),
                "total": countText(count(.casesByPlatform, ["total"])),
            ])
    }

    static let shareColumn = TableColumn(StatTable.shareOfCasesColumn, .measure(unit: "share"))

    /// The platform's published share of all cases as text ("48,9 %"), or nil when it is withheld or
    /// there is none: read from cases_by_platform as disclosure control left it, never recomputed.
    func shareOfCasesText(_ key: String) -> String? {
        guard let cell = count(.casesByPlatform, [key], column: StatTable.shareOfCasesColumn), case .measure = cell else { return nil }
        return labels.cellText(cell, column: Self.shareColumn, vocabulary: nil)
    }

    /// The figure with its links relative to `root`, the page showing it.
    func platformFigureModel(_ content: PlatformFigureContent, platform key: String, root: String) -> FigureModel {
        let figure = content.figure
        let table = statistics[figure.table]
        let title = strings.format(
            "platforms.figure_title", ["heading": strings.text(figure.headingKey), "platform": labels.platform(key)])
        let (definition, unit) = definitionAndUnit(table)
        let held =
            figure == .share
            ? history.isCurrentReleased(holding: figure.table, column: StatTable.shareOfCasesColumn)
            : history.isCurrentReleased(holding: figure.table)
        let url = config.baseURL + figure.folder(platformFolder: platformFolder(key), paths: paths)
        let (release, cite) = releaseAndCitation(
            title: title, url: url, held: held, permalinkAnchor: figure.table.anchor, frozen: false,
            unheld: history.isCurrentReleased(holding: figure.table) ? "added_figure" : "added")
        var model = FigureModel(
            anchor: figure.name(in: paths), title: title, definition: definition, unit: unit,
            source: strings.format("statistics.source_text", ["date": format.date(config.publicationDate)]),
            chart: content.chartHTML, table: content.table,
            csvHref: root + SitePaths.dataFiles + "\(figure.table.rawValue).csv",
            jsonHref: root + SitePaths.dataFiles + "\(figure.table.rawValue).json",
            cite: cite, release: release, changeText: nil)
        model.downloadNote = strings.format(
            "platforms.download_rows", ["platform": labels.platform(key), "column": "platform", "key": key])
        model.keyFigure = content.keyFigure
        model.caveat = content.caveat
        model.chartCaption = content.chartCaption
        return model
    }

    /// The page and the embed view of each figure of one platform.
    func platformFigurePages(_ key: String, contents: [PlatformFigureContent]) -> [OutputFile] {
        let platformFolder = platformFolder(key)
        let slug = labels.platformSlug(key)
        return contents.flatMap { content -> [OutputFile] in
            let folder = content.figure.folder(platformFolder: platformFolder, paths: paths)
            let root = Self.root(for: folder)
            let embedRoot = Self.root(for: folder + embedFolderName)
            return [
                figurePage(
                    platformFigureModel(content, platform: key, root: root), folder: folder,
                    chartFileName: content.figure.chartFileName(platformSlug: slug, paths: paths),
                    backHref: "../#\(content.figure.name(in: paths))",
                    backText: strings.format("platforms.figure_back", ["platform": labels.platform(key)]), section: "platforms"),
                embedPage(
                    platformFigureModel(content, platform: key, root: embedRoot), folder: folder,
                    section: "platforms"),
            ]
        }
    }

    /// The SVG file of every platform figure that has a chart (`plateformes/amazon/part/amazon-part.svg`).
    func platformChartFiles() -> [OutputFile] {
        let shared = sharedPlatformFigure()
        return config.platforms.keys.flatMap { key -> [OutputFile] in
            let slug = labels.platformSlug(key)
            return platformFigureContents(key, shared: shared, drawingPages: false).compactMap { content -> OutputFile? in
                guard let drawing = content.chart else { return nil }
                let name = content.figure.chartFileName(platformSlug: slug, paths: paths)
                let folder = content.figure.folder(platformFolder: platformFolder(key), paths: paths)
                let model = platformFigureModel(content, platform: key, root: "")
                return OutputFile(
                    path: folder + name + ".svg", text: standaloneChart(drawing, name: name, figure: model, url: config.baseURL + folder))
            }
        }
    }
}
