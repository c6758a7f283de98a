// /donnees/datapackage.json: a Frictionless Tabular Data Package describing every published resource
// (`OpenDataContract`), its fields and types, the vocabulary labels, the cell statuses and the licence.

import VigieDisclosure
import VigieReleases
import VigieStatistics

public enum DataPackageWriter {
    /// The descriptor of the protected case tables and, when given, the commitments table.
    /// - Parameter otherFormats: list the spreadsheets and the database of /donnees/ under
    ///   `vigie:other_formats` (the current publication's descriptor; a stored release holds only the
    ///   CSV and JSON files, so its descriptor names no other file).
    /// - Parameter translations: the labels of each further edition (`languages`): every title,
    ///   description and key label is given in their language too, under `vigie:translations`
    ///   (Frictionless allows custom properties); `title` and `description` stay in the first language.
    public static func write(
        statistics: ProtectedStatistics, labels: Labels, commitments: StatTable? = nil, otherFormats: Bool = false,
        translations: [(language: String, labels: Labels)] = []
    ) -> [UInt8] {
        let config = labels.config
        let strings = labels.strings
        var resources: [String] = []
        let statuses = OpenDataContract.CellStatus.allCases.map { JSON.string($0.rawValue) }.joined(separator: ", ")
        let published =
            statistics.orderedTables.map(OpenDataContract.resources(of:)) + (commitments.map { [OpenDataContract.resources(of: $0)] } ?? [])
        for (table, hasTotals) in published.flatMap({ parts in parts.map { ($0, parts.count > 1) } }) {
            var fields: [String] = []
            for column in table.columns {
                var parts: [String] = ["\"name\": \(JSON.string(column.name))"]
                // The same words the spreadsheets and the database give the column.
                let definition = JSON.string(PublishedColumnText(column, labels: labels).definition)
                switch column.kind {
                case let .key(vocabulary):
                    parts.append("\"type\": \"string\"")
                    parts.append("\"description\": \(definition)")
                    let keys = Set(
                        table.rows.compactMap { row -> String? in
                            if case let .key(key) = row[table.columns.firstIndex(of: column)!] { return key }
                            return nil
                        })
                    let sortedKeys = table.rows.compactMap { row -> String? in
                        if case let .key(key) = row[table.columns.firstIndex(of: column)!] { return key }
                        return nil
                    }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                    if column.name.hasSuffix("week") {
                        parts.append("\"constraints\": {\"required\": true, \"pattern\": \"[0-9]{4}-W[0-9]{2}\"}")
                    } else if column.name == "month" {
                        parts.append("\"constraints\": {\"required\": true, \"pattern\": \"[0-9]{4}-[0-9]{2}\"}")
                    } else {
                        parts.append(
                            "\"constraints\": {\"required\": true, \"enum\": [\(sortedKeys.map(JSON.string).joined(separator: ", "))]}")
                        func labelPairs(_ labels: Labels) -> String {
                            sortedKeys.filter { keys.contains($0) }.map {
                                "\(JSON.string($0)): \(JSON.string(labels.label($0, in: vocabulary)))"
                            }.joined(separator: ", ")
                        }
                        parts.append("\"vigie:labels\": {\(labelPairs(labels))}")
                        if !translations.isEmpty {
                            let translated = translations.map { "\(JSON.string($0.language)): {\"labels\": {\(labelPairs($0.labels))}}" }
                            parts.append("\"vigie:translations\": {\(translated.joined(separator: ", "))}")
                        }
                    }
                case .status:
                    parts.append("\"type\": \"string\"")
                    parts.append("\"description\": \(definition)")
                    parts.append("\"constraints\": {\"required\": true, \"enum\": [\(statuses)]}")
                case .count:
                    parts.append("\"type\": \"integer\"")
                    parts.append("\"description\": \(definition)")
                    parts.append("\"constraints\": {\"minimum\": 0}")
                case .measure:
                    parts.append("\"type\": \"number\"")
                    parts.append("\"description\": \(definition)")
                case .identifier:
                    parts.append("\"type\": \"string\"")
                    parts.append("\"description\": \(definition)")
                    parts.append("\"constraints\": {\"required\": true, \"unique\": true}")
                case .text:
                    parts.append("\"type\": \"string\"")
                    parts.append("\"description\": \(definition)")
                case .date:
                    parts.append("\"type\": \"date\"")
                    parts.append("\"format\": \"default\"")
                    parts.append("\"description\": \(definition)")
                case .integer:
                    parts.append("\"type\": \"integer\"")
                    parts.append("\"description\": \(definition)")
                    parts.append("\"constraints\": {\"required\": true, \"minimum\": 0}")
                case .suppressedFlag:
                    parts.append("\"type\": \"boolean\"")
                    parts.append("\"description\": \(definition)")
                    parts.append("\"trueValues\": [\"true\"]")
                    parts.append("\"falseValues\": [\"false\"]")
                    parts.append("\"constraints\": {\"required\": true}")
                }
                fields.append("          {" + parts.joined(separator: ", ") + "}")
            }
            let keyColumns = table.keyColumns.map { JSON.string($0.name) }
            let id = table.source.rawValue
            /// The resource's title and description in the wording of `strings`.
            func titleAndDescription(_ strings: Strings) -> (String, String) {
                var title = strings.text("tables.\(id).title")
                var description = strings.tableDefinition(table.source, threshold: config.threshold)
                if table.isTotals {
                    title = strings.format("datapackage.totals_title", ["title": title])
                    description = strings.format("datapackage.totals_description", ["table": id]) + " " + description
                } else if hasTotals {
                    description +=
                        " " + strings.format("datapackage.detail_description", ["totals": table.name + OpenDataContract.totalsSuffix])
                }
                return (title, description)
            }
            let (title, description) = titleAndDescription(strings)
            let translated = translations.map { translation in
                let (title, description) = titleAndDescription(translation.labels.strings)
                return
                    "\(JSON.string(translation.language)): {\"title\": \(JSON.string(title)), \"description\": \(JSON.string(description))}"
            }
            let translationsProperty =
                translated.isEmpty ? "" : "\n                      \"vigie:translations\": {\(translated.joined(separator: ", "))},"
            let primaryKey = keyColumns.isEmpty ? "" : ",\n                    \"primaryKey\": [\(keyColumns.joined(separator: ", "))]"
            let resource = """
                    {
                      "name": \(JSON.string(table.name)),
                      "path": \(JSON.string(table.name + ".csv")),
                      "profile": "tabular-data-resource",
                      "title": \(JSON.string(title)),
                      "description": \(JSON.string(description)),\(translationsProperty)
                      "format": "csv",
                      "mediatype": "text/csv",
                      "encoding": "utf-8",
                      "dialect": {"delimiter": ",", "header": true},
                      "schema": {
                        "fields": [
                \(fields.joined(separator: ",\n"))
                        ]\(primaryKey),
                        "missingValues": [""]
                      }
                    }
                """
            resources.append(resource)
        }
        let text = """
            {
              "profile": "tabular-data-package",
              "name": "vigie-signalements-plateformes",
              "title": \(JSON.string(strings.text("datapackage.title"))),
              "description": \(JSON.string(strings.text("datapackage.description") + " " + strings.text("datapackage.total_key"))),\(packageTranslations(translations))
              "version": \(JSON.string(OpenDataContract.version + "+" + config.publicationDate.iso)),
              "created": \(JSON.string(config.publicationDate.iso + "T00:00:00Z")),
              "homepage": \(JSON.string(config.baseURL)),
              "licenses": [
                {"name": "etalab-2.0", "path": \(JSON.string(config.licenceURL)), "title": \(JSON.string(config.licence))}
              ],
              "sources": [
                {"title": \(JSON.string(config.publisher.isEmpty ? config.title : config.publisher)), "path": \(JSON.string(config.baseURL + "methodologie/"))}
              ],
              "vigie:disclosure_threshold": \(config.threshold),
              "vigie:publication_date": \(JSON.string(config.publicationDate.iso)),
              "vigie:cell_statuses": {\(OpenDataContract.CellStatus.allCases.map { "\(JSON.string($0.rawValue)): \(JSON.string(strings.format("datapackage.status_\($0.rawValue)", ["k": String(config.threshold)])))" }.joined(separator: ", "))},
              \(otherFormats ? otherFormatsProperty(statistics: statistics, commitments: commitments, strings: strings) : "")"resources": [
            \(resources.joined(separator: ",\n"))
              ]
            }

            """
        return Array(text.utf8)
    }

