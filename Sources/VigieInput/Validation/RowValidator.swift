// Checks the cells of one case record against their column's rule, collecting located errors.

import Foundation
import VigieSupport

/// Typed access to one record's cells; every accessor validates and records its own errors.
struct RowValidator {
    private(set) var record: CSVRecord
    let layout: ColumnLayout
    let reader: CSVReader
    private(set) var diagnostics: [Diagnostic] = []
    private var failedColumns: Set<CaseColumn> = []

    // No `SiteConfig` here: copying it into each row retained and released its twenty-odd
    // references, 14 % of the samples at 1 M rows; the vocabularies are passed to the rules that use
    // them (validate 1.95 s to 1.55 s on 1 M cases).
    init(record: CSVRecord, layout: ColumnLayout, reader: CSVReader) {
        self.record = record
        self.layout = layout
        self.reader = reader
    }

    /// Moves on to the next record of the same file. One validator serves a whole chunk: building
    /// one per row copied the layout and the reader in, retaining and releasing their buffers —
    /// shared by the threads of the two chunks, so every count bounced between the cores: 20 % of
    /// the samples of validating 1 M rows.
    /// The record is swapped in rather than copied, so `record` comes back holding the previous
    /// row's fields, unshared, for the reader to refill without allocating.
    mutating func start(swapping record: inout CSVRecord) {
        swap(&self.record, &record)
        diagnostics.removeAll(keepingCapacity: true)
        failedColumns.removeAll(keepingCapacity: true)
    }

    var hasErrors: Bool { !diagnostics.isEmpty }

    func failed(_ column: CaseColumn) -> Bool { failedColumns.contains(column) }

    /// Records an error at a column's cell (or at `fallback`'s cell when the column is absent).
    mutating func error(_ column: CaseColumn, _ message: String, fallback: CaseColumn? = nil) {
        failedColumns.insert(column)
        let fieldIndex = layout.field(of: column) ?? fallback.flatMap { layout.field(of: $0) }
        let location =
            fieldIndex.map { reader.location(of: record.fields[$0]) }
            ?? SourceLocation(path: reader.path, line: record.line, column: 1)
        diagnostics.append(.error(message, at: location))
    }

    /// The cell's text after the anonymity guard; nil (with a masked error) when it holds an identifier.
    mutating func screenedText(fieldIndex: Int) -> String? {
        let field = record.fields[fieldIndex]
        if let leak = IdentifierGuard.screen(field, reader: reader, place: layout.place(ofField: fieldIndex)) {
            diagnostics.append(leak)
            if let column = layout.index.first(where: { $0.value == fieldIndex })?.key { failedColumns.insert(column) }
            return nil
        }
        return reader.string(field)
    }

