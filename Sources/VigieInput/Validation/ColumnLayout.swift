// Maps a case file's header to the SPEC's columns; column order is free, unknown columns are errors.

import VigieSupport

/// Where each known column is in a case file's records, from its header line.
struct ColumnLayout {
    /// Field index of each known column present in the header (its first occurrence).
    private(set) var index: [CaseColumn: Int] = [:]
    /// `index` as an array by `CaseColumn.ordinal` (-1: absent). Hashing (`Hasher` seeded per lookup)
    /// was 17 % of validating 1 M rows; with the byte tables for vocabularies and case_ids, validate
    /// went from 8.2 s to 3.7–4.1 s on 1 M synthetic cases.
    private var fieldByOrdinal: [Int] = Array(repeating: -1, count: CaseColumn.allCases.count)

    /// Field index of a known column, or nil when the header lacks it.
    func field(of column: CaseColumn) -> Int? {
        let field = fieldByOrdinal[column.ordinal]
        return field < 0 ? nil : field
    }
    /// Fields no rule reads (unknown, duplicate or unnamed columns): still screened for identifiers.
    private(set) var extraColumns: [Int] = []
    let headerFields: [CSVField]
    /// False when a required column is missing: rows can then only be screened, not validated.
    private(set) var isComplete = false

    var fieldCount: Int { headerFields.count }

    init(header: CSVRecord, reader: CSVReader, into diagnostics: inout [Diagnostic]) {
        headerFields = header.fields
        let names = header.fields.map { reader.string($0).trimmingCharacters(in: .whitespaces) }
        let known = CaseColumn.allCases.map(\.rawValue)
        let headerStart = SourceLocation(path: reader.path, line: header.line, column: 1)
        guard names.contains(where: { CaseColumn(rawValue: $0) != nil }) else {
            // Probably a data row or another file: do not echo its cells, but still screen them.
            extraColumns = Array(header.fields.indices)
            diagnostics.append(
                .error(
                    "the first line is not a header: it names none of the case columns; start the file with the line \(known.joined(separator: ","))",
                    at: headerStart))
            for field in header.fields {
                if let leak = IdentifierGuard.screen(field, reader: reader, place: "the first line") { diagnostics.append(leak) }
            }
            return
        }
        for (i, (field, name)) in zip(header.fields, names).enumerated() {
            let location = reader.location(of: field)
            if let column = CaseColumn(rawValue: name) {
                if let first = index[column] {
                    extraColumns.append(i)
                    diagnostics.append(
                        .error(
                            "column '\(name)' appears twice in the header (first as field \(first + 1)); delete one of them", at: location))
                } else {
                    index[column] = i
                }
                continue
            }
            extraColumns.append(i)
            if name.isEmpty {
                let delimiter = Character(UnicodeScalar(reader.delimiter))
                diagnostics.append(
                    .error("empty column name in the header; name the column or delete the extra '\(delimiter)'", at: location))
            } else if let kind = IdentifierGuard.detect(name) {
                diagnostics.append(
                    .error(
                        "the header holds what looks like \(kind.rawValue) (value masked) instead of a column name; case files must be anonymised",
                        at: location))
            } else {
                diagnostics.append(.error(Self.unknownColumnMessage(name, known: known), at: location))
            }
        }
        for (column, field) in index { fieldByOrdinal[column.ordinal] = field }
        let missing = CaseColumn.allCases.filter { $0.isRequired && index[$0] == nil }
        isComplete = missing.isEmpty
        if !missing.isEmpty {
            let list = missing.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            let noun = missing.count > 1 ? "columns" : "column"
            diagnostics.append(
                .error(
                    "missing required \(noun) \(list) in the header; rows are only screened for identifiers until it is added",
                    at: headerStart))
        }
    }

    private static func unknownColumnMessage(_ name: String, known: [String]) -> String {
        let suggestion = Vocabulary(name: "columns", keys: known).suggestion(for: name)
        let shown =
            CellPreview.quotedColumnName(name, nearKey: suggestion != nil).map { "unknown column \($0)" }
            ?? "unknown column (name of \(name.count) characters not shown)"
        if let suggestion { return "\(shown); did you mean '\(suggestion)'?" }
        return "\(shown); an anonymised case file may only hold the columns \(known.joined(separator: ", "))"
    }

    /// How a diagnostic names the cell at `fieldIndex`: `column 'sector'`, or `field 13` for a column no rule reads.
    func place(ofField fieldIndex: Int) -> String {
        if let column = index.first(where: { $0.value == fieldIndex })?.key { return "column '\(column.rawValue)'" }
        return "field \(fieldIndex + 1)"
    }
}
