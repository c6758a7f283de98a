// The /statistiques/ page: one figure per published table, in the SPEC's order.

import VigieDisclosure
import VigieStatistics

extension SiteRenderer {
    package func renderStatistics() -> OutputFile {
        let folder = paths.folder(.statistics)
        let root = Self.root(for: folder)
        let figures = statistics.orderedTables.map { table in
            var model = figure(for: table, root: root, dataPrefix: root + SitePaths.dataFiles, frozen: false)
            model.pageHref = root + figureFolder(table.id)
            return model
        }
        let contents = figures.map { ["title": $0.title, "anchor": $0.anchor] }
        var values: [String: Any] = [
            "heading": strings.text("statistics.title"),
            "figures": figures,
            "contents": contents,
            "legend": strings.format("statistics.legend", ["k": String(config.threshold), "km1": String(config.threshold - 1)]),
        ]
        if let change = totalChangeSentence() { values["change"] = change }
        values["release_notice"] = releaseNotice(root: root)
        if let revisions = revisionsModel(root: root) { values["revisions"] = revisions }
        return page(template: "statistics", folder: folder, title: strings.text("statistics.title"), section: "statistics", values: values)
    }

    /// "+42 signalements depuis le 31 janvier 2019." or the sentence saying it is withheld.
    func totalChangeSentence() -> String? {
        guard let previous else { return nil }
        let date = format.date(previous.asOf)
        if let change = ProtectedPublications(current: statistics, previous: previous).publishedDifference(
            table: .casesByPlatform, keys: ["total"])
        {
            return strings.format("statistics.change_text", ["change": format.signed(change), "date": date])
        }
        return strings.format("statistics.change_hidden", ["date": date])
    }

    /// platform_issue reads as a grid of issues × platforms, issues ranked by their total across
    /// platforms and platforms in the ranked order of cases_by_platform; the other tables row by
    /// row, ranked by their `rankingColumn` where they have one.
    func tableModel(_ table: StatTable, caption: String) -> TableModel {
        if table.id == .casesByMonth {
            // The month's label says which days it covers; its first and last weeks are for the files.
            let shown = table.columns.indices.filter { !StatTable.fileOnlyKeyColumns.contains(table.columns[$0].name) }
            let projected = StatTable(
                id: table.id, columns: shown.map { table.columns[$0] }, rows: table.rows.map { row in shown.map { row[$0] } })
            return TableModel(table: projected, caption: caption, labels: labels)
        }
        if table.id == .daysToStageByPlatform {
            // Platform by platform as cases_by_platform ranks them, each platform's delays in their order.
            let rank = Dictionary(uniqueKeysWithValues: rankedPlatforms().enumerated().map { ($1, $0) })
            var ordered = table
            ordered.rows = table.rows.enumerated().sorted { a, b in
                let ra = a.element[0].key.flatMap { rank[$0] } ?? Int.max
                let rb = b.element[0].key.flatMap { rank[$0] } ?? Int.max
                return (ra, a.offset) < (rb, b.offset)
            }.map(\.element)
            return TableModel(table: ordered, caption: caption, labels: labels)
        }
        guard table.id == .platformIssue else {
            return TableModel(table: table, caption: caption, labels: labels, rankedBy: table.id.rankingColumn)
        }
        return .pivot(
            table, rowKey: "issue", columnKey: "platform", value: "cases", caption: caption, labels: labels,
            rankRowsBy: "total", columnOrder: rankedPlatforms())
    }

    /// The platform keys in the ranked order of cases_by_platform (`total` last).
    func rankedPlatforms() -> [String] {
        let table = statistics[.casesByPlatform]
        guard let column = table.columnIndex("cases") else { return config.platforms.keys }
        func key(_ row: [TableCell]) -> String {
            if case let .key(key) = row[0] { return key }
            return ""
        }
        return RankedOrder.sorted(
            table.rows, key: key, label: { labels.platform(key($0)) }, value: { RankedOrder.value(of: $0[column]) }
        ).map(key)
    }

