// Byte-level RFC 4180 reader for case files: BOM, `,` or `;` from the header, LF/CRLF,
// quoted fields with doubled quotes and newlines, UTF-8 checked, every problem located.
//
// Written by hand rather than taken from SwiftCSV or CSV.swift because it must report
// line and column for every malformed record and never copy a whole file into a String;
// see BENCHMARKS.md for the figure.

/// One field of a record: where its bytes are and where it starts in the file.
public struct CSVField: Sendable {
    /// Byte range of the field's content (inside the quotes for a quoted field).
    public var range: Range<Int>
    /// True when the content holds doubled quotes that must be collapsed.
    public var hasEscapedQuotes: Bool
    public var line: Int
    /// Byte offset of the field's first byte in the file (for the column).
    public var start: Int
}

/// One record: its first line and its fields.
public struct CSVRecord: Sendable {
    public var line: Int
    public var fields: [CSVField]
}

/// Reads records from the bytes of one CSV file.
public struct CSVReader {
    public let bytes: [UInt8]
    public let path: String
    public private(set) var delimiter: UInt8 = UInt8(ascii: ",")
    private var position = 0
    private var line = 1
    /// Byte offset where each line starts, kept only for lines with fields, to compute columns lazily.
    private var lineStart = 0
    private var lineStarts: [Int: Int] = [:]

