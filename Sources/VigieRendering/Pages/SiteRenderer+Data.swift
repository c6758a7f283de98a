// /donnees/: every published table with its description, size and download links.

import VigieReleases
import VigieStatistics

extension SiteRenderer {
    package func renderDataPage() -> OutputFile {
        let folder = paths.folder(.data)
        let root = Self.root(for: folder)
        // The data files are one set, in the first language's data folder: another edition's data page links there.
        let files = folder == SitePaths.dataFiles ? "" : root + SitePaths.dataFiles
        let tables = publishedTables.map { table in
            let resources = OpenDataContract.resources(of: table)
            var entry = dataTableEntry(
                table.id, csv: TableSerializer.csv(resources[0]), hasTotals: resources.count > 1,
                figureHref: root + (table.id == .commitments ? paths.folder(.progress) : paths.folder(.statistics) + "#\(table.id.anchor)"),
                files: files)
            // The spreadsheet and the database are the current publication's only: a stored release
            // serves the files it froze, so its data page (the same template) has no such link.
            entry["ods"] = files + SpreadsheetWriter.fileName(table.id)
            return entry
        }
        return page(
            template: "data", folder: folder, title: strings.text("data.title"), section: "data",
            values: [
                "heading": strings.text("data.title"),
                "files": files,
                "licence_file": files + "LICENCE.txt",
                "tables": tables,
                "licence_text": strings.format("data.licence_text", ["licence": config.licence]),
                "format_text": strings.text("data.format_text"),
                "csv_in_spreadsheet": strings.text("data.csv_in_spreadsheet"),
                "database": [
                    "href": files + SQLiteDatabaseWriter.fileName,
                    "name": SQLiteDatabaseWriter.fileName,
                    "text": strings.format("data.database_text", ["file": SQLiteDatabaseWriter.fileName]),
                ],
            ])
    }
}

extension SiteRenderer {
    /// One table of a data page (/donnees/, or a stored release's): title, definition, size and rows of
    /// its CSV file as published, downloads, and its totals file's when it has one.
    /// - Parameter files: the path from the page to the data files (empty on a page in their folder).
    func dataTableEntry(_ id: TableID, csv: [UInt8], hasTotals: Bool, figureHref: String, files: String = "") -> [String: Any] {
        let title = strings.text("tables.\(id.rawValue).title")
        let totals = id.rawValue + OpenDataContract.totalsSuffix
        return [
            "title": title,
            "name": id.rawValue,
            "description": strings.tableDefinition(id, threshold: config.threshold),
            "rows": strings.format("data.rows_count", ["rows": format.integer(max(0, csv.count { $0 == UInt8(ascii: "\n") } - 1))]),
            "size": ByteCountText.format(csv.count, formatter: format, strings: strings),
            "csv": files + id.rawValue + ".csv",
            "json": files + id.rawValue + ".json",
            // A list, so that a table without totals renders nothing (an empty dictionary would still be a section).
            "totals": hasTotals
                ? [
                    [
                        "csv": files + totals + ".csv", "json": files + totals + ".json",
                        "title": strings.format("datapackage.totals_title", ["title": title]),
                    ]
                ]
                : [[String: String]](),
            "figure_href": figureHref,
        ]
    }

    /// The commitments of milestones.yaml with the status /progres/ shows (no disclosure control:
    /// no personal data, no counts of cases).
    package var commitmentsTable: StatTable {
        CommitmentsTable.make(content.milestones, asOf: config.publicationDate, baseURL: config.baseURL)
    }

    /// Every table published under /donnees/: the protected case tables, then the commitments.
    package var publishedTables: [StatTable] { statistics.orderedTables + [commitmentsTable] }
}

/// `980 o`, `1,2 ko`, `3,4 Mo`: sizes in decimal units, with the unit names of strings.yaml.
enum ByteCountText {
    static func format(_ bytes: Int, formatter: ReaderFormatter, strings: Strings) -> String {
        if bytes < 1000 { return strings.format("format.bytes", ["value": formatter.integer(bytes)]) }
        if bytes < 1_000_000 { return strings.format("format.kilobytes", ["value": formatter.decimal(Double(bytes) / 1000, places: 1)]) }
        return strings.format("format.megabytes", ["value": formatter.decimal(Double(bytes) / 1_000_000, places: 1)])
    }
}