    /// - Parameters:
    ///   - dataPrefix: where the figure's CSV and JSON are, relative to the page.
    ///   - frozen: true on a stored release's page: the figure cites its dated permalink and the
    ///     latest figures, never a later release, so that the page stays the same in later builds.
    func figure(for table: StatTable, root: String, dataPrefix: String, frozen: Bool) -> FigureModel {
        let id = table.id
        let title = strings.text("tables.\(id.rawValue).title")
        let (definition, unit) = definitionAndUnit(table)
        let url = config.baseURL + paths.folder(.statistics) + "#\(id.anchor)"
        let date = format.date(config.publicationDate)
        let (release, cite) = releaseAndCitation(
            title: title, url: url, held: history.isCurrentReleased(holding: id), permalinkAnchor: id.anchor, frozen: frozen)
        var model = FigureModel(
            anchor: id.anchor,
            title: title,
            definition: definition,
            unit: unit,
            source: strings.format("statistics.source_text", ["date": date]),
            chart: ChartBuilder(renderer: self).chart(for: table),
            table: tableModel(table, caption: strings.format("statistics.table_caption", ["title": title])),
            csvHref: dataPrefix + "\(id.rawValue).csv",
            jsonHref: dataPrefix + "\(id.rawValue).json",
            cite: cite,
            release: release,
            changeText: nil)
        if id == .casePaths { model.keyFigure = resolvedShareSentence }
        if id == .daysToStage || id == .daysToStageByPlatform {
            model.caveat = openCaseBias()
            model.chartCaption = strings.format(
                "tables.\(id.rawValue).chart_caption", ["stage": labels.label(DelayStage.closed.rawValue, in: "delays")])
        }
        return model
    }

    /// A table's definition and unit as its figures give them: with the share's words where the table
    /// has cases_by_platform's `share` column (a stored release made before it has not, and its
    /// frozen page keeps the words it was published with).
    func definitionAndUnit(_ table: StatTable) -> (definition: String, unit: String) {
        let id = table.id
        var definition = strings.tableDefinition(id, threshold: config.threshold)
        var unit = strings.text("tables.\(id.rawValue).unit")
        if table.columnIndex(StatTable.shareOfCasesColumn) != nil {
            definition +=
                " " + strings.format("tables.\(id.rawValue).share_definition", strings.definitionValues(threshold: config.threshold))
            unit += strings.text("format.unit_separator") + strings.text("tables.\(id.rawValue).share_unit")
        }
        return (definition, unit)
    }

    /// Which release a figure belongs to, and how to cite it: "« title », site, publication du …" with
    /// the dated permalink (the stored release's statistics page, at `permalinkAnchor`) when the
    /// publication is stored and `held` says the stored release holds the figure, and `url` for the
    /// latest figures. `unheld` names the wording when it does not: `added` (a table added after the
    /// release was stored) or `added_figure` (a figure of a table it holds, like a platform's share).
    func releaseAndCitation(
        title: String, url: String, held: Bool, permalinkAnchor: String, frozen: Bool, unheld: String = "added"
    ) -> (release: String, cite: String) {
        let permalink = config.baseURL + paths.releaseStatisticsFolder(config.publicationDate) + "#\(permalinkAnchor)"
        let date = format.date(config.publicationDate)
        if frozen {
            return (
                strings.format("statistics.release_frozen", ["date": date]),
                strings.format(
                    "statistics.cite_frozen", ["title": title, "site": config.title, "date": date, "permalink": permalink, "url": url])
            )
        } else if history.isCurrentReleased && !held {
            return (
                strings.format("statistics.release_\(unheld)", ["date": date]),
                strings.format("statistics.cite_\(unheld)", ["title": title, "site": config.title, "date": date, "url": url])
            )
        } else if history.isCurrentReleased {
            return (
                strings.format("statistics.release_current", ["date": date]),
                strings.format(
                    "statistics.cite_text", ["title": title, "site": config.title, "date": date, "permalink": permalink, "url": url])
            )
        }
        return (
            strings.format("statistics.release_provisional", ["date": date]),
            strings.format("statistics.cite_provisional", ["title": title, "site": config.title, "date": date, "url": url])
        )
    }

    /// The open-case bias of the delays, stated next to them: a median over the cases that reached a
    /// stage leaves out those still waiting for it. With case_paths, the sentence says how many wait
    /// (as published there, withheld counts with their label).
    func openCaseBias() -> String {
        var text = strings.text("statistics.open_case_bias")
        if let paths = statistics.tables[.casePaths], let column = paths.columnIndex("cases"),
            let waiting = paths.cell(keys: [CasePath.openNotReferred.rawValue], column: "cases"),
            let inMediation = paths.cell(keys: [CasePath.openReferred.rawValue], column: "cases")
        {
            let text2 = { (cell: TableCell) in labels.cellText(cell, column: paths.columns[column], vocabulary: nil) }
            text +=
                " "
                + strings.format(
                    "statistics.open_case_bias_count", ["open_not_referred": text2(waiting), "open_referred": text2(inMediation)])
        }
        return text
    }
}
