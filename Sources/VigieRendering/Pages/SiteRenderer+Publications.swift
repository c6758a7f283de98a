// /publications/: the release calendar, and every stored release kept online as it was published
// (/publications/<date>/, its statistics page rebuilt from its frozen numbers, its data files byte for byte);
// each edition has the release's pages in its language (/en/publications/<date>/), the files are one set.

import VigieDisclosure
import VigieInput
import VigieReleases
import VigieStatistics

extension SiteRenderer {
    /// The calendar and the pages and files of every stored release.
    package func renderPublications() -> [OutputFile] {
        var files = [renderCalendar()]
        for release in history.releases {
            let frozen = frozenRenderer(for: release)
            files.append(frozen.renderReleaseOverview())
            files.append(frozen.renderFrozenStatistics())
            files.append(frozen.renderFrozenDataPage(release))
            // The release's files as published, once: every edition's pages link to them.
            guard paths.isDefault else { continue }
            let folder = paths.releaseFolder(release.date)
            for file in release.dataFiles { files.append(OutputFile(path: folder + file.path, bytes: file.bytes)) }
        }
        return files
    }

    /// A renderer of a stored release alone: its date, its threshold, its frozen tables, and nothing
    /// of later releases, so that its pages are the same bytes in every later build.
    func frozenRenderer(for release: StoredRelease) -> SiteRenderer {
        var content = self.content
        content.config.publicationDate = release.date
        content.config.threshold = release.statistics.threshold
        content.config.nextPublication = nil
        return SiteRenderer(
            content: content, notes: [], statistics: release.statistics, history: ReleaseHistory(publicationDate: release.date),
            templates: templates, edition: edition)
    }

    // MARK: Frozen pages of one release (self is the frozen renderer)

    func renderFrozenStatistics() -> OutputFile {
        let folder = paths.releaseStatisticsFolder(config.publicationDate)
        let root = Self.root(for: folder)
        let files = releaseDataFilesHref(from: folder, root: root)
        let figures = statistics.orderedTables.map { figure(for: $0, root: root, dataPrefix: files, frozen: true) }
        let date = format.date(config.publicationDate)
        let values: [String: Any] = [
            "heading": strings.format("publications.frozen_statistics_title", ["date": date]),
            "figures": figures,
            "contents": figures.map { ["title": $0.title, "anchor": $0.anchor] },
            "legend": strings.format("statistics.legend", ["k": String(config.threshold), "km1": String(config.threshold - 1)]),
            "release_notice": frozenNotice(root: root),
        ]
        return page(
            template: "statistics", folder: folder, title: strings.format("publications.frozen_statistics_title", ["date": date]),
            section: "publications", values: values)
    }

    func renderReleaseOverview() -> OutputFile {
        let folder = paths.releaseFolder(config.publicationDate)
        let root = Self.root(for: folder)
        let date = format.date(config.publicationDate)
        let values: [String: Any] = [
            "heading": strings.format("publications.release_title", ["date": date]),
            "release_notice": frozenNotice(root: root),
            "headlines": releaseHeadlines(),
            "statistics_href": String(paths.releaseStatisticsFolder(config.publicationDate).dropFirst(folder.count)),
            "data_href": String(paths.releaseDataPageFolder(config.publicationDate).dropFirst(folder.count)),
            "calendar_href": root + paths.folder(.publications),
        ]
        return page(
            template: "release", folder: folder, title: strings.format("publications.release_title", ["date": date]),
            section: "publications",
            values: values)
    }

    func renderFrozenDataPage(_ release: StoredRelease) -> OutputFile {
        let folder = paths.releaseDataPageFolder(config.publicationDate)
        let root = Self.root(for: folder)
        let date = format.date(config.publicationDate)
        let files = releaseDataFilesHref(from: folder, root: root)
        // The statistics page is the data page's sibling: `../statistiques/`, `../statistics/`.
        let releaseFolder = paths.releaseFolder(config.publicationDate)
        let figures = "../" + paths.releaseStatisticsFolder(config.publicationDate).dropFirst(releaseFolder.count)
        let tables = statistics.orderedTables.map { table in
            dataTableEntry(
                table.id, csv: release.bytes(of: "donnees/\(table.id.rawValue).csv") ?? [],
                hasTotals: release.bytes(of: "donnees/\(table.id.rawValue)\(OpenDataContract.totalsSuffix).csv") != nil,
                figureHref: figures + "#\(table.id.anchor)", files: files)
        }
        return page(
            template: "data", folder: folder, title: strings.format("publications.frozen_data_title", ["date": date]),
            section: "publications",
            values: [
                "heading": strings.format("publications.frozen_data_title", ["date": date]),
                "release_notice": frozenNotice(root: root),
                "files": files,
                "tables": tables,
                "licence_text": strings.format("data.licence_text", ["licence": config.licence]),
                "format_text": strings.text(release.manifest.formatVersion >= 2 ? "data.format_text" : "data.format_text_v1"),
            ])
    }

    /// "Publication du 20 décembre 2018, archivée : …" with a link to the current figures (never to a later release).
    func frozenNotice(root: String) -> [String: String] {
        [
            "text": strings.format("publications.frozen_notice", ["date": format.date(config.publicationDate)]),
            "link": strings.text("publications.latest_link"),
            "href": root + paths.folder(.statistics),
        ]
    }

