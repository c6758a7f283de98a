// Chooses and feeds the chart of each table from the protected numbers and the wording in
// strings.yaml; every chart comes in a wide and a compact layout, and CSS shows one.

import VigieCharts
import VigieStatistics

struct ChartBuilder {
    let renderer: SiteRenderer

    var labels: Labels { renderer.labels }
    /// The theme's chart colours: the DSFR's on its theme, Vigie's own otherwise.
    var palette: ChartPalette {
        switch renderer.config.theme {
        case .neutral: .neutral
        case .dsfr: .dsfr
        }
    }
    var strings: Strings { renderer.strings }

    /// Draws a chart at a layout width, with every `id` in it starting with the given one.
    typealias Drawing = (_ id: String, _ width: Int) -> String

    /// The chart of a table (both layouts as HTML), or nil for tables shown as a table only.
    func chart(for table: StatTable, id: String? = nil) -> String? {
        drawing(for: table).map { twoLayouts(id ?? table.id.anchor, $0) }
    }

    /// How to draw the chart of a table at any width, or nil for tables shown as a table only: the
    /// page's two layouts and the standalone SVG file draw the same chart.
    func drawing(for table: StatTable) -> Drawing? {
        switch table.id {
        case .casesByPlatform, .casesByIssue, .casesBySize, .casesBySector, .casesByOutcome:
            let data = ranked(keyedData(table, column: "cases"), by: table.id)
            return { chartID, width in
                Chart.horizontalBars(id: chartID, text: text(table.id, data: data), data: data, width: width, palette: palette)
            }
        case .casesByRegion:
            let data = keyedData(table, column: "cases")
            let short = Dictionary(
                uniqueKeysWithValues: renderer.config.regions.keys.map { ($0, strings.optionalText("labels.region_short.\($0)") ?? $0) })
            return { chartID, width in
                Chart.regionTiles(
                    id: chartID, text: text(table.id, data: data), regions: data, shortLabels: short,
                    legendTitle: strings.text("statistics.columns.cases"), width: width, countText: labels.format.integer, palette: palette)
            }
        case .casesByWeek:
            let weeks = table.rows.map { row in datum(key: keyText(row[0]), label: labels.shortWeek(keyText(row[0])), cell: row[1]) }
            let busiest = weeks.filter { $0.value != nil }.max { ($0.value!, $1.key) < ($1.value!, $0.key) }
            let total = table.rows.last.map { labels.cellText($0[3], column: TableColumn("cumulative", .count), vocabulary: nil) } ?? ""
            let description = strings.format(
                "tables.cases_by_week.chart",
                [
                    "total": total, "first": busiest.map { labels.week($0.key) } ?? "", "first_value": busiest?.valueText ?? "",
                ])
            return periodChart(kind: "weekly", table: .casesByWeek, description: description, periods: weeks)
        case .casesByMonth:
            let cases = table.columnIndex("cases")!
            let months = table.rows.map { row in datum(key: keyText(row[0]), label: labels.shortMonth(keyText(row[0])), cell: row[cases]) }
            let busiest = months.filter { $0.value != nil }.max { ($0.value!, $1.key) < ($1.value!, $0.key) }
            let latest = months.last
            let description = strings.format(
                "tables.cases_by_month.chart",
                [
                    "first": busiest.map { labels.month($0.key) } ?? "", "first_value": busiest?.valueText ?? "",
                    "latest": latest.map { labels.month($0.key) } ?? "", "latest_value": latest?.valueText ?? "",
                ])
            return periodChart(kind: "monthly", table: .casesByMonth, description: description, periods: months)
        case .casePaths:
            // Every case on one path, in the paths' own order (not ranked): where cases stand today.
            let paths = keyedData(table, column: "cases")
            var values: [String: String] = [
                "total": labels.cellText(
                    table.cell(keys: ["total"], column: "cases") ?? .empty, column: TableColumn("cases", .count), vocabulary: nil)
            ]
            for path in paths { values[path.key] = path.valueText }
            let chartText = ChartText(
                title: strings.text("tables.case_paths.title"), description: strings.format("tables.case_paths.chart", values),
                withheldLegend: strings.text("statistics.withheld_chart_legend"))
            return { chartID, width in
                Chart.horizontalBars(id: chartID, text: chartText, data: paths, width: width, palette: palette)
            }
        case .mediationFunnel:
            // The stages are not nested (a case can be closed without being referred), so since
            // case_paths exists the funnel is a table and the paths are the chart. A stored release
            // made before case_paths keeps the chart it was published with.
            guard renderer.statistics.tables[.casePaths] == nil else { return nil }
            let stages = keyedData(table, column: "cases")
            let first = stages.first?.value
            let shares: [String?] = stages.map { stage in
                guard let value = stage.value, let first, first > 0 else { return nil }
                return labels.format.percent(share: value / first)
            }
            return { chartID, width in
                Chart.funnel(
                    id: chartID, text: text(table.id, data: stages, sorted: false), stages: stages, shareTexts: shares, width: width,
                    palette: palette)
            }
        case .resolutionByPlatform:
            let column = table.columnIndex("share_resolved")!
            let items = ranked(
                table.rows.filter { $0[0] != .key("total") }.map { row in
                    datum(
                        key: keyText(row[0]), label: labels.label(keyText(row[0]), in: "platforms"), cell: row[column],
                        column: table.columns[column])
                }, by: table.id)
            return { chartID, width in
                Chart.smallMultiples(id: chartID, text: text(table.id, data: items), items: items, width: width, palette: palette)
            }
        case .daysToStage:
            let items = table.rows.map { delayRange($0, in: table, label: labels.label(keyText($0[0]), in: "delays")) }
            var values: [String: String] = [:]
            for item in items { values[item.key] = item.valueText }
            let chartText = ChartText(
                title: strings.text("tables.days_to_stage.title"), description: strings.format("tables.days_to_stage.chart", values),
                withheldLegend: strings.text("statistics.withheld_chart_legend"))
            return { chartID, width in Chart.quartileRanges(id: chartID, text: chartText, items: items, width: width, palette: palette) }
        case .daysToStageByPlatform:
            // One delay across platforms (the wait until closure, the one a business lives through),
            // ranked by median; the table gives the three delays.
            let stage = DelayStage.closed.rawValue
            let items = RankedOrder.sorted(
                table.rows.filter { $0[1] == .key(stage) }.map { delayRange($0, in: table, label: labels.platform(keyText($0[0]))) },
                key: \.key, label: \.label, value: \.median)
            let chartText = ChartText(
                title: strings.text("tables.days_to_stage_by_platform.title"),
                description: strings.format(
                    "tables.days_to_stage_by_platform.chart",
                    ["stage": labels.label(stage, in: "delays"), "k": String(renderer.config.threshold)]),
                withheldLegend: strings.text("statistics.withheld_chart_legend"))
            return { chartID, width in Chart.quartileRanges(id: chartID, text: chartText, items: items, width: width, palette: palette) }
        case .revenueLossByPlatform, .platformIssue, .commitments:
            return nil
        }
    }

