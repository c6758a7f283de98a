// /donnees/<table>.ods: one table as an OpenDocument spreadsheet (the format the French
// interoperability framework recommends), for readers who open figures in LibreOffice or Excel:
// French headers, numbers as numbers, withheld cells shown as the pages show them, and a sheet of
// definitions. The ZIP container is written by ZIPFoundation, deterministically.

import Foundation
import VigieInput
import VigieReleases
import VigieStatistics
import VigieSupport
import ZIPFoundation

public enum SpreadsheetWriter {
    /// `cases_by_platform.ods`.
    public static func fileName(_ id: TableID) -> String { id.rawValue + ".ods" }

    /// The spreadsheet of `table`: a sheet of its detail rows, a sheet of its totals when it has
    /// some (`OpenDataContract.resources`), then a sheet of definitions.
    ///
    /// Nothing withheld is in it: a withheld cell is the text the pages show (`< 5`, `masqué`,
    /// `n. p.`), never its value, because the cells come from the protected table alone.
    public static func write(_ table: StatTable, labels: Labels) -> [UInt8] {
        let strings = labels.strings
        let resources = OpenDataContract.resources(of: table)
        var sheets: [(name: String, rows: [[Cell]])] = []
        for resource in resources {
            let name = strings.text(resource.isTotals ? "data.spreadsheet.totals_sheet" : "data.spreadsheet.table_sheet")
            sheets.append((name, rows(of: resource, labels: labels)))
        }
        sheets.append((strings.text("data.spreadsheet.definitions_sheet"), definitions(of: table, resources: resources, labels: labels)))
        let title = strings.text("tables.\(table.id.rawValue).title")
        return OpenDocumentPackage.spreadsheet(
            content: content(sheets), meta: meta(title: title, date: labels.config.publicationDate), date: labels.config.publicationDate)
    }

    /// A cell of a sheet: a number (`office:value`), a date or a text.
    enum Cell: Equatable {
        case number(String)
        case date(String)
        case text(String)
    }

    /// The columns a reader sees: the values and keys, not the status columns nor the `suppressed`
    /// flag (a withheld cell shows its label instead).
    static func shownColumns(_ table: PublishedTable) -> [Int] {
        table.columns.indices.filter { table.columns[$0].kind != .status && table.columns[$0].kind != .suppressedFlag }
    }

    static func rows(of table: PublishedTable, labels: Labels) -> [[Cell]] {
        let shown = shownColumns(table)
        var out: [[Cell]] = [shown.map { .text(PublishedColumnText(table.columns[$0], labels: labels).header) }]
        for row in table.rows {
            out.append(
                shown.map { c in
                    let column = table.columns[c]
                    switch row[c] {
                    case .count, .measure:
                        return .number(TableSerializer.plainValue(row[c]) ?? "")
                    case let .date(day):
                        return .date(day.iso)
                    case let .key(key):
                        guard case let .key(vocabulary) = column.kind else { return .text(key) }
                        return .text(labels.cellText(row[c], column: column, vocabulary: vocabulary))
                    case let .text(text):
                        return .text(text)
                    case .withheld, .empty, .flag:
                        return .text(labels.cellText(row[c], column: column, vocabulary: nil))
                    }
                })
        }
        return out
    }

    /// The table's title, definition, unit, publication, threshold, licence and source; each column's
    /// header, name in the CSV and definition; what each marker of a withheld cell means.
    static func definitions(of table: StatTable, resources: [PublishedTable], labels: Labels) -> [[Cell]] {
        let strings = labels.strings
        let config = labels.config
        let id = table.id.rawValue
        let term: (String) -> String = { strings.text("data.spreadsheet.\($0)") }
        var out: [[Cell]] = [
            [.text(term("table")), .text(strings.text("tables.\(id).title"))],
            [.text(term("definition")), .text(strings.tableDefinition(table.id, threshold: config.threshold))],
        ]
        if let unit = strings.optionalText("tables.\(id).unit") { out.append([.text(term("unit")), .text(unit)]) }
        out += [
            [.text(term("publication")), .text(labels.format.date(config.publicationDate))],
            [.text(term("threshold")), .number(String(config.threshold))],
            [.text(term("source")), .text(config.publisher.isEmpty ? config.title : config.publisher)],
            [.text(term("licence")), .text(config.licence + " — " + config.licenceURL)],
            [.text(term("csv")), .text(resources.map { $0.name + ".csv" }.joined(separator: ", "))],
            [],
            [.text(term("column_header")), .text(term("column_name")), .text(term("column_definition"))],
        ]
        var seen: Set<String> = []
        for resource in resources {
            for c in shownColumns(resource) where seen.insert(resource.columns[c].name).inserted {
                let column = resource.columns[c]
                let text = PublishedColumnText(column, labels: labels)
                out.append([.text(text.header), .text(column.name), .text(text.definition)])
            }
        }
        out += [[], [.text(term("marker")), .text(term("marker_meaning"))]]
        let k = String(config.threshold)
        let markers: [(String, OpenDataContract.CellStatus)] = [
            (labels.withheldText(.primary), .belowThreshold), (labels.withheldText(.secondary), .masked),
            (labels.withheldText(.smallGroup), .smallGroup), (strings.text("statistics.empty_value"), .noValue),
        ]
        for (marker, status) in markers {
            out.append([.text(marker), .text(strings.format("datapackage.status_\(status.rawValue)", ["k": k]))])
        }
        return out
    }

    /// content.xml: the sheets, each row of typed cells.
    static func content(_ sheets: [(name: String, rows: [[Cell]])]) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
            xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
            xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">
            <office:body><office:spreadsheet>

            """
        for sheet in sheets {
            out += "<table:table table:name=\"\(XML.escape(sheet.name))\">\n"
            for row in sheet.rows {
                out += "<table:table-row>"
                if row.isEmpty { out += "<table:table-cell/>" }
                for cell in row {
                    switch cell {
                    case let .number(value):
                        out +=
                            "<table:table-cell office:value-type=\"float\" office:value=\"\(value)\"><text:p>\(value)</text:p></table:table-cell>"
                    case let .date(value):
                        out +=
                            "<table:table-cell office:value-type=\"date\" office:date-value=\"\(value)\"><text:p>\(value)</text:p></table:table-cell>"
                    case let .text(value):
                        out += "<table:table-cell office:value-type=\"string\"><text:p>\(XML.escape(value))</text:p></table:table-cell>"
                    }
                }
                out += "</table:table-row>\n"
            }
            out += "</table:table>\n"
        }
        out += "</office:spreadsheet></office:body></office:document-content>\n"
        return out
    }

    /// meta.xml: the title and the publication date (never the build time).
    static func meta(title: String, date: Day) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3">
        <office:meta><dc:title>\(XML.escape(title))</dc:title><meta:creation-date>\(date.iso)T00:00:00</meta:creation-date>\
        <dc:date>\(date.iso)T00:00:00</dc:date></office:meta>
        </office:document-meta>

        """
    }
}
