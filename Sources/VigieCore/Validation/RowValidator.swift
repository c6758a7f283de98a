import Foundation

// Checks the cells of one case record against their column's rule, collecting located errors.

/// Typed access to one record's cells; every accessor validates and records its own errors.
struct RowValidator {
    let record: CSVRecord
    let layout: ColumnLayout
    let reader: CSVReader
    let config: SiteConfig
    private(set) var diagnostics: [Diagnostic] = []
    private var failedColumns: Set<CaseColumn> = []

    init(record: CSVRecord, layout: ColumnLayout, reader: CSVReader, config: SiteConfig) {
        self.record = record
        self.layout = layout
        self.reader = reader
        self.config = config
    }

    var hasErrors: Bool { !diagnostics.isEmpty }

    func failed(_ column: CaseColumn) -> Bool { failedColumns.contains(column) }

    /// Records an error at a column's cell (or at `fallback`'s cell when the column is absent).
    mutating func error(_ column: CaseColumn, _ message: String, fallback: CaseColumn? = nil) {
        failedColumns.insert(column)
        let fieldIndex = layout.index[column] ?? fallback.flatMap { layout.index[$0] }
        let location: SourceLocation
        if let fieldIndex {
            location = reader.location(of: record.fields[fieldIndex])
        } else {
            location = SourceLocation(path: reader.path, line: record.line, column: 1)
        }
        diagnostics.append(.error(message, at: location))
    }

    /// The cell's text after the anonymity guard; nil (with a masked error) when it holds an identifier.
    mutating func screenedText(fieldIndex: Int) -> String? {
        let field = record.fields[fieldIndex]
        let bytes = reader.bytes[field.range]
        let text = reader.string(field)
        if IdentifierGuard.mayContainIdentifier(bytes), let kind = IdentifierGuard.detect(text) {
            let name = reader.string(layout.headerFields[fieldIndex])
            let columnName = CaseColumn(rawValue: name) != nil ? "'\(name)'" : "this column"
            diagnostics.append(.error("cell in \(columnName) looks like \(kind.rawValue) (value masked); case files must be anonymised: remove it and export again", at: reader.location(of: field)))
            if let column = CaseColumn(rawValue: name) { failedColumns.insert(column) }
            return nil
        }
        return text
    }

    /// The trimmed text of a known column, or nil when the column is absent or the cell was refused.
    mutating func text(_ column: CaseColumn) -> String? {
        guard let index = layout.index[column] else { return nil }
        return screenedText(fieldIndex: index)?.trimmingCharacters(in: .whitespaces)
    }

    mutating func day(_ column: CaseColumn, required: Bool) -> Day? {
        guard let text = text(column) else { return nil }
        if text.isEmpty {
            if required { error(column, "\(column.rawValue) is empty; expected a date YYYY-MM-DD") }
            return nil
        }
        guard let day = Day(iso: text) else {
            var message = "expected a date YYYY-MM-DD in \(column.rawValue), found \(CellPreview.quoted(text))"
            if let rewritten = Self.rewriteFrenchDate(text) { message += "; did you mean '\(rewritten)'?" }
            error(column, message)
            return nil
        }
        return day
    }

    /// `30/11/2018` → `2018-11-30`, the most common spreadsheet mistake.
    static func rewriteFrenchDate(_ text: String) -> String? {
        let parts = text.split(separator: "/")
        guard parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]), y > 1900,
            let day = Day(year: y, month: m, day: d)
        else { return nil }
        return day.iso
    }

    mutating func key(_ column: CaseColumn, in vocabulary: Vocabulary) -> Int? {
        guard let text = text(column) else { return nil }
        return lookUp(text, column: column, in: vocabulary)
    }

    mutating func optionalKey(_ column: CaseColumn, in vocabulary: Vocabulary) -> Int? {
        guard let text = text(column), !text.isEmpty else { return nil }
        return lookUp(text, column: column, in: vocabulary)
    }

    private mutating func lookUp(_ text: String, column: CaseColumn, in vocabulary: Vocabulary) -> Int? {
        if let index = vocabulary.index(of: text) { return index }
        if text.isEmpty {
            error(column, "\(column.rawValue) is empty; expected one of the \(vocabulary.name) keys: \(vocabulary.keys.joined(separator: ", "))")
            return nil
        }
        var message = "unknown \(column.rawValue) \(CellPreview.quoted(text))"
        if let suggestion = vocabulary.suggestion(for: text) {
            message += "; did you mean '\(suggestion)'?"
        } else {
            message += "; expected one of: \(vocabulary.keys.joined(separator: ", ")) (or declare it under vocabularies.\(vocabulary.name) in site.yaml)"
        }
        error(column, message)
        return nil
    }

    mutating func issueSet() -> UInt64? {
        guard let text = text(.issues) else { return nil }
        let parts = text.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard !text.isEmpty else {
            error(.issues, "issues is empty; expected one or more issue keys joined by '|', e.g. delisting|no_customer_service")
            return nil
        }
        var set: UInt64 = 0
        var ok = true
        for part in parts {
            if part.isEmpty {
                error(.issues, "empty issue in the list; join issue keys with a single '|' and no '|' at the ends")
                ok = false
                continue
            }
            guard let index = lookUp(part, column: .issues, in: config.issues) else { ok = false; continue }
            if set & (1 << UInt64(index)) != 0 {
                error(.issues, "issue '\(part)' is listed twice")
                ok = false
            }
            set |= 1 << UInt64(index)
        }
        return ok ? set : nil
    }

    mutating func enumValue<E: RawRepresentable & CaseIterable>(_ column: CaseColumn, _ type: E.Type, hint: String) -> E? where E.RawValue == String {
        guard let text = text(column) else { return nil }
        if let value = E(rawValue: text) { return value }
        var message = "unknown \(column.rawValue) \(text.isEmpty ? "(empty)" : CellPreview.quoted(text)); expected \(hint)"
        if !text.isEmpty, let suggestion = Vocabulary(name: column.rawValue, keys: E.allCases.map(\.rawValue)).suggestion(for: text) {
            message += "; did you mean '\(suggestion)'?"
        }
        error(column, message)
        return nil
    }

    /// A number from 0 to 100, with `.` or `,` as decimal separator; empty means unknown.
    mutating func percentage(_ column: CaseColumn) -> Double? {
        guard let text = text(column), !text.isEmpty else { return nil }
        var normalized = text.replacingOccurrences(of: ",", with: ".")
        if normalized.hasSuffix("%") { normalized = String(normalized.dropLast()).trimmingCharacters(in: .whitespaces) }
        let valid = !normalized.isEmpty && normalized.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: ".") }
            && normalized.utf8.filter { $0 == UInt8(ascii: ".") }.count <= 1
        guard valid, let value = Double(normalized), value.isFinite else {
            error(column, "expected revenue_loss_pct to be a number from 0 to 100 (e.g. 12.5), found \(CellPreview.quoted(text))")
            return nil
        }
        guard (0...100).contains(value) else {
            error(column, "revenue_loss_pct must be from 0 to 100, found \(CellPreview.quoted(text))")
            return nil
        }
        return value
    }
}