    /// The delays of one platform (its three `days_to_stage_by_platform` rows), for its page; nil when
    /// the publication has no such table or every delay of the platform is withheld.
    func platformDelays(_ platform: String) -> Drawing? {
        guard let table = renderer.statistics.tables[.daysToStageByPlatform] else { return nil }
        let items = table.rows.filter { $0[0] == .key(platform) }.map {
            delayRange($0, in: table, label: labels.label(keyText($0[1]), in: "delays"))
        }
        guard items.contains(where: { !$0.isWithheld }) else { return nil }
        let chartText = ChartText(
            title: strings.format("platforms.delays_chart_title", ["platform": labels.platform(platform)]),
            description: items.map { strings.format("platforms.delays_chart_item", ["stage": $0.label, "value": $0.valueText]) }
                .joined(separator: " "),
            withheldLegend: strings.text("statistics.withheld_chart_legend"))
        return { chartID, width in Chart.quartileRanges(id: chartID, text: chartText, items: items, width: width, palette: palette) }
    }

    /// A row of a delay table as a range: the median and quartiles in days, written as
    /// `tables.days_to_stage.range` says ("12 j (8 à 20)"), or the withheld median's label. A stored
    /// release of format 2 has no quartiles: its range is the median alone.
    func delayRange(_ row: [TableCell], in table: StatTable, label: String) -> ChartRange {
        let key = table.columns.indices.filter { if case .key = table.columns[$0].kind { return true } else { return false } }
            .map { keyText(row[$0]) }.joined(separator: "-")
        func value(_ name: String) -> (Double?, String?) {
            guard let c = table.columnIndex(name) else { return (nil, nil) }
            let text = labels.cellText(row[c], column: table.columns[c], vocabulary: nil)
            if case let .measure(value, _) = row[c] { return (value, text) }
            return (nil, text)
        }
        let (median, medianText) = value("median_days")
        let (q1, q1Text) = value("q1_days"), (q3, q3Text) = value("q3_days")
        guard let median else { return ChartRange(key: key, label: label, q1: nil, median: nil, q3: nil, valueText: medianText ?? "") }
        let text: String
        if let q1Text, let q3Text, q1 != nil, q3 != nil {
            text = strings.format("tables.days_to_stage.range", ["median": medianText ?? "", "q1": q1Text, "q3": q3Text])
        } else {
            text = strings.format("tables.days_to_stage.range_median", ["median": medianText ?? ""])
        }
        return ChartRange(key: key, label: label, q1: q1, median: median, q3: q3, valueText: text)
    }

    /// A bar chart of the issues of one platform, from the protected platform_issue table.
    func platformIssues(_ platform: String) -> Drawing {
        let table = renderer.statistics[.platformIssue]
        let column = table.columnIndex("cases")!
        let data = RankedOrder.sorted(
            table.rows.filter { $0[0] == .key(platform) }.map { row in
                datum(key: keyText(row[1]), label: labels.label(keyText(row[1]), in: "issues"), cell: row[column])
            }, key: \.key, label: \.label, value: \.value)
        let chartText = text(.casesByIssue, data: data)
        return { chartID, width in Chart.horizontalBars(id: chartID, text: chartText, data: data, width: width, palette: palette) }
    }

