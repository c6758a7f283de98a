// Diagnostics of rows read from PostgreSQL, located by row and column instead of the line and
// character of the CSV text the COPY produced, which the user never sees.

import Foundation
import VigieSupport

/// Moves the diagnostics the case validator gave on a COPY's CSV text to the rows of the query.
///
/// `postgresql:intake.cases_export:12:4: error: case_id C-000123: …` is the 12th row of the query's
/// result, its 4th column, and the row's case_id when it can be shown (an opaque identifier with no
/// direct identifier in it). The header's problems (a missing or unknown column) concern the query
/// as a whole: they are located at the source's name alone.
struct DatabaseRowLocator {
    /// Which line of the COPY text each row starts on (given by the stream once it has ended).
    var rowLines = RowLines()
    /// Where each field starts, and the showable case_id, of the records that diagnostics point at,
    /// by the line the record starts on.
    private var records: [Int: (fields: [(line: Int, column: Int)], key: String?)] = [:]
    private var caseIDField: Int?
    private let source: String

    init(source: String) {
        self.source = source
    }

    /// Reads one validated window again (`reader` at its first record, the header for the first
    /// window) for the records the diagnostics kept so far point at. Most windows have none and
    /// are not read again; a build without diagnostics reads its rows once.
    mutating func scan(_ reader: CSVReader, for diagnostics: FileDiagnostics) {
        let first = reader.line
        let source = source
        var wanted = Set(diagnostics.kept.filter { $0.location.path == source && $0.location.line >= first }.map(\.location.line))
        if let omitted = diagnostics.firstOmitted, omitted.path == source, omitted.line >= first { wanted.insert(omitted.line) }
        let isHeaderWindow = first <= 1
        guard !wanted.isEmpty || isHeaderWindow else { return }
        var reader = reader
        var ignored: [Diagnostic] = []
        var record = CSVRecord(line: 0, fields: [])
        var isHeader = isHeaderWindow
        while !wanted.isEmpty || isHeader, reader.next(into: &record, diagnostics: &ignored) {
            if isHeader {
                caseIDField = record.fields.firstIndex { reader.string($0) == CaseColumn.caseID.rawValue }
                isHeader = false
                continue
            }
            let lines = record.fields.map(\.line)
            guard wanted.contains(record.line) || lines.contains(where: wanted.contains) else { continue }
            let starts = record.fields.map { field in (field.line, reader.location(of: field).column) }
            let key = caseIDField.flatMap { $0 < record.fields.count ? Self.showable(reader.string(record.fields[$0])) : nil }
            records[record.line] = (starts, key)
            wanted.remove(record.line)
            for line in lines { wanted.remove(line) }
        }
    }

    /// The diagnostic at its row and column, or at the source alone for the header's problems.
    func relocated(_ diagnostic: Diagnostic) -> Diagnostic {
        guard diagnostic.location.path == source else { return diagnostic }
        var moved = diagnostic
        moved.message = rewriteLineReferences(diagnostic.message)
        let line = diagnostic.location.line
        guard let row = row(atLine: line), row > 0 else {
            moved.location = .wholeFile(source)
            return moved
        }
        let record = records[rowLines.line(ofRow: row)]
        var column = 1
        if let fields = record?.fields {
            let target = (line, diagnostic.location.column)
            column = (fields.lastIndex { $0 <= target } ?? 0) + 1
        }
        moved.location = SourceLocation(path: source, line: row, column: column)
        if let key = record?.key { moved.message = "case_id \(key): " + moved.message }
        return moved
    }

    /// The record (0: the header) a line of the COPY text belongs to.
    private func row(atLine line: Int) -> Int? { rowLines.row(atLine: line) }

    /// "already used at postgresql:cases_export:5" (a line of the COPY text) becomes "… at row 4".
    private func rewriteLineReferences(_ message: String) -> String {
        let marker = source + ":"
        guard let range = message.range(of: marker) else { return message }
        let digits = message[range.upperBound...].prefix { $0.isNumber }
        guard let line = Int(digits), let row = row(atLine: line) else { return message }
        return message.replacingCharacters(
            in: range.lowerBound..<message.index(range.upperBound, offsetBy: digits.count), with: "row \(row)")
    }

    /// A case_id shown beside its row's errors: an opaque identifier (letters, digits, `-`, `_`,
    /// `.`, `/`, at most 40 bytes) in which the anonymity guard finds nothing; otherwise not shown.
    static func showable(_ caseID: String) -> String? {
        guard !caseID.isEmpty, caseID.utf8.count <= 40, IdentifierGuard.detect(caseID) == nil else { return nil }
        let allowed = caseID.utf8.allSatisfy { c in
            (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 45 || c == 95 || c == 46 || c == 47
        }
        return allowed ? caseID : nil
    }
}

/// The line of the COPY text each row starts on, held in the space of its multi-line rows: most
/// rows take one line, and a row that takes several shifts every row after it (a value with a line
/// feed). Ten million one-line rows take one entry.
struct RowLines: Sendable {
    /// From each entry's row on, row `row + k` starts on line `line + k`, up to the next entry.
    private var shifts: [(row: Int, line: Int)] = [(0, 1)]
    /// Rows counted so far, and the line the next one starts on.
    private(set) var count = 0
    private var nextLine = 1

    /// Counts a row, its bytes with its own last line feed: as many lines as it holds line feeds.
    mutating func add(row: ArraySlice<UInt8>) {
        let lines = max(row.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }, 1)
        count += 1
        nextLine += lines
        if lines != 1 { shifts.append((count, nextLine)) }
    }

    /// The row that line `line` belongs to (0: the header); nil before the first line.
    func row(atLine line: Int) -> Int? {
        guard line >= 1 else { return nil }
        // The last shift at or before the line.
        var low = 0
        var high = shifts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if shifts[middle].line <= line { low = middle } else { high = middle - 1 }
        }
        let row = shifts[low].row + (line - shifts[low].line)
        // Within a multi-line row: the row before the next shift.
        if low + 1 < shifts.count { return min(row, shifts[low + 1].row - 1) }
        return row
    }

    /// The line row `row` starts on.
    func line(ofRow row: Int) -> Int {
        var low = 0
        var high = shifts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if shifts[middle].row <= row { low = middle } else { high = middle - 1 }
        }
        return shifts[low].line + (row - shifts[low].row)
    }
}