    public init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        lineStart = position
        delimiter = Self.detectDelimiter(bytes, from: position)
    }

    /// `;` when the header has more semicolons than commas outside quotes, else `,`.
    static func detectDelimiter(_ bytes: [UInt8], from start: Int) -> UInt8 {
        var commas = 0, semicolons = 0, inQuotes = false
        var i = start
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") { inQuotes.toggle() }
            else if !inQuotes {
                if c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") { break }
                if c == UInt8(ascii: ",") { commas += 1 } else if c == UInt8(ascii: ";") { semicolons += 1 }
            }
            i += 1
        }
        return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    /// The 1-based column (in characters) of a byte offset on a given line.
    public func column(ofOffset offset: Int, line: Int) -> Int {
        let start = lineStarts[line] ?? 0
        var column = 1
        var i = start
        while i < offset && i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return column
    }

    public func location(of field: CSVField) -> SourceLocation {
        SourceLocation(path: path, line: field.line, column: column(ofOffset: field.start, line: field.line))
    }

    /// The text of a field (doubled quotes collapsed). Only call it on valid UTF-8 (records from `next`).
    public func string(_ field: CSVField) -> String {
        let slice = bytes[field.range]
        if !field.hasEscapedQuotes { return String(decoding: slice, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var previousWasQuote = false
        for c in slice {
            if c == UInt8(ascii: "\"") && previousWasQuote { previousWasQuote = false; continue }
            previousWasQuote = c == UInt8(ascii: "\"")
            out.append(c)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Reads the next record. Returns nil at the end of the file. A malformed record is reported in
    /// `diagnostics` and skipped (the reader resynchronises at the next line).
    public mutating func next(diagnostics: inout [Diagnostic]) -> CSVRecord? {
        while position < bytes.count {
            // Skip blank lines.
            let c = bytes[position]
            if c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") {
                consumeNewline()
                continue
            }
            if let record = readRecord(diagnostics: &diagnostics) { return record }
        }
        return nil
    }

    private mutating func consumeNewline() {
        if bytes[position] == UInt8(ascii: "\r"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "\n") {
            position += 1
        }
        position += 1
        line += 1
        lineStart = position
    }

    private mutating func fail(_ message: String, at offset: Int, line errorLine: Int, _ diagnostics: inout [Diagnostic]) {
        lineStarts[errorLine] = lineStarts[errorLine] ?? lineStart
        diagnostics.append(.error(message, at: SourceLocation(path: path, line: errorLine, column: column(ofOffset: offset, line: errorLine))))
    }

    /// Skips to the start of the next line after an error.
    private mutating func skipToNextLine() {
        while position < bytes.count, bytes[position] != UInt8(ascii: "\n"), bytes[position] != UInt8(ascii: "\r") {
            position += 1
        }
        if position < bytes.count { consumeNewline() }
    }

    private mutating func readRecord(diagnostics: inout [Diagnostic]) -> CSVRecord? {
        let recordLine = line
        lineStarts[recordLine] = lineStart
        var fields: [CSVField] = []
        fields.reserveCapacity(12)
        let quote = UInt8(ascii: "\"")
        while true {
            let fieldStart = position
            let fieldLine = line
            if position < bytes.count && bytes[position] == quote {
                // Quoted field.
                position += 1
                let contentStart = position
                var escaped = false
                var closed = false
                while position < bytes.count {
                    let c = bytes[position]
                    if c == quote {
                        if position + 1 < bytes.count && bytes[position + 1] == quote {
                            escaped = true
                            position += 2
                            continue
                        }
                        closed = true
                        break
                    }
                    if c == UInt8(ascii: "\n") || (c == UInt8(ascii: "\r")) {
                        if c == UInt8(ascii: "\r"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "\n") { position += 1 }
                        line += 1
                        lineStart = position + 1
                        lineStarts[line] = lineStart
                    } else if c >= 0x80 {
                        guard let length = utf8SequenceLength(at: position) else {
                            fail("invalid UTF-8 byte sequence; save the file as UTF-8", at: position, line: line, &diagnostics)
                            skipToNextLine()
                            return nil
                        }
                        position += length
                        continue
                    }
                    position += 1
                }
                guard closed else {
                    fail("unterminated quoted field: the quote opened here is never closed", at: fieldStart, line: fieldLine, &diagnostics)
                    position = bytes.count
                    return nil
                }
                fields.append(CSVField(range: contentStart..<position, hasEscapedQuotes: escaped, line: fieldLine, start: fieldStart))
                position += 1  // closing quote
                if position < bytes.count {
                    let next = bytes[position]
                    if next != delimiter && next != UInt8(ascii: "\n") && next != UInt8(ascii: "\r") {
                        fail("unexpected character after a closing quote; a quoted field must end at the delimiter or the end of the line", at: position, line: line, &diagnostics)
                        skipToNextLine()
                        return nil
                    }
                }
            } else {
                // Unquoted field.
                while position < bytes.count {
                    let c = bytes[position]
                    if c == delimiter || c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") { break }
                    if c == quote {
                        fail("unexpected '\"' inside an unquoted field; quote the whole field and double the quote", at: position, line: line, &diagnostics)
                        skipToNextLine()
                        return nil
                    }
                    if c >= 0x80 {
                        guard let length = utf8SequenceLength(at: position) else {
                            fail("invalid UTF-8 byte sequence; save the file as UTF-8", at: position, line: line, &diagnostics)
                            skipToNextLine()
                            return nil
                        }
                        position += length
                        continue
                    }
                    position += 1
                }
                fields.append(CSVField(range: fieldStart..<position, hasEscapedQuotes: false, line: fieldLine, start: fieldStart))
            }
            // After a field: delimiter, end of line or end of file.
            if position >= bytes.count { break }
            let c = bytes[position]
            if c == delimiter {
                position += 1
                continue
            }
            consumeNewline()
            break
        }
        return CSVRecord(line: recordLine, fields: fields)
    }

    /// Length of the valid UTF-8 sequence starting at `i`, or nil when it is malformed.
    private func utf8SequenceLength(at i: Int) -> Int? {
        let b0 = bytes[i]
        let length: Int
        var minimum: UInt32
        var scalar: UInt32
        switch b0 {
        case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(b0 & 0x1F)
        case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(b0 & 0x0F)
        case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(b0 & 0x07)
        default: return nil
        }
        guard i + length <= bytes.count else { return nil }
        for k in 1..<length {
            let b = bytes[i + k]
            guard b & 0xC0 == 0x80 else { return nil }
            scalar = (scalar << 6) | UInt32(b & 0x3F)
        }
        guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return nil }
        return length
    }
}