    /// `"vigie:other_formats": [...],` and the indentation of the next property: the same tables as
    /// other files, outside `resources` (Frictionless 1 has no tabular profile for a spreadsheet
    /// or a database, and its validators would try to read them as tables; custom properties are allowed).
    static func otherFormatsProperty(statistics: ProtectedStatistics, commitments: StatTable?, strings: Strings) -> String {
        var entries: [String] = []
        for table in statistics.orderedTables + (commitments.map { [$0] } ?? []) {
            let id = table.id.rawValue
            entries.append(
                "    {\"path\": \(JSON.string(SpreadsheetWriter.fileName(table.id))), \"format\": \"ods\", "
                    + "\"mediatype\": \"\(OpenDocumentPackage.spreadsheetType)\", \"title\": \(JSON.string(strings.text("tables.\(id).title"))), "
                    + "\"vigie:tables\": [\(OpenDataContract.resources(of: table).map { JSON.string($0.name) }.joined(separator: ", "))]}")
        }
        let databaseText = strings.format("data.database_text", ["file": SQLiteDatabaseWriter.fileName])
        entries.append(
            "    {\"path\": \(JSON.string(SQLiteDatabaseWriter.fileName)), \"format\": \"sqlite\", \"mediatype\": \"application/vnd.sqlite3\", "
                + "\"title\": \(JSON.string(strings.text("data.database_heading"))), \"description\": \(JSON.string(databaseText))}")
        return "\"vigie:other_formats\": [\n" + entries.joined(separator: ",\n") + "\n  ],\n  "
    }

    /// `"vigie:translations": {"en": {"title": …, "description": …}},` of the package, on a line of its
    /// own, or nothing for a site of one language.
    static func packageTranslations(_ translations: [(language: String, labels: Labels)]) -> String {
        guard !translations.isEmpty else { return "" }
        let entries = translations.map { translation in
            let strings = translation.labels.strings
            let description = strings.text("datapackage.description") + " " + strings.text("datapackage.total_key")
            return "\(JSON.string(translation.language)): {\"title\": \(JSON.string(strings.text("datapackage.title"))), "
                + "\"description\": \(JSON.string(description))}"
        }
        return "\n  \"vigie:translations\": {\(entries.joined(separator: ", "))},"
    }
}