    /// The trimmed text of a known column, or nil when the column is absent or the cell was refused.
    mutating func text(_ column: CaseColumn) -> String? {
        guard let index = layout.field(of: column), let text = screenedText(fieldIndex: index) else { return nil }
        // `trimmed`'s test, on the file's bytes at the ends of the cell (the same bytes: collapsing
        // doubled quotes never changes a blank end); `String.utf8.first` and `last` were 3 % of
        // validating 1 M rows.
        guard hasBlankEnd(record.fields[index].range) else { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// The byte range of a known column's cell when those bytes are exactly what `text(_:)` would
    /// return: no doubled quotes, no space or tab at either end, nothing for the anonymity guard to
    /// look at. Nil sends the caller to the `String` path, which screens, trims and reports as ever;
    /// a fast path only ever accepts a value the `String` path would accept as the same.
    private func plainCell(_ column: CaseColumn) -> Range<Int>? {
        guard let range = unscreenedCell(column) else { return nil }
        return withBytes(range) { IdentifierGuard.mayContainIdentifier($0) } ? nil : range
    }

    /// `plainCell` before the anonymity guard: for a fast path that only accepts bytes the guard
    /// is known to pass (a vocabulary key that does, a date, a short number), skipping a scan of
    /// most cells of a row (validate 1 M cases 0.59 s to 0.56 s).
    private func unscreenedCell(_ column: CaseColumn) -> Range<Int>? {
        guard let index = layout.field(of: column) else { return nil }
        let field = record.fields[index]
        guard !field.hasEscapedQuotes else { return nil }
        return hasBlankEnd(field.range) ? nil : field.range
    }

    /// True when the cell's first or last byte is blank.
    private func hasBlankEnd(_ range: Range<Int>) -> Bool {
        guard let first = range.first else { return false }
        return Self.isBlank(reader.bytes[first]) || Self.isBlank(reader.bytes[range.upperBound - 1])
    }

    private func withBytes<R>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        reader.bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// A space or a tab: what cells are trimmed of, and all a blank row of a spreadsheet holds.
    static func isBlank(_ c: UInt8) -> Bool { c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") }

    /// The text without surrounding spaces and tabs; most cells have none, and checking the two ends
    /// first skips Foundation's trimming on them.
    static func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last, isBlank(first) || isBlank(last) else { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    mutating func day(_ column: CaseColumn, required: Bool) -> Day? {
        // A date `YYYY-MM-DD` has 8 digits and none of the guard's signs: it always passes.
        if let cell = unscreenedCell(column) {
            if cell.isEmpty && !required { return nil }
            if let day = withBytes(cell, { Day(isoBytes: $0) }) { return day }
        }
        guard let text = text(column) else { return nil }
        if text.isEmpty {
            if required { error(column, "\(column.rawValue) is empty; expected a date YYYY-MM-DD") }
            return nil
        }
        if let day = Day(iso: text) { return day }
        if Day.isImpossibleISO(text) {
            error(column, "\(column.rawValue) '\(text)' is not a day of the calendar; check the month and the day")
            return nil
        }
        var message = "expected a date YYYY-MM-DD in \(column.rawValue), found \(CellPreview.quoted(text))"
        if let meant = Day.suggestion(forMistyped: text) {
            message += "; did you mean '\(meant)'?"
            if !text.contains(where: { !$0.isNumber }) {
                message += " (a spreadsheet wrote the date as a number: format the column as text)"
            }
        }
        error(column, message)
        return nil
    }

    mutating func key(_ column: CaseColumn, in vocabulary: Vocabulary) -> Int? {
        if let cell = unscreenedCell(column), let index = withBytes(cell, { vocabulary.indexOfScreenedKey(bytes: $0) }) {
            return index
        }
        guard let text = text(column) else { return nil }
        return lookUp(text, column: column, in: vocabulary)
    }

    mutating func optionalKey(_ column: CaseColumn, in vocabulary: Vocabulary) -> Int? {
        if let cell = unscreenedCell(column) {
            if cell.isEmpty { return nil }
            if let index = withBytes(cell, { vocabulary.indexOfScreenedKey(bytes: $0) }) { return index }
        }
        guard let text = text(column), !text.isEmpty else { return nil }
        return lookUp(text, column: column, in: vocabulary)
    }

    private mutating func lookUp(_ text: String, column: CaseColumn, in vocabulary: Vocabulary, what: String? = nil) -> Int? {
        if let index = vocabulary.index(of: text) { return index }
        let what = what ?? column.rawValue
        if text.isEmpty {
            error(column, "\(what) is empty; expected one of the \(vocabulary.name) keys: \(vocabulary.keys.joined(separator: ", "))")
            return nil
        }
        let suggestion = vocabulary.suggestion(for: text)
        var message = "unknown \(what) \(CellPreview.naming(text, nearKey: suggestion != nil))"
        if let suggestion {
            message += "; did you mean '\(suggestion)'?"
        } else {
            message +=
                "; expected one of: \(vocabulary.keys.joined(separator: ", ")) (or declare it under vocabularies: \(vocabulary.name): in site.yaml)"
        }
        error(column, message)
        return nil
    }

    mutating func issueSet(in issues: Vocabulary) -> UInt64? {
        if let cell = plainCell(.issues), let set = withBytes(cell, { Self.plainIssueSet($0, issues) }) { return set }
        guard let text = text(.issues) else { return nil }
        guard !text.isEmpty else {
            error(.issues, "issues is empty; expected one or more issue keys joined by '|', e.g. delisting|no_customer_service")
            return nil
        }
        // One issue, the most common case: no splitting.
        if !text.utf8.contains(UInt8(ascii: "|")) {
            return lookUp(text, column: .issues, in: issues, what: "issue").map { 1 << UInt64($0) }
        }
        var utf8 = text
        if let set = utf8.withUTF8({ Self.plainIssueSet($0, issues) }) { return set }
        var set: UInt64 = 0
        var ok = true
        for part in text.split(separator: "|", omittingEmptySubsequences: false).map({ Self.trimmed(String($0)) }) {
            if part.isEmpty {
                error(.issues, "empty issue in the list; join issue keys with a single '|' and no '|' at the ends")
                ok = false
                continue
            }
            guard let index = lookUp(part, column: .issues, in: issues, what: "issue") else {
                ok = false
                continue
            }
            if set & (1 << UInt64(index)) != 0 {
                error(.issues, "issue '\(part)' is listed twice")
                ok = false
            }
            set |= 1 << UInt64(index)
        }
        return ok ? set : nil
    }

    /// The set when every part is a key byte for byte, untrimmed and listed once; nil sends the
    /// text through the general loop above, which reports what is wrong. Splitting into Strings was
    /// 19 % of validating 1 M rows.
    private static func plainIssueSet(_ b: UnsafeBufferPointer<UInt8>, _ issues: Vocabulary) -> UInt64? {
        var set: UInt64 = 0
        var start = 0
        for end in 0...b.count where end == b.count || b[end] == UInt8(ascii: "|") {
            let part = UnsafeBufferPointer(rebasing: b[start..<end])
            start = end + 1
            guard let first = part.first, let last = part.last, !isBlank(first), !isBlank(last),
                let index = issues.index(bytes: part), index < 64, set & (1 << UInt64(index)) == 0
            else { return nil }
            set |= 1 << UInt64(index)
        }
        return set
    }

    /// A value of a closed vocabulary; `aliases` map common other names (`tpe`) to the key they mean.
    mutating func enumValue<E>(_ column: CaseColumn, _ vocabulary: ClosedVocabulary<E>) -> E? {
        if let cell = unscreenedCell(column), let value = withBytes(cell, { vocabulary.value(bytes: $0) }) { return value }
        let hint = vocabulary.hint
        guard let text = text(column) else { return nil }
        if let value = E(rawValue: text) { return value }
        if text.isEmpty {
            error(column, "\(column.rawValue) is empty; expected \(hint)")
            return nil
        }
        let suggestion =
            vocabulary.aliases[text.lowercased()] ?? vocabulary.keys.suggestion(for: text)
        var message = "unknown \(column.rawValue) \(CellPreview.naming(text, nearKey: suggestion != nil)); expected \(hint)"
        if let suggestion { message += "; did you mean '\(suggestion)'?" }
        error(column, message)
        return nil
    }

    /// `Double(text)` for digits with at most one `.` between them, 15 digits at most: the digits'
    /// integer divided by a power of ten (both exact in a `Double`) is then correctly rounded, as
    /// `strtod` is (Clinger's fast path). Nil for anything else. `strtod` on a `String` per cell was
    /// 3 % of validating 1 M rows (validate 0.68 s to 0.65 s).
    static func plainDecimal(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        guard !b.isEmpty, b.count <= 16 else { return nil }
        var mantissa: UInt64 = 0
        var digits = 0
        var point = -1
        for i in 0..<b.count {
            let c = b[i]
            if c == UInt8(ascii: ".") {
                guard point < 0, i > 0, i < b.count - 1 else { return nil }
                point = i
                continue
            }
            guard c >= 48, c <= 57 else { return nil }
            mantissa = mantissa * 10 + UInt64(c - 48)
            digits += 1
        }
        guard digits <= 15 else { return nil }
        let decimals = point < 0 ? 0 : b.count - 1 - point
        return decimals == 0 ? Double(mantissa) : Double(mantissa) / Self.powersOfTen[decimals]
    }

    private static let powersOfTen: [Double] = (0...15).map { k in (0..<k).reduce(1.0) { value, _ in value * 10 } }

    /// A number from 0 to 100, with `.` or `,` as decimal separator (French spreadsheets write `12,5`),
    /// an optional `%`; empty means unknown.
    mutating func percentage(_ column: CaseColumn) -> Double? {
        // Fewer than 9 bytes: fewer than the 9 digits the guard looks for, and no other sign of it.
        if let cell = unscreenedCell(column) {
            if cell.isEmpty { return nil }
            if cell.count < 9, let value = withBytes(cell, { Self.plainDecimal($0) }), (0...100).contains(value) { return value }
        }
        guard let text = text(column), !text.isEmpty else { return nil }
        // Fast path for the common plain number (`20`, `38.7`): no Foundation string work.
        if text.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: ".") }), let value = Double(text),
            (0...100).contains(value)
        {
            return value
        }
        var number = text.replacingOccurrences(of: ",", with: ".")
        if number.hasSuffix("%") { number.removeLast() }
        number = number.trimmingCharacters(in: .whitespaces.union(["\u{00A0}", "\u{202F}"]))
        let body = number.hasPrefix("-") ? number.dropFirst() : Substring(number)
        let wellFormed =
            !body.isEmpty && body.filter { $0 == "." }.count <= 1 && body.contains(where: \.isNumber)
            && body.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: ".") }
        guard wellFormed, let value = Double(number) else {
            error(column, "expected revenue_loss_pct to be a number from 0 to 100 such as 12.5 or 12,5, found \(CellPreview.quoted(text))")
            return nil
        }
        guard (0...100).contains(value) else {
            error(column, "revenue_loss_pct must be from 0 to 100 (a percentage of revenue), found \(CellPreview.quoted(text))")
            return nil
        }
        return value
    }
}
