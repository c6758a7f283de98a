// Byte-level RFC 4180 reader for case files: BOM, `,` or `;` from the header, LF/CRLF,
// quoted fields with doubled quotes and newlines, UTF-8 checked, every problem located.
//
// Written by hand rather than taken from SwiftCSV or CSV.swift because it must report
// line and column for every malformed record and never copy a whole file into a String, and
// because both libraries were the bottleneck: reading the 1,000,000 records (110 MB) of the
// benchmark's case file and counting their fields took 0.26 s here (240 MB peak, the file's bytes
// and the ranges), 5.1 s with yaslab/CSV.swift 2.5.2 (20 MB, streaming) and 9.6 s with SwiftCSV
// 0.10.0 (985 MB); release builds, same machine, 2026-11-30.

import VigieSupport

/// Reads records from the bytes of one CSV file.
public struct CSVReader: Sendable {
    public let bytes: [UInt8]
    public let path: String
    public let delimiter: UInt8
    /// Malformed records reported and skipped so far; a caller reading the header checks it is still 0.
    public private(set) var skippedRecords = 0
    /// A file in another encoding has invalid bytes on every line with an accent: report the first only.
    /// Settable so a reader resuming another's work (a chunk of a large file) carries the same state.
    var reportedInvalidUTF8 = false
    /// Quotes met where RFC 4180 allows none (inside an unquoted field, after a closing quote, or
    /// never closed): only then can quote parity disagree with this reader on where records end.
    private(set) var quoteProblems = 0
    /// Byte offset of the next record (or blank line).
    private(set) var position = 0
    /// 1-based line of `position`.
    private(set) var line = 1
    private var lineStart = 0
    /// `next` returns nil once `position` reaches this offset: a record starting before it is read to its end.
    private(set) var limit: Int

    private static let quote = UInt8(ascii: "\"")
    private static let lf = UInt8(ascii: "\n")
    private static let cr = UInt8(ascii: "\r")

