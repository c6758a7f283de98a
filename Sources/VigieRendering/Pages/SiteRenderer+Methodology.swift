// /methodologie/: the methodology note, then the disclosure rules in force and what they hid.

extension SiteRenderer {
    /// The slug of the note shown on /methodologie/.
    static let methodologySlug = "methodologie"

    package func renderMethodology() -> OutputFile {
        let k = String(config.threshold), km1 = String(config.threshold - 1)
        let report = statistics.report
        let rows: [[String: Any]] = report.entries.map { entry in
            [
                "table": strings.text("tables.\(entry.table.rawValue).title"),
                "name": entry.table.rawValue,
                "primary": String(entry.primary),
                "secondary": String(entry.secondary),
                "small_group": String(entry.smallGroup),
            ]
        }
        var values: [String: Any] = [
            "threshold": strings.format("methodology.threshold", ["k": k, "km1": km1]),
            "column_primary": strings.format("methodology.column_primary", ["km1": km1]),
            "column_small_group": strings.format("methodology.column_small_group", ["k": k]),
            "suppression_rows": rows,
            "totals": strings.format(
                "methodology.totals",
                ["primary": String(report.primary), "secondary": String(report.secondary), "small": String(report.smallGroup)]),
        ]
        if let note = notes.first(where: { Self.isMethodology($0.note) }) {
            values["body"] = note.body.html
            values["has_body"] = true
        }
        return page(
            template: "methodology", folder: paths.folder(.methodology), title: strings.text("methodology.title"), section: "methodology",
            values: values)
    }

    package func renderNotFound() -> OutputFile {
        page(template: "404", folder: nil, title: strings.text("notfound.title"), section: "", values: [:])
    }
}
