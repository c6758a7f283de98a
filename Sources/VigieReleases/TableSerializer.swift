// Writes protected tables in the open-data contract's formats: CSV (RFC 4180, UTF-8, one header
// line) and JSON (an array of objects, null where the CSV cell is empty), byte-for-byte stable.

import VigieStatistics

public enum TableSerializer {
    /// A value as published in CSV and JSON: numbers with `.` and fixed decimals, nothing when withheld.
    package static func plainValue(_ cell: TableCell) -> String? {
        switch cell {
        case let .key(key): return key
        case let .count(value): return String(value)
        case let .measure(value, decimals): return fixed(value, decimals: decimals)
        case .withheld, .empty: return nil
        case let .flag(value): return value ? "true" : "false"
        case let .text(text): return text
        case let .date(day): return day.iso
        }
    }

    /// Fixed-point text with trailing zeros removed: `12.5`, `0.625`, `3`.
    package static func fixed(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        let negative = scaled < 0
        var digits = String(scaled.magnitude)
        if decimals > 0 {
            if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
            let split = digits.index(digits.endIndex, offsetBy: -decimals)
            var fraction = String(digits[split...])
            while fraction.hasSuffix("0") { fraction.removeLast() }
            digits = String(digits[..<split]) + (fraction.isEmpty ? "" : "." + fraction)
        }
        return (negative && digits != "0" ? "-" : "") + digits
    }

    /// A resource of /donnees/ in CSV.
    public static func csv(_ table: PublishedTable) -> [UInt8] { csv(columns: table.columns, rows: table.rows) }

    /// The table's own cells in CSV (withheld cells empty, no status): how builds compare two publications' figures.
    public static func csv(_ table: StatTable) -> [UInt8] { csv(columns: table.columns, rows: table.rows) }

    static func csv(columns: [TableColumn], rows: [[TableCell]]) -> [UInt8] {
        var out = columns.map(\.name).joined(separator: ",") + "\n"
        for row in rows {
            out += row.map { cell in plainValue(cell).map(quoteIfNeeded) ?? "" }.joined(separator: ",")
            out += "\n"
        }
        return Array(out.utf8)
    }

    package static func quoteIfNeeded(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A resource of /donnees/ in JSON.
    public static func json(_ table: PublishedTable) -> [UInt8] { json(columns: table.columns, rows: table.rows) }

    static func json(columns: [TableColumn], rows: [[TableCell]]) -> [UInt8] {
        var out = "[\n"
        for (index, row) in rows.enumerated() {
            let fields = zip(columns, row).map { column, cell -> String in
                let value: String
                switch (cell, plainValue(cell)) {
                case (.key, let text?), (.text, let text?), (.date, let text?): value = JSON.string(text)
                case (_, nil): value = "null"
                case (_, let text?): value = text
                }
                return "\(JSON.string(column.name)): \(value)"
            }
            out += "  {" + fields.joined(separator: ", ") + "}" + (index + 1 < rows.count ? ",\n" : "\n")
        }
        out += "]\n"
        return Array(out.utf8)
    }
}

/// Minimal JSON text helpers; the output order is ours, so no encoder can reorder keys.
package enum JSON {
    package static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