    public init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        // The BOM is not a character of line 1: columns count from after it.
        lineStart = position
        delimiter = Self.detectDelimiter(bytes, from: position)
        limit = bytes.count
    }

    /// A reader of the same file that starts at `position`, the first byte of line `line`, and stops
    /// before the record starting at `limit` or after it: one chunk of a file validated in parallel.
    init(resuming other: CSVReader, at position: Int, line: Int, limit: Int) {
        bytes = other.bytes
        path = other.path
        delimiter = other.delimiter
        self.position = position
        self.line = line
        lineStart = position
        self.limit = min(limit, other.bytes.count)
    }

    /// A reader of the next window of the same file: `bytes` start where `previous` stopped (at a
    /// record boundary), on its line, with its delimiter and its invalid-UTF-8 report.
    init(continuing previous: CSVReader, bytes: [UInt8]) {
        self.bytes = bytes
        path = previous.path
        delimiter = previous.delimiter
        line = previous.line
        reportedInvalidUTF8 = previous.reportedInvalidUTF8
        limit = bytes.count
    }

    /// This reader, in the same state, stopping at `limit` instead (the end of the file by default).
    func limited(to limit: Int? = nil) -> CSVReader {
        var reader = self
        reader.limit = min(limit ?? bytes.count, bytes.count)
        return reader
    }

    /// `;` when the header has more semicolons than commas outside quotes, else `,`.
    static func detectDelimiter(_ bytes: [UInt8], from start: Int) -> UInt8 {
        var commas = 0
        var semicolons = 0
        var inQuotes = false
        var i = start
        while i < bytes.count {
            let c = bytes[i]
            if c == quote {
                inQuotes.toggle()
            } else if !inQuotes {
                if c == lf || c == cr { break }
                if c == UInt8(ascii: ",") { commas += 1 } else if c == UInt8(ascii: ";") { semicolons += 1 }
            }
            i += 1
        }
        return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    /// The 1-based column, in Unicode scalars, of a byte offset on the line starting at `lineStart`.
    func column(ofOffset offset: Int, lineStart: Int) -> Int {
        var column = 1
        for i in lineStart..<min(offset, bytes.count) where bytes[i] & 0xC0 != 0x80 { column += 1 }
        return column
    }

    public func location(of field: CSVField) -> SourceLocation {
        SourceLocation(path: path, line: field.line, column: column(ofOffset: field.start, lineStart: field.lineStart))
    }

    /// The text of a field (doubled quotes collapsed). Only call it on fields from `next`, which are valid UTF-8.
    public func string(_ field: CSVField) -> String {
        // Through a buffer, not a slice: a slice retains the file's storage, whose count the cores
        // validating a large file's chunks then fight over.
        if !field.hasEscapedQuotes {
            return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[field.range]), as: UTF8.self) }
        }
        let slice = bytes[field.range]
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var previousWasQuote = false
        for c in slice {
            if c == Self.quote && previousWasQuote {
                previousWasQuote = false
                continue
            }
            previousWasQuote = c == Self.quote
            out.append(c)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Reads the next record; nil at the end of the file. Blank lines are skipped. A malformed
    /// record is reported once in `diagnostics`, counted in `skippedRecords` and skipped.
    public mutating func next(diagnostics: inout [Diagnostic]) -> CSVRecord? {
        var record = CSVRecord(line: 0, fields: [])
        record.fields.reserveCapacity(12)
        return next(into: &record, diagnostics: &diagnostics) ? record : nil
    }

    /// `next(diagnostics:)` into `record`, reusing its fields' storage: false at the end of the
    /// file. Without a fresh array per row, validating 1 M cases went from 0.80 s to 0.78 s.
    public mutating func next(into record: inout CSVRecord, diagnostics: inout [Diagnostic]) -> Bool {
        while position < limit {
            let c = bytes[position]
            if c == Self.lf || c == Self.cr {
                consumeNewline()
                continue
            }
            record.line = line
            record.fields.removeAll(keepingCapacity: true)
            if readRecord(into: &record.fields, diagnostics: &diagnostics) { return true }
            skippedRecords += 1
        }
        return false
    }

    private mutating func consumeNewline() {
        if bytes[position] == Self.cr, position + 1 < bytes.count, bytes[position + 1] == Self.lf { position += 1 }
        position += 1
        line += 1
        lineStart = position
    }

    private func location(offset: Int, line: Int, lineStart: Int) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column(ofOffset: offset, lineStart: lineStart))
    }

    /// Skips to the start of the next physical line: the best guess of where the next record starts.
    private mutating func skipToNextLine() {
        while position < bytes.count, bytes[position] != Self.lf, bytes[position] != Self.cr { position += 1 }
        if position < bytes.count { consumeNewline() }
    }

    /// Appends the fields of the record at `position` to `fields`; false when it is malformed.
    private mutating func readRecord(into fields: inout [CSVField], diagnostics: inout [Diagnostic]) -> Bool {
        // Invalid UTF-8 does not stop the scan: the record is read to its real end (a quoted field
        // may go on for lines), then dropped, so the next record starts where it should.
        var invalidUTF8: SourceLocation?
        while true {
            let fieldStart = position
            let fieldLine = line
            let fieldLineStart = lineStart
            if position < bytes.count && bytes[position] == Self.quote {
                position += 1
                let contentStart = position
                var escaped = false
                var closed = false
                while position < bytes.count {
                    let c = bytes[position]
                    if c == Self.quote {
                        if position + 1 < bytes.count && bytes[position + 1] == Self.quote {
                            escaped = true
                            position += 2
                            continue
                        }
                        closed = true
                        break
                    }
                    if c == Self.lf || c == Self.cr {
                        if c == Self.cr, position + 1 < bytes.count, bytes[position + 1] == Self.lf { position += 1 }
                        line += 1
                        lineStart = position + 1
                    } else if c >= 0x80 {
                        position += checkUTF8(at: position, &invalidUTF8)
                        continue
                    }
                    position += 1
                }
                guard closed else {
                    quoteProblems += 1
                    diagnostics.append(
                        .error(
                            "unterminated quoted field: the quote opened here is never closed; close it or double the quotes inside the value",
                            at: location(offset: fieldStart, line: fieldLine, lineStart: fieldLineStart)))
                    return false
                }
                fields.append(
                    CSVField(
                        range: contentStart..<position, hasEscapedQuotes: escaped, line: fieldLine, start: fieldStart,
                        lineStart: fieldLineStart))
                position += 1  // the closing quote
                if position < bytes.count {
                    let next = bytes[position]
                    if next != delimiter && next != Self.lf && next != Self.cr {
                        quoteProblems += 1
                        diagnostics.append(
                            .error(
                                "unexpected character after a closing quote; a quoted field must end at the delimiter or the end of the line (write a quote inside a value as \"\")",
                                at: location(offset: position, line: line, lineStart: lineStart)))
                        skipToNextLine()
                        return false
                    }
                }
            } else {
                while position < bytes.count {
                    position = bytes.withUnsafeBufferPointer { Self.firstSpecialByte($0, from: position, delimiter: delimiter) }
                    guard position < bytes.count else { break }
                    let c = bytes[position]
                    if c == delimiter || c == Self.lf || c == Self.cr { break }
                    if c == Self.quote {
                        quoteProblems += 1
                        diagnostics.append(
                            .error(
                                "unexpected '\"' inside an unquoted field; quote the whole field and double the quote",
                                at: location(offset: position, line: line, lineStart: lineStart)))
                        skipToNextLine()
                        return false
                    }
                    if c >= 0x80 {
                        position += checkUTF8(at: position, &invalidUTF8)
                        continue
                    }
                    position += 1
                }
                fields.append(
                    CSVField(
                        range: fieldStart..<position, hasEscapedQuotes: false, line: fieldLine, start: fieldStart, lineStart: fieldLineStart
                    ))
            }
            if position >= bytes.count { break }
            if bytes[position] == delimiter {
                position += 1
                continue
            }
            consumeNewline()
            break
        }
        if let invalidUTF8 {
            if !reportedInvalidUTF8 {
                reportedInvalidUTF8 = true
                diagnostics.append(
                    .error(
                        "invalid UTF-8 byte sequence; save the file as \"CSV UTF-8\" (Excel's plain \"CSV\" uses another encoding); later lines with invalid bytes are skipped without a message",
                        at: invalidUTF8))
            }
            return false
        }
        return true
    }

    /// The offset of the first byte from `start` on that ends or interrupts an unquoted field (the
    /// delimiter, CR, LF, a quote, or a non-ASCII byte to check), or `b.count`. Eight bytes at a
    /// time (`ByteWords`): validate 1 M cases 0.58 s to 0.545 s against a test of each byte.
    static func firstSpecialByte(_ b: UnsafeBufferPointer<UInt8>, from start: Int, delimiter: UInt8) -> Int {
        let count = b.count
        guard start < count, let base = b.baseAddress else { return count }
        let raw = UnsafeRawPointer(base)
        let highs: UInt64 = 0x8080_8080_8080_8080
        let delimiters = ByteWords.repeated(delimiter)
        let lineFeeds = ByteWords.repeated(lf)
        let carriageReturns = ByteWords.repeated(cr)
        let quotes = ByteWords.repeated(quote)
        var i = start
        // `ByteWords.zeroBytes` called by name: through a local `let` holding the function, the
        // compiler called it four times a word instead of inlining it (perf, 1 M cases: 0.11 s of
        // the build's CPU in `zeroBytes` itself).
        while i + 8 <= count {
            let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            let flagged =
                ByteWords.zeroBytes(w ^ delimiters) | ByteWords.zeroBytes(w ^ lineFeeds)
                | ByteWords.zeroBytes(w ^ carriageReturns) | ByteWords.zeroBytes(w ^ quotes) | (w & highs)
            if flagged != 0 { return i + flagged.trailingZeroBitCount / 8 }
            i += 8
        }
        while i < count {
            let c = b[i]
            if c == delimiter || c == lf || c == cr || c == quote || c >= 0x80 { return i }
            i += 1
        }
        return count
    }

    /// Bytes to advance past the UTF-8 sequence at `i`; notes the first invalid one and advances by 1.
    private func checkUTF8(at i: Int, _ invalid: inout SourceLocation?) -> Int {
        if let length = utf8SequenceLength(at: i) { return length }
        if invalid == nil { invalid = location(offset: i, line: line, lineStart: lineStart) }
        return 1
    }

    /// Length of the valid UTF-8 sequence starting at `i`, or nil when it is malformed.
    private func utf8SequenceLength(at i: Int) -> Int? {
        let b0 = bytes[i]
        let length: Int
        let minimum: UInt32
        var scalar: UInt32
        switch b0 {
        case 0xC2...0xDF:
            length = 2
            minimum = 0x80
            scalar = UInt32(b0 & 0x1F)
        case 0xE0...0xEF:
            length = 3
            minimum = 0x800
            scalar = UInt32(b0 & 0x0F)
        case 0xF0...0xF4:
            length = 4
            minimum = 0x10000
            scalar = UInt32(b0 & 0x07)
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
