// Validation stage for case files: turns CSV records into `CaseRecord`s in one pass, collecting
// every problem with its line and column, and refusing direct identifiers without echoing them.

import VigieSupport

/// Validates the case files of one build; keeps the identifiers seen so far to check uniqueness
/// across files, and hands the valid records to `sink` as it goes (see `CaseRecordSink`).
public struct CaseFileValidator<Sink: CaseRecordSink> {
    public typealias Parallelism = CaseFileParallelism
    public let config: SiteConfig
    public let parallelism: Parallelism
    /// First place each case_id was seen: index in `paths`, and line. (A SourceLocation per id
    /// retained its path string once per row: 12 % of the load time on 300,000 rows.)
    var seenIDs = CaseIDRegistry()
    var paths: [String] = []
    /// What the valid records went to.
    public private(set) var sink: Sink

    public init(config: SiteConfig, parallelism: Parallelism = .automatic, sink: Sink) {
        self.config = config
        self.parallelism = parallelism
        self.sink = sink
    }

    /// Reads and validates one file's bytes; appends its valid records and its diagnostics, the
    /// first `FileDiagnostics.limit` of them and a line that counts the others.
    ///
    /// Whatever else is wrong (a broken header, a missing column, a misaligned row), every cell is
    /// still screened for direct identifiers: those are the errors that must never slip through.
    public mutating func validate(bytes: [UInt8], path: String, into diagnostics: inout [Diagnostic]) {
        var found = FileDiagnostics()
        var headerDiagnostics: [Diagnostic] = []
        paths.append(path)
        let start = readHeader(bytes: bytes, path: path, into: &headerDiagnostics)
        found.append(contentsOf: headerDiagnostics)
        if let (reader, layout) = start { validateBody(from: reader, layout: layout, into: &found) }
        diagnostics.append(contentsOf: found.all)
    }

