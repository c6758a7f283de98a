// /donnees/: every published table with its description, size and download links.

extension SiteRenderer {
    func renderDataPage() -> OutputFile {
        let folder = "donnees/"
        let tables = publishedTables.map { table in
            dataTableEntry(
                table, csvSize: TableSerializer.csv(table).count,
                figureHref: table.id == .commitments ? "../progres/" : "../statistiques/#\(table.id.anchor)")
        }
        return page(
            template: "data", folder: folder, title: strings.text("data.title"), section: "data",
            values: [
                "heading": strings.text("data.title"),
                "licence_file": "LICENCE.txt",
                "tables": tables,
                "licence_text": strings.format("data.licence_text", ["licence": config.licence]),
            ])
    }
}

extension SiteRenderer {
    /// One table of a data page (/donnees/, or a stored release's): title, definition, size, downloads.
    func dataTableEntry(_ table: StatTable, csvSize: Int, figureHref: String) -> [String: Any] {
        [
            "title": strings.text("tables.\(table.id.rawValue).title"),
            "name": table.id.rawValue,
            "description": strings.tableDefinition(table.id, threshold: config.threshold),
            "rows": strings.format("data.rows_count", ["rows": format.integer(table.rows.count)]),
            "size": ByteCountText.format(csvSize, formatter: format, strings: strings),
            "csv": table.id.rawValue + ".csv",
            "json": table.id.rawValue + ".json",
            "figure_href": figureHref,
        ]
    }

    /// The commitments of milestones.yaml with the status /progres/ shows (no disclosure control:
    /// no personal data, no counts of cases).
    var commitmentsTable: StatTable {
        CommitmentsTable.make(content.milestones, asOf: config.publicationDate, baseURL: config.baseURL)
    }

    /// Every table published under /donnees/: the protected case tables, then the commitments.
    var publishedTables: [StatTable] { statistics.orderedTables + [commitmentsTable] }
}

/// `980 o`, `1,2 ko`, `3,4 Mo`: sizes in decimal units, with the unit names of strings.yaml.
enum ByteCountText {
    static func format(_ bytes: Int, formatter: ReaderFormatter, strings: Strings) -> String {
        if bytes < 1000 { return strings.format("format.bytes", ["value": formatter.integer(bytes)]) }
        if bytes < 1_000_000 { return strings.format("format.kilobytes", ["value": formatter.decimal(Double(bytes) / 1000, places: 1)]) }
        return strings.format("format.megabytes", ["value": formatter.decimal(Double(bytes) / 1_000_000, places: 1)])
    }
}