    /// The link from a page of this (frozen) release in `folder` to the release's data files:
    /// `../donnees/` beside the French pages, `../../../../publications/<date>/donnees/` from the
    /// English ones; empty from the data page that sits beside them.
    func releaseDataFilesHref(from folder: String, root: String) -> String {
        let files = SitePaths.releaseDataFiles(config.publicationDate)
        if folder == files { return "" }
        if folder.hasPrefix(paths.releaseFolder(config.publicationDate)) && paths.isDefault { return "../" + SitePaths.dataFiles }
        return root + files
    }

    /// The reported, referred and resolved counts of this renderer's publication.
    func releaseHeadlines() -> [[String: String]] {
        ["reported", "referred", "resolved"].map { stage in
            [
                "value": countText(count(.mediationFunnel, [stage])),
                "label": strings.text("publications.headline_\(stage)"),
            ]
        }
    }

    // MARK: The calendar and the current pages

    func renderCalendar() -> OutputFile {
        let folder = paths.folder(.publications)
        let root = Self.root(for: folder)
        var entries: [[String: Any]] = []
        for release in history.releases.reversed() {
            let frozen = frozenRenderer(for: release)
            let date = format.date(release.date)
            var entry: [String: Any] = [
                "id": "publication-\(release.date.iso)",
                "date_iso": release.date.iso,
                "title": strings.format("publications.release_title", ["date": date]),
                "headlines": frozen.releaseHeadlines(),
                "href": String(paths.releaseFolder(release.date).dropFirst(folder.count)),
                "statistics_href": String(paths.releaseStatisticsFolder(release.date).dropFirst(folder.count)),
                "data_href": String(paths.releaseDataPageFolder(release.date).dropFirst(folder.count)),
                "change": changeSentence(release),
            ]
            if release.date == config.publicationDate { entry["current"] = strings.text("publications.current_badge") }
            if release.date < config.publicationDate {
                entry["revisions"] = revisionsModel(of: release, root: root) ?? ["none": strings.text("publications.no_revision")]
            }
            entries.append(entry)
        }
        var values: [String: Any] = [
            "releases": entries,
            "next": config.nextPublication.map { strings.format("publications.next", ["date": format.date($0)]) }
                ?? strings.text("publications.no_next"),
        ]
        if entries.isEmpty { values["empty"] = strings.text("publications.empty") }
        if !history.isCurrentReleased {
            values["provisional"] = [
                "text": strings.format("publications.provisional", ["date": format.date(config.publicationDate)]),
                "href": root + paths.folder(.statistics), "link": strings.text("publications.latest_link"),
            ]
        }
        return page(
            template: "publications", folder: folder, title: strings.text("publications.title"), section: "publications", values: values)
    }

    /// What changed in `release` since the release before it.
    func changeSentence(_ release: StoredRelease) -> String {
        guard let earlier = history.release(before: release) else { return strings.text("publications.first_release") }
        let date = format.date(earlier.date)
        if let change = ProtectedPublications(current: release.statistics, previous: earlier.statistics).publishedDifference(
            table: .casesByPlatform, keys: ["total"])
        {
            return strings.format("statistics.change_text", ["change": format.signed(change), "date": date])
        }
        return strings.format("statistics.change_hidden", ["date": date])
    }

    /// The notice of the current /statistiques/ page: the release it is, permanent or provisional.
    func releaseNotice(root: String) -> [String: String] {
        let date = format.date(config.publicationDate)
        if history.isCurrentReleased {
            return [
                "text": strings.format("publications.current_notice", ["date": date]),
                "link": strings.text("publications.permalink_link"),
                "href": root + paths.releaseStatisticsFolder(config.publicationDate),
            ]
        }
        return [
            "text": strings.format("publications.provisional", ["date": date]),
            "link": strings.text("publications.calendar_link"), "href": root + paths.folder(.publications),
        ]
    }

    /// The revisions of the latest stored release before this publication, or nil when there are none.
    func revisionsModel(root: String) -> [String: Any]? {
        guard let release = history.previous else { return nil }
        return revisionsModel(of: release, root: root)
    }

    /// "Révisions de la publication du 31 janvier 2019": one line per revised count, or nil when none.
    func revisionsModel(of release: StoredRelease, root: String) -> [String: Any]? {
        guard let revisions = history.revisions[release.date], !revisions.isEmpty else { return nil }
        let date = format.date(release.date)
        let items: [String] = revisions.map { revision in
            let table = release.statistics[revision.table]
            let keyColumns = table.columns.filter { if case .key = $0.kind { return true } else { return false } }
            let row = zip(keyColumns, revision.keys).filter { !StatTable.fileOnlyKeyColumns.contains($0.0.name) }.map {
                column, key -> String in
                if column.name == "week" { return labels.week(key) }
                if column.name == "month" { return labels.month(key) }
                if case let .key(vocabulary) = column.kind { return labels.label(key, in: vocabulary) }
                return key
            }.joined(separator: " × ")
            let values: [String: String] = [
                "figure": strings.text("tables.\(revision.table.rawValue).title"),
                "row": row,
                "column": strings.optionalText("statistics.columns.\(revision.column)") ?? revision.column,
                "published": format.integer(revision.published),
                "revised": revision.revised.map(format.integer) ?? "",
            ]
            let key =
                switch revision.value {
                case .shown: "publications.revision_item"
                case .small: "publications.revision_hidden"
                case .masked: "publications.revision_masked"
                }
            return strings.format(key, values)
        }
        return [
            "heading": strings.format("publications.revisions_heading", ["date": date]),
            "intro": strings.format(
                "publications.revisions_intro", count: revisions.count, ["count": String(revisions.count), "date": date]),
            "items": items,
            "has_items": true,
            "href": root + paths.releaseStatisticsFolder(release.date),
            "link": strings.format("publications.revisions_link", ["date": date]),
        ]
    }
}