    /// The reader past the header and the header's layout (nil when the header is unusable); nil
    /// when the file has no record to validate.
    func readHeader(bytes: [UInt8], path: String, into diagnostics: inout [Diagnostic]) -> (CSVReader, ColumnLayout?)? {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            diagnostics.append(
                .error("the file is in UTF-16 (Excel's \"Unicode text\"); save it as \"CSV UTF-8\"", at: SourceLocation(path: path)))
            return nil
        }
        var reader = CSVReader(bytes: bytes, path: path)
        guard let first = reader.next(diagnostics: &diagnostics) else {
            if reader.skippedRecords == 0 {
                let required = CaseColumn.allCases.filter(\.isRequired).map(\.rawValue).joined(separator: ", ")
                diagnostics.append(
                    .error(
                        "the case file is empty; it needs a header line naming the columns (\(required))", at: SourceLocation(path: path)))
            }
            return nil
        }
        // A malformed header line was reported and skipped by the reader: `first` is a data row.
        if reader.skippedRecords > 0 {
            CaseChunkValidator.screen(first, layout: nil, reader: reader, into: &diagnostics)
            return (reader, nil)
        }
        return (reader, ColumnLayout(header: first, reader: reader, into: &diagnostics))
    }

    /// Validates the records after the header: in chunks on all cores when the file is large, then
    /// merged in file order, so records and diagnostics are those of one sequential pass.
    private mutating func validateBody(from reader: CSVReader, layout: ColumnLayout?, into diagnostics: inout FileDiagnostics) {
        var chunks = validateChunks(from: reader, layout: layout)
        merge(&chunks, layout: layout, into: &diagnostics)
    }

    /// The chunks of a body, validated but not merged: nothing of the validator's state has changed yet.
    func validateChunks(from reader: CSVReader, layout: ColumnLayout?) -> [CaseChunkValidator.Result] {
        validateChunks(from: reader, validator: CaseChunkValidator(config: config, layout: layout))
    }

    /// Registers the chunks' case_ids in order, then hands their records to the sink and keeps their
    /// diagnostics, in file order.
    mutating func merge(_ chunks: inout [CaseChunkValidator.Result], layout: ColumnLayout?, into diagnostics: inout FileDiagnostics) {
        let duplicates = seenIDs.register(batches: chunks.map(\.pendingIDs), file: paths.count - 1)
        for k in chunks.indices {
            merge(&chunks[k], duplicates: duplicates[k], layout: layout, into: &diagnostics)
        }
    }

    /// The chunks of the body, validated on all cores, each checked to start where the one before it
    /// ended; when one does not, the rest of the body is validated in one pass from that point.
    private func validateChunks(from reader: CSVReader, validator: CaseChunkValidator) -> [CaseChunkValidator.Result] {
        let body = reader.bytes.count - reader.position
        let starts =
            body >= parallelism.minimumBytes
            ? CaseFileSplitter.chunkStarts(reader.bytes, from: reader.position, line: reader.line, count: parallelism.chunks) : []
        guard !starts.isEmpty else { return [validator.validate(reader)] }
        let limits = starts.map(\.position) + [reader.bytes.count]
        let readers =
            [reader.limited(to: limits[0])]
            + starts.indices.map { k in CSVReader(resuming: reader, at: starts[k].position, line: starts[k].line, limit: limits[k + 1]) }
        let chunks = ParallelMap.map(readers) { validator.validate($0) }
        // Invalid UTF-8 is reported once per file: a later chunk's report stands only if no earlier one made it.
        var reportedInvalidUTF8 = chunks[0].reader.reportedInvalidUTF8
        for k in chunks.indices.dropFirst() {
            let previous = chunks[k - 1].reader
            let endedWhereNextStarts = previous.position == starts[k - 1].position && previous.line == starts[k - 1].line
            if !endedWhereNextStarts || (reportedInvalidUTF8 && chunks[k].reader.reportedInvalidUTF8) {
                // The cut was not a record boundary (a stray quote fooled the parity), or this chunk
                // repeats a report: go on sequentially from where the previous chunk really ended.
                var rest = previous.limited()
                rest.reportedInvalidUTF8 = reportedInvalidUTF8
                return Array(chunks[..<k]) + [validator.validate(rest)]
            }
            reportedInvalidUTF8 = reportedInvalidUTF8 || chunks[k].reader.reportedInvalidUTF8
        }
        return chunks
    }

    /// Appends a chunk's records and diagnostics once its case_ids are registered: a duplicate gets
    /// its error where a sequential pass puts it (after the row's earlier errors), naming the first
    /// occurrence, and loses its record. Empties the chunk, so its memory goes as it is merged.
    private mutating func merge(
        _ chunk: inout CaseChunkValidator.Result, duplicates: [CaseIDRegistry.Duplicate], layout: ColumnLayout?,
        into diagnostics: inout FileDiagnostics
    ) {
        defer {
            diagnostics.omit(chunk.omittedDiagnostics, firstAt: chunk.firstOmitted)
            chunk = CaseChunkValidator.Result(reader: chunk.reader)
        }
        guard let layout, !duplicates.isEmpty else {
            diagnostics.append(contentsOf: chunk.diagnostics)
            sink.add(chunk.records)
            return
        }
        var next = 0
        var dropped = Set<Int>()
        for duplicate in duplicates {
            let pending = chunk.pendingIDs[duplicate.index]
            // A row past the chunk's cap points beyond its kept diagnostics: its error goes after them.
            let index = min(Int(pending.diagnosticIndex), chunk.diagnostics.count)
            diagnostics.append(contentsOf: chunk.diagnostics[next..<index])
            next = index
            let first = duplicate.first
            diagnostics.append(
                .error(
                    "duplicate case_id: the same identifier is already used at \(paths[first.file]):\(first.line); give each case its own",
                    at: caseIDLocation(pending, reader: chunk.reader, layout: layout)))
            if pending.recordIndex >= 0 { dropped.insert(Int(pending.recordIndex)) }
        }
        diagnostics.append(contentsOf: chunk.diagnostics[next...])
        sink.add(chunk.records.indices.filter { !dropped.contains($0) }.map { chunk.records[$0] })
    }

    /// Where a duplicate's case_id cell is: its record is read again (records start on a line's first byte).
    private func caseIDLocation(_ pending: CaseChunkValidator.PendingID, reader: CSVReader, layout: ColumnLayout) -> SourceLocation {
        var again = CSVReader(resuming: reader, at: pending.recordStart, line: Int(pending.line), limit: pending.recordStart + 1)
        var ignored: [Diagnostic] = []
        guard let record = again.next(diagnostics: &ignored), let field = layout.field(of: .caseID), field < record.fields.count else {
            return SourceLocation(path: reader.path, line: Int(pending.line), column: 1)
        }
        return again.location(of: record.fields[field])
    }
}

extension CaseFileValidator where Sink == CaseCollector {
    /// A validator that keeps every valid record (in `records`).
    public init(config: SiteConfig, parallelism: Parallelism = .automatic) {
        self.init(config: config, parallelism: parallelism, sink: CaseCollector())
    }

    /// The valid records of the files validated so far, in file order.
    public var records: [CaseRecord] { sink.records }
}
