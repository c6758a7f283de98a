// Rebuilds the protected tables of a stored release from its frozen CSV files and withheld.csv.

import VigieDisclosure
import VigieInput
import VigieStatistics
import VigieSupport

/// Reads the tables of a release back as `StatTable`s, with the columns and kinds that
/// `StatisticsCalculator` gives them: an empty value listed in withheld.csv is a withheld cell.
enum ReleaseTableReader {
    static func read(
        files: [(path: String, bytes: [UInt8])], folder: String, date: Day, threshold: Int, format: Int, config: SiteConfig,
        into diagnostics: inout [Diagnostic]
    ) -> ProtectedStatistics? {
        let bytes = Dictionary(files.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
        let before = diagnostics.count
        guard let withheldBytes = bytes[StoredRelease.withheldName] else { return nil }
        let withheldPath = folder + "/" + StoredRelease.withheldName
        var withheld: [String: (status: Withholding, line: Int)] = [:]
        let withheldRecords = records(withheldBytes, path: withheldPath, header: StoredRelease.withheldHeader, into: &diagnostics)
        for (line, fields) in withheldRecords {
            guard let table = TableID(rawValue: fields[0]), let status = Withholding(rawValue: fields[3]) else {
                diagnostics.append(
                    .error(
                        "expected a table name and a status primary, primary_masked, secondary or small_group",
                        at: SourceLocation(path: withheldPath, line: line, column: 1)))
                continue
            }
            withheld[cellKey(table, fields[1], fields[2])] = (status, line)
        }
        // Columns and kinds as the calculator makes them, whatever today's cases hold, as the release's
        // format held them (a format-2 days_to_stage has no quartiles).
        let prototypes = StatisticsCalculator.compute(cases: [], config: config, asOf: date).tables
        var tables: [TableID: StatTable] = [:]
        var used: Set<String> = []
        for id in TableID.allCases {
            guard let prototype = prototypes[id]?.asHeld(inFormat: format), bytes["donnees/\(id.rawValue).csv"] != nil else { continue }
            let columns = prototype.columns
            var table = StatTable(id: id, columns: columns)
            let keyColumns = columns.indices.filter { if case .key = columns[$0].kind { return true } else { return false } }
            for part in parts(of: prototype, format: format) {
                guard let csv = bytes[part.path] else { continue }
                let csvPath = folder + "/" + part.path
                // Where each prototype column is in the file; nil for the totalled key, not in a totals file.
                let place = columns.indices.map { c in c == part.totalledKey ? nil : part.header.firstIndex(of: columns[c].name)! }
                for (line, fields) in records(csv, path: csvPath, header: part.header, into: &diagnostics) {
                    let field: (Int) -> (text: String, column: Int) = { c in place[c].map { (fields[$0], $0 + 1) } ?? ("total", 1) }
                    let keys = keyColumns.map { field($0).text }.joined(separator: "|")
                    var row: [TableCell] = []
                    for (c, column) in columns.enumerated() {
                        let (text, fileColumn) = field(c)
                        let at = SourceLocation(path: csvPath, line: line, column: fileColumn)
                        let key = cellKey(id, keys, column.name)
                        if text.isEmpty, case .key = column.kind {
                            diagnostics.append(.error("empty key in column '\(column.name)'", at: at))
                            row.append(.empty)
                        } else if text.isEmpty, column.kind != .suppressedFlag {
                            if let entry = withheld[key] {
                                used.insert(key)
                                row.append(.withheld(entry.status))
                            } else if column.kind == .count {
                                diagnostics.append(.error("empty count in column '\(column.name)' that withheld.csv does not list", at: at))
                                row.append(.empty)
                            } else {
                                row.append(.empty)
                            }
                        } else {
                            row.append(cell(text, column: column, format: format, at: at, into: &diagnostics))
                        }
                    }
                    table.rows.append(row)
                }
            }
            tables[id] = table
        }
        for (key, entry) in withheld.sorted(by: { $0.value.line < $1.value.line }) where !used.contains(key) {
            diagnostics.append(
                .error(
                    "withheld.csv lists a cell that is not an empty value of its table",
                    at: SourceLocation(path: withheldPath, line: entry.line, column: 1)))
        }
        guard diagnostics.count == before else { return nil }
        let ordered = TableID.allCases.compactMap { tables[$0] }
        let reported = tables[.mediationFunnel]?.cell(keys: ["reported"], column: "cases")?.count ?? 0
        return ProtectedStatistics(
            asOf: date, threshold: threshold, tables: tables, caseCount: reported, report: SuppressionReport(tables: ordered))
    }

    /// The files that hold a table in a release of `format`, each with its header: one file in format 1;
    /// in format 2 the detail rows, then the totals without the key column they total over.
    private static func parts(of prototype: StatTable, format: Int) -> [(path: String, header: [String], totalledKey: Int?)] {
        let name = prototype.id.rawValue
        guard format >= 2 else { return [("donnees/\(name).csv", prototype.columns.map(\.name), nil)] }
        let detail = PublishedTable(source: prototype, rows: [], droppingColumn: nil)
        var parts = [("donnees/\(name).csv", detail.columns.map(\.name), Int?.none)]
        if OpenDataContract.tablesWithTotals.contains(prototype.id),
            let key = prototype.columns.firstIndex(where: { if case .key = $0.kind { return true } else { return false } })
        {
            let totals = PublishedTable(source: prototype, rows: [], droppingColumn: key)
            parts.append(("donnees/\(totals.name).csv", totals.columns.map(\.name), key))
        }
        return parts
    }

    /// A published value read back as the calculator's cell (a share published in percent from format 2).
    private static func cell(_ text: String, column: TableColumn, format: Int, at: SourceLocation, into diagnostics: inout [Diagnostic])
        -> TableCell
    {
        switch column.kind {
        case .key: return .key(text)
        case .count:
            if let value = Int(text), value >= 0 { return .count(value) }
            diagnostics.append(.error("expected a count in column '\(column.name)'", at: at))
            return .empty
        case let .measure(unit):
            guard let value = Double(text) else {
                diagnostics.append(.error("expected a number in column '\(column.name)'", at: at))
                return .empty
            }
            if unit == "share" { return .measure(format >= 2 ? value / 100 : value, decimals: 3) }
            return .measure(value, decimals: 1)
        case .suppressedFlag:
            if text == "true" || text == "false" { return .flag(text == "true") }
            diagnostics.append(.error("expected true or false in column '\(column.name)'", at: at))
            return .flag(false)
        case .identifier, .text, .date, .integer, .status:
            // Only the commitments table has these, and it is not a statistics table.
            return .text(text)
        }
    }

    private static func cellKey(_ table: TableID, _ keys: String, _ column: String) -> String {
        table.rawValue + "\u{1F}" + keys + "\u{1F}" + column
    }

    /// The records after the header, as (line, fields); a wrong header or field count is an error.
    private static func records(_ bytes: [UInt8], path: String, header: [String], into diagnostics: inout [Diagnostic]) -> [(Int, [String])]
    {
        var reader = CSVReader(bytes: bytes, path: path)
        guard let first = reader.next(diagnostics: &diagnostics) else {
            diagnostics.append(
                .error(
                    "empty file; expected the header \(header.joined(separator: ","))", at: SourceLocation(path: path, line: 1, column: 1)))
            return []
        }
        guard first.fields.map(reader.string) == header else {
            diagnostics.append(
                .error("expected the header \(header.joined(separator: ","))", at: SourceLocation(path: path, line: first.line, column: 1)))
            return []
        }
        var out: [(Int, [String])] = []
        while let record = reader.next(diagnostics: &diagnostics) {
            guard record.fields.count == header.count else {
                diagnostics.append(
                    .error(
                        "expected \(header.count) fields, found \(record.fields.count)",
                        at: SourceLocation(path: path, line: record.line, column: 1)))
                continue
            }
            out.append((record.line, record.fields.map(reader.string)))
        }
        return out
    }
}
