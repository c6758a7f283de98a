// Rebuilds the protected tables of a stored release from its frozen CSV files and withheld.csv.

/// Reads the tables of a release back as `StatTable`s, with the columns and kinds that
/// `StatisticsCalculator` gives them: an empty value listed in withheld.csv is a withheld cell.
enum ReleaseTableReader {
    static func read(
        files: [(path: String, bytes: [UInt8])], folder: String, date: Day, threshold: Int, config: SiteConfig,
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
                    .error("expected a table name and a status primary, primary_masked, secondary or small_group", at: SourceLocation(path: withheldPath, line: line, column: 1)))
                continue
            }
            withheld[cellKey(table, fields[1], fields[2])] = (status, line)
        }
        // Columns and kinds as the calculator makes them, whatever today's cases hold.
        let prototypes = StatisticsCalculator.compute(cases: [], config: config, asOf: date).tables
        var tables: [TableID: StatTable] = [:]
        var used: Set<String> = []
        for id in TableID.allCases {
            let path = "donnees/\(id.rawValue).csv"
            guard let csv = bytes[path], let prototype = prototypes[id] else { continue }
            let csvPath = folder + "/" + path
            let columns = prototype.columns
            var table = StatTable(id: id, columns: columns)
            let keyColumns = columns.indices.filter { if case .key = columns[$0].kind { return true } else { return false } }
            for (line, fields) in records(csv, path: csvPath, header: columns.map(\.name), into: &diagnostics) {
                let keys = keyColumns.map { fields[$0] }.joined(separator: "|")
                var row: [TableCell] = []
                for (c, column) in columns.enumerated() {
                    let text = fields[c]
                    let at = SourceLocation(path: csvPath, line: line, column: c + 1)
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
                        switch column.kind {
                        case .key: row.append(.key(text))
                        case .count:
                            if let value = Int(text), value >= 0 { row.append(.count(value)) } else {
                                diagnostics.append(.error("expected a count in column '\(column.name)'", at: at))
                                row.append(.empty)
                            }
                        case let .measure(unit):
                            if let value = Double(text) { row.append(.measure(value, decimals: unit == "share" ? 3 : 1)) } else {
                                diagnostics.append(.error("expected a number in column '\(column.name)'", at: at))
                                row.append(.empty)
                            }
                        case .suppressedFlag:
                            if text == "true" || text == "false" { row.append(.flag(text == "true")) } else {
                                diagnostics.append(.error("expected true or false in column '\(column.name)'", at: at))
                                row.append(.flag(false))
                            }
                        case .identifier, .text, .date, .integer:
                            // Only the commitments table has these, and it is not a statistics table.
                            row.append(.text(text))
                        }
                    }
                }
                table.rows.append(row)
            }
            tables[id] = table
        }
        for (key, entry) in withheld.sorted(by: { $0.value.line < $1.value.line }) where !used.contains(key) {
            diagnostics.append(
                .error("withheld.csv lists a cell that is not an empty value of its table", at: SourceLocation(path: withheldPath, line: entry.line, column: 1)))
        }
        guard diagnostics.count == before else { return nil }
        let ordered = TableID.allCases.compactMap { tables[$0] }
        let reported = tables[.mediationFunnel]?.cell(keys: ["reported"], column: "cases")?.count ?? 0
        return ProtectedStatistics(asOf: date, threshold: threshold, tables: tables, caseCount: reported, report: SuppressionReport(tables: ordered))
    }

    private static func cellKey(_ table: TableID, _ keys: String, _ column: String) -> String {
        table.rawValue + "\u{1F}" + keys + "\u{1F}" + column
    }

    /// The records after the header, as (line, fields); a wrong header or field count is an error.
    private static func records(_ bytes: [UInt8], path: String, header: [String], into diagnostics: inout [Diagnostic]) -> [(Int, [String])] {
        var reader = CSVReader(bytes: bytes, path: path)
        guard let first = reader.next(diagnostics: &diagnostics) else {
            diagnostics.append(.error("empty file; expected the header \(header.joined(separator: ","))", at: SourceLocation(path: path, line: 1, column: 1)))
            return []
        }
        guard first.fields.map(reader.string) == header else {
            diagnostics.append(.error("expected the header \(header.joined(separator: ","))", at: SourceLocation(path: path, line: first.line, column: 1)))
            return []
        }
        var out: [(Int, [String])] = []
        while let record = reader.next(diagnostics: &diagnostics) {
            guard record.fields.count == header.count else {
                diagnostics.append(
                    .error("expected \(header.count) fields, found \(record.fields.count)", at: SourceLocation(path: path, line: record.line, column: 1)))
                continue
            }
            out.append((record.line, record.fields.map(reader.string)))
        }
        return out
    }
}
