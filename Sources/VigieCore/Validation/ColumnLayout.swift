import Foundation

// Maps a case file's header to the SPEC's columns; column order is free, unknown columns are errors.

struct ColumnLayout {
    /// Field index of each known column present in the header.
    var index: [CaseColumn: Int] = [:]
    var unknownColumns: [Int] = []
    var headerFields: [CSVField]

    init?(header: CSVRecord, reader: CSVReader, into diagnostics: inout [Diagnostic]) {
        headerFields = header.fields
        let known = CaseColumn.allCases.map(\.rawValue)
        for (i, field) in header.fields.enumerated() {
            let name = reader.string(field).trimmingCharacters(in: .whitespaces)
            if let column = CaseColumn(rawValue: name) {
                if index[column] != nil {
                    diagnostics.append(.error("column '\(name)' appears twice in the header", at: reader.location(of: field)))
                } else {
                    index[column] = i
                }
            } else {
                unknownColumns.append(i)
                var message: String
                if IdentifierGuard.detect(name) != nil || !CellPreview.isHarmless(name.lowercased()) {
                    message = "unknown column (name not shown)"
                } else {
                    message = "unknown column '\(name)'"
                }
                if let suggestion = Vocabulary(name: "columns", keys: known).suggestion(for: name) {
                    message += "; did you mean '\(suggestion)'?"
                } else {
                    message += "; an anonymised case file may only hold the columns \(known.joined(separator: ", "))"
                }
                diagnostics.append(.error(message, at: reader.location(of: field)))
            }
        }
        let missing = CaseColumn.allCases.filter { $0.isRequired && index[$0] == nil }
        if !missing.isEmpty {
            let names = missing.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            diagnostics.append(.error("missing required column\(missing.count > 1 ? "s" : "") \(names) in the header", at: SourceLocation(path: reader.path, line: header.line, column: 1)))
        }
        // With unknown columns the rows are still checked (and screened for identifiers); without a
        // required column they cannot be.
        if !missing.isEmpty { return nil }
    }
}
