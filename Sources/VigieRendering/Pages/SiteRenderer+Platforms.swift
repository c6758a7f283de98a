// /plateformes/ and /plateformes/<key>/: each platform's numbers, all read from the protected tables.

import VigieMustache
import VigieStatistics

extension SiteRenderer {
    package func renderPlatforms() -> [OutputFile] {
        var files: [OutputFile] = []
        let indexFolder = paths.folder(.platforms)
        let indexRoot = Self.root(for: indexFolder)
        var cards: [[String: Any]] = []
        let shared = sharedPlatformFigure()
        // Cards in the ranked order of cases_by_platform, like its chart; every platform has its page.
        let ranked = rankedPlatforms().filter { $0 != "total" }
        let rankedSet = Set(ranked)
        for key in ranked + config.platforms.keys.filter({ !rankedSet.contains($0) }) {
            cards.append([
                "label": labels.platform(key),
                "href": indexRoot + platformFolder(key),
                "cases": countText(count(.casesByPlatform, [key])),
            ])
            let contents = platformFigureContents(key, shared: shared)
            files.append(renderPlatform(key, contents: contents))
            files += platformFigurePages(key, contents: contents)
        }
        files.append(
            page(
                template: "platforms", folder: indexFolder, title: strings.text("platforms.title"), section: "platforms",
                values: ["platforms": cards]))
        return files
    }

    /// A table's caption names it apart from the section heading above it: the scroll region around
    /// the table takes the caption as its name, and two regions of one name are one too many for a
    /// screen reader's list of landmarks (axe `landmark-unique`).
    func tableCaption(_ headingKey: String) -> String {
        strings.format("platforms.table_caption", ["title": strings.text(headingKey)])
    }

    func renderPlatform(_ key: String, contents: [PlatformFigureContent]) -> OutputFile {
        let folder = platformFolder(key)
        let root = Self.root(for: folder)
        let name = labels.platform(key)
        var values: [String: Any] = [
            "platform": name,
            // A label that reads badly inside the sentence ("avec Autres plateformes") has its own.
            "lede": strings.optionalText("platforms.page_lede_for.\(key)") ?? strings.format("platforms.page_lede", ["platform": name]),
            "cases": countText(count(.casesByPlatform, [key])),
        ]
        // The published share (cases_by_platform's `share`, withheld with its count or the total), never recomputed here.
        if let share = shareOfCasesText(key) { values["share_of_all"] = strings.format("platforms.share_of_all", ["share": share]) }
        if let change = changeText(.casesByPlatform, [key]) { values["change"] = change }

        let figures = contents.map { content in
            var model = platformFigureModel(content, platform: key, root: root)
            model.pageHref = content.figure.name(in: paths) + "/"
            return model
        }
        let share = PlatformFigure.share.name(in: paths)
        values["figures"] = figures.filter { $0.anchor != share }
        values["share_figure"] = figures.first { $0.anchor == share }

        let milestones = content.milestones.filter { $0.actor == key }.sorted { ($0.due, $0.id) < ($1.due, $1.id) }
        values["commitments"] = milestones.map { milestoneItem($0, root: root) }
        values["has_commitments"] = !milestones.isEmpty
        values["data_href"] = root + paths.folder(.data)
        return page(
            template: "platform", folder: folder, title: strings.format("platforms.page_title", ["platform": name]), section: "platforms",
            values: values)
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
