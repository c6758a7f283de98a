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
    /// The line of each record of the COPY text, in order (the header's first).
    private var recordLines: [Int] = []
    /// Where each field starts, and the showable case_id, of the records that diagnostics point at.
    private var rows: [Int: (fields: [(line: Int, column: Int)], key: String?)] = [:]
    private let source: String

    /// Reads the COPY text again, keeping only what the diagnostics on it need. Only called when
    /// there are diagnostics: an import without any reads its text once.
    init(bytes: [UInt8], source: String, diagnostics: [Diagnostic]) {
        self.source = source
        let wanted = Set(diagnostics.filter { $0.location.path == source }.map(\.location.line))
        var reader = CSVReader(bytes: bytes, path: source)
        var ignored: [Diagnostic] = []
        var caseIDField: Int?
        var record = CSVRecord(line: 0, fields: [])
        while reader.next(into: &record, diagnostics: &ignored) {
            recordLines.append(record.line)
            if recordLines.count == 1 {
                caseIDField = record.fields.firstIndex { reader.string($0) == CaseColumn.caseID.rawValue }
                continue
            }
            let lines = record.fields.map(\.line)
            guard wanted.contains(record.line) || lines.contains(where: wanted.contains) else { continue }
            let starts = record.fields.map { field in (field.line, reader.location(of: field).column) }
            let key = caseIDField.flatMap { $0 < record.fields.count ? Self.showable(reader.string(record.fields[$0])) : nil }
            rows[recordLines.count - 1] = (starts, key)
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
        var column = 1
        if let fields = rows[row]?.fields {
            let target = (line, diagnostic.location.column)
            column = (fields.lastIndex { $0 <= target } ?? 0) + 1
        }
        moved.location = SourceLocation(path: source, line: row, column: column)
        if let key = rows[row]?.key { moved.message = "case_id \(key): " + moved.message }
        return moved
    }

    /// The record (0: the header) a line of the COPY text belongs to.
    private func row(atLine line: Int) -> Int? {
        guard line >= 1, let first = recordLines.first, line >= first else { return nil }
        var low = 0
        var high = recordLines.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if recordLines[middle] <= line { low = middle } else { high = middle - 1 }
        }
        return low
    }

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
