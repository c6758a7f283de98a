// /plateformes/ and /plateformes/<key>/: each platform's numbers, all read from the protected tables.

import VigieMustache
import VigieStatistics

extension SiteRenderer {
    package func renderPlatforms() -> [OutputFile] {
        var files: [OutputFile] = []
        let indexFolder = "plateformes/"
        let indexRoot = Self.root(for: indexFolder)
        var cards: [[String: Any]] = []
        let comparison = platformComparison()
        // Cards in the ranked order of cases_by_platform, like its chart; every platform has its page.
        let ranked = rankedPlatforms().filter { $0 != "total" }
        let rankedSet = Set(ranked)
        for key in ranked + config.platforms.keys.filter({ !rankedSet.contains($0) }) {
            cards.append([
                "label": labels.platform(key),
                "href": indexRoot + "plateformes/\(labels.platformSlug(key))/",
                "cases": countText(count(.casesByPlatform, [key])),
            ])
            files.append(renderPlatform(key, comparison: comparison))
        }
        files.append(
            page(
                template: "platforms", folder: indexFolder, title: strings.text("platforms.title"), section: "platforms",
                values: ["platforms": cards]))
        return files
    }

    /// The chart and table comparing all platforms, the same on every platform page: built once, not
    /// once a page. Built per page (a chart, a ranked table, then both converted for the template),
    /// they made the platform pages quadratic in the platforms: 300 platforms, 620 cases, debug
    /// build, render templates 9.9 s before, 3.1 s after (what remains is writing each page's copy).
    func platformComparison() -> [String: TemplateValue] {
        var values: [String: Any] = [:]
        values["comparison_chart"] = ChartBuilder(renderer: self).chart(for: statistics[.casesByPlatform], id: "comparison")
        values["comparison_table"] = TableModel(
            table: statistics[.casesByPlatform], caption: tableCaption("platforms.comparison_heading"), labels: labels,
            rankedBy: TableID.casesByPlatform.rankingColumn)
        return values.compactMapValues(TemplateValue.present)
    }

    /// A table's caption names it apart from the section heading above it: the scroll region around
    /// the table takes the caption as its name, and two regions of one name are one too many for a
    /// screen reader's list of landmarks (axe `landmark-unique`).
    func tableCaption(_ headingKey: String) -> String {
        strings.format("platforms.table_caption", ["title": strings.text(headingKey)])
    }

    func renderPlatform(_ key: String, comparison: [String: TemplateValue]) -> OutputFile {
        let folder = "plateformes/\(labels.platformSlug(key))/"
        let root = Self.root(for: folder)
        let name = labels.platform(key)
        let casesCell = count(.casesByPlatform, [key])
        var values: [String: Any] = [
            "platform": name,
            // A label that reads badly inside the sentence ("avec Autres plateformes") has its own.
            "lede": strings.optionalText("platforms.page_lede_for.\(key)") ?? strings.format("platforms.page_lede", ["platform": name]),
            "share_definition": strings.format("platforms.share_definition", strings.definitionValues(threshold: config.threshold)),
            "cases": countText(casesCell),
        ]
        if let cases = casesCell?.count, let total = count(.casesByPlatform, ["total"])?.count, total > 0 {
            values["share_of_all"] = strings.format(
                "platforms.share_of_all", ["share": format.percent(share: Double(cases) / Double(total))])
        }
        if let change = changeText(.casesByPlatform, [key]) { values["change"] = change }

        // Issues of this platform, from platform_issue (protected as published there).
        let issues = statistics[.platformIssue]
        values["issues_table"] = TableModel(
            table: issues, caption: tableCaption("platforms.issues_heading"), labels: labels,
            rowFilter: { $0.first == .key(key) }, rankedBy: "cases"
        ).droppingFirstColumn()

        let resolution = statistics[.resolutionByPlatform]
        values["resolution_table"] = TableModel(
            table: resolution, caption: tableCaption("platforms.resolution_heading"), labels: labels,
            rowFilter: { $0.first == .key(key) || $0.first == .key("total") })
        // Its delays, from days_to_stage_by_platform (statistics of groups under k withheld there).
        if let delays = statistics.tables[.daysToStageByPlatform] {
            values["delays_table"] = TableModel(
                table: delays, caption: strings.format("platforms.delays_caption", ["platform": name]), labels: labels,
                rowFilter: { $0.first == .key(key) }
            ).droppingFirstColumn()
            values["delays_caveat"] = openCaseBias()
            values["delays_note"] = strings.format("platforms.delays_note", ["k": String(config.threshold)])
            values["stats_href"] = root + "statistiques/#\(TableID.daysToStageByPlatform.anchor)"
        }
        let loss = statistics[.revenueLossByPlatform]
        values["loss_table"] = TableModel(
            table: loss, caption: tableCaption("platforms.loss_heading"), labels: labels,
            rowFilter: { $0.first == .key(key) || $0.first == .key("total") })

        let milestones = content.milestones.filter { $0.actor == key }.sorted { ($0.due, $0.id) < ($1.due, $1.id) }
        values["commitments"] = milestones.map { milestoneItem($0, root: root) }
        values["has_commitments"] = !milestones.isEmpty
        let charts = ChartBuilder(renderer: self)
        values["issues_chart"] = charts.platformIssues(key)
        values["delays_chart"] = charts.platformDelays(key)
        values["data_href"] = root + "donnees/"
        return page(
            template: "platform", folder: folder, title: strings.format("platforms.page_title", ["platform": name]), section: "platforms",
            values: values.compactMapValues(TemplateValue.present).merging(comparison) { own, _ in own })
    }
}

extension TableModel {
    /// The same table without its first column (the platform, constant on a platform page).
    func droppingFirstColumn() -> TableModel {
        var copy = self
        copy.headers.removeFirst()
        copy.rows = rows.map { row in
            var row = row
            row.cells.removeFirst()
            if !row.cells.isEmpty { row.cells[0].rowHeader = true }
            return row
        }
        return copy
    }
}