    /// Every platform's share of all cases (cases_by_platform's `share`, as published: a withheld
    /// share is its hatched mark and label), ranked like the platforms' counts: where one platform
    /// stands among the others, the chart of its share figure.
    func platformShares() -> Drawing {
        let table = renderer.statistics[.casesByPlatform]
        let data = ranked(keyedData(table, column: StatTable.shareOfCasesColumn), by: .casesByPlatform)
        let published = data.filter { $0.value != nil }
        let first = RankedOrder.sorted(published, key: \.key, label: \.label, value: \.value).first
        let chartText = ChartText(
            title: strings.text("platforms.share_chart_title"),
            description: strings.format("platforms.share_chart", ["first": first?.label ?? "", "first_value": first?.valueText ?? ""]),
            withheldLegend: strings.text("statistics.withheld_chart_legend"))
        return { chartID, width in Chart.horizontalBars(id: chartID, text: chartText, data: data, width: width, palette: palette) }
    }

    // MARK: Data

    /// The data in `RankedOrder` when the table is ranked (`TableID.rankingColumn`), else as given.
    func ranked(_ data: [ChartDatum], by table: TableID) -> [ChartDatum] {
        guard table.rankingColumn != nil else { return data }
        return RankedOrder.sorted(data, key: \.key, label: \.label, value: \.value)
    }

    func keyText(_ cell: TableCell) -> String { cell.key ?? "" }

    /// One datum per row of the table except the total, labelled through the key column's vocabulary.
    func keyedData(_ table: StatTable, column name: String) -> [ChartDatum] {
        let column = table.columnIndex(name)!
        var vocabulary: String?
        if case let .key(name) = table.columns[0].kind { vocabulary = name }
        return table.rows.filter { $0[0] != .key("total") }.map { row in
            datum(
                key: keyText(row[0]), label: labels.label(keyText(row[0]), in: vocabulary), cell: row[column], column: table.columns[column]
            )
        }
    }

    func datum(key: String, label: String, cell: TableCell, column: TableColumn = TableColumn("cases", .count)) -> ChartDatum {
        let text = labels.cellText(cell, column: column, vocabulary: nil)
        switch cell {
        case let .count(value): return ChartDatum(key: key, label: label, value: Double(value), valueText: text)
        case let .measure(value, _): return ChartDatum(key: key, label: label, value: value, valueText: text)
        default: return ChartDatum(key: key, label: label, value: nil, valueText: text)
        }
    }

    /// Title and a description that states the key finding, from `tables.<id>.chart` in strings.yaml.
    func text(_ id: TableID, data: [ChartDatum], sorted: Bool = true) -> ChartText {
        let published = data.filter { $0.value != nil }
        let ranked = sorted ? RankedOrder.sorted(published, key: \.key, label: \.label, value: \.value) : published
        let table = renderer.statistics[id]
        let total = table.cell(keys: ["total"], column: "cases").map {
            labels.cellText($0, column: TableColumn("cases", .count), vocabulary: nil)
        }
        let values: [String: String] = [
            "first": ranked.first?.label ?? "", "first_value": ranked.first?.valueText ?? "",
            "second": ranked.dropFirst().first?.label ?? "", "second_value": ranked.dropFirst().first?.valueText ?? "",
            "last_value": ranked.last?.valueText ?? "",
            "total": total ?? data.first?.valueText ?? "",
        ]
        let description =
            strings.optionalText("tables.\(id.rawValue).chart").map { _ in strings.format("tables.\(id.rawValue).chart", values) }
            ?? strings.text("tables.\(id.rawValue).definition")
        return ChartText(
            title: strings.text("tables.\(id.rawValue).title"), description: description,
            withheldLegend: strings.text("statistics.withheld_chart_legend"))
    }

    /// Columns per week or per month, on one scale.
    private func periodChart(kind: String, table: TableID, description: String, periods: [ChartDatum]) -> Drawing {
        let chartText = ChartText(
            title: strings.text("tables.\(table.rawValue).title"), description: description,
            withheldLegend: strings.text("statistics.withheld_chart_legend"))
        return { chartID, width in
            Chart.periodColumns(
                id: chartID, kind: kind, text: chartText, periods: periods, width: width, countText: labels.format.integer, palette: palette
            )
        }
    }

    /// The wide and compact layouts of one chart; the stylesheet shows the one that fits.
    func twoLayouts(_ id: String, _ draw: (String, Int) -> String) -> String {
        "<div class=\"chart-wide\">" + draw(id + "-chart", Chart.standardWidth) + "</div>"
            + "<div class=\"chart-compact\">" + draw(id + "-chart-compact", Chart.compactWidth) + "</div>"
    }
}
