// Validation of the records of one stretch of a case file: its whole body, or one chunk of a large
// file validated in parallel. Everything but case_id uniqueness, which depends on the files and
// chunks before it and is settled when `CaseFileValidator` merges the chunks in order.

import VigieSupport

/// Validates the records a reader yields up to its limit, keeping each case_id for the merge.
struct CaseChunkValidator: Sendable {
    /// A case_id to register at the merge, and what to change when it turns out to be a duplicate.
    struct PendingID: Sendable {
        var id: String
        /// `ByteKeyTable.hash` of the id's UTF-8 bytes, computed here on all cores rather than at the merge.
        var hash: UInt64
        /// Offset of the record's first byte (always the start of a line), to find the cell again.
        var recordStart: Int
        var line: Int32
        /// Where the duplicate error goes among the chunk's diagnostics, as in a sequential pass.
        var diagnosticIndex: Int32
        /// The row's record in `records`, or -1 when the row had other errors.
        var recordIndex: Int32
        /// Last, so the struct packs into 48 bytes rather than 56 (8 MB at 1 M cases).
        var isASCII: Bool
    }

    /// What one chunk found, before uniqueness.
    struct Result: Sendable {
        var records: [CaseRecord] = []
        /// At most `FileDiagnostics.limit`: the others are only counted, from `firstOmitted` on.
        var diagnostics: [Diagnostic] = []
        var omittedDiagnostics = 0
        var firstOmitted: SourceLocation?
        var pendingIDs: [PendingID] = []
        /// The reader where the chunk stopped: at the next chunk's first byte when the split was right.
        var reader: CSVReader
    }

    let config: SiteConfig
    /// The header's layout; nil when the header was unusable and rows can only be screened.
    let layout: ColumnLayout?
    /// The earliest date a case may carry (see `PlausibleDates`), worked out once, not once a row.
    let earliestCaseDay: Day

    init(config: SiteConfig, layout: ColumnLayout?) {
        self.config = config
        self.layout = layout
        self.earliestCaseDay = PlausibleDates.earliestCaseDay(publishedOn: config.publicationDate)
    }

    /// Reads and validates the records from `reader`'s position to its limit.
    func validate(_ reader: CSVReader) -> Result {
        var reader = reader
        var result = Result(reader: reader)
        var row = layout.map { RowValidator(record: CSVRecord(line: 0, fields: []), layout: $0, reader: reader) }
        // One fields buffer for the whole chunk, swapped with the row validator's (see `RowValidator.start`).
        var record = CSVRecord(line: 0, fields: [])
        record.fields.reserveCapacity(layout?.fieldCount ?? 12)
        let firstByte = reader.position
        var recordsRead = 0
        while reader.next(into: &record, diagnostics: &result.diagnostics) {
            if result.diagnostics.count > FileDiagnostics.limit {
                FileDiagnostics.trim(&result.diagnostics, omitted: &result.omittedDiagnostics, firstOmitted: &result.firstOmitted)
            }
            recordsRead += 1
            if recordsRead == Self.sampleRecords {
                Self.reserve(&result, sampled: reader.position - firstByte, remaining: reader.limit - reader.position)
            }
            // Spreadsheets leave rows of bare delimiters (`;;;;`) under the data: they are blank lines.
            if Self.isBlank(record, reader: reader) { continue }
            guard let layout else {
                Self.screen(record, layout: nil, reader: reader, into: &result.diagnostics)
                continue
            }
            guard record.fields.count == layout.fieldCount else {
                let delimiter = Character(UnicodeScalar(reader.delimiter))
                var message =
                    "expected \(layout.fieldCount) fields as in the header, found \(record.fields.count); check for a missing or extra '\(delimiter)', or a '\(delimiter)' inside a value that needs quotes"
                if delimiter == ",", record.fields.count > layout.fieldCount {
                    message += " (a decimal comma: write 12.5 or \"12,5\")"
                }
                result.diagnostics.append(.error(message, at: SourceLocation(path: reader.path, line: record.line, column: 1)))
                Self.screen(record, layout: nil, reader: reader, into: &result.diagnostics)
                continue
            }
            guard layout.isComplete else {
                Self.screen(record, layout: layout, reader: reader, into: &result.diagnostics)
                continue
            }
            row!.start(swapping: &record)
            validateRecord(&row!, into: &result)
        }
        FileDiagnostics.trim(&result.diagnostics, omitted: &result.omittedDiagnostics, firstOmitted: &result.firstOmitted)
        result.reader = reader
        return result
    }

    /// Records read before the arrays are sized from their bytes.
    private static let sampleRecords = 1024

    /// Makes room for the records still to come, estimated from the bytes the first
    /// `sampleRecords` took, plus a sixteenth. Growing by doubling copied the records over and over
    /// and touched fresh pages each time: validate 1 M cases 0.64 s to 0.59 s, peak RSS 424 to 407 MB.
    private static func reserve(_ result: inout Result, sampled: Int, remaining: Int) {
        guard sampled > 0 else { return }
        let expected = sampleRecords + remaining / sampled * sampleRecords + remaining % sampled * sampleRecords / sampled
        let capacity = expected + expected / 16
        result.records.reserveCapacity(capacity)
        result.pendingIDs.reserveCapacity(capacity)
    }

    /// True when every field holds only spaces and tabs. On a buffer: slices of the file's bytes
    /// retained its storage, shared by the cores, twelve times a row.
    private static func isBlank(_ record: CSVRecord, reader: CSVReader) -> Bool {
        reader.bytes.withUnsafeBufferPointer { all in
            record.fields.allSatisfy { field in
                all[field.range].allSatisfy(RowValidator.isBlank)
            }
        }
    }

    /// Only the anonymity guard, for records whose other rules cannot be checked. Without a layout
    /// (no header, or a misaligned row) cells are named by position, since column names would mislead.
    static func screen(_ record: CSVRecord, layout: ColumnLayout?, reader: CSVReader, into diagnostics: inout [Diagnostic]) {
        for (i, field) in record.fields.enumerated() {
            let place = layout?.place(ofField: i) ?? "field \(i + 1)"
            if let leak = IdentifierGuard.screen(field, reader: reader, place: place) { diagnostics.append(leak) }
        }
    }

    private func validateRecord(_ row: inout RowValidator, into result: inout Result) {
        let record = row.record
        // Cells no rule reads are still screened, so a leaked identifier is named as such.
        if !row.layout.extraColumns.isEmpty {
            for index in row.layout.extraColumns { _ = row.screenedText(fieldIndex: index) }
        }

        var pending: PendingID?
        if let caseID = row.text(.caseID) {
            if caseID.isEmpty {
                row.error(.caseID, "case_id is empty; every case needs an opaque identifier")
            } else {
                var utf8 = caseID
                let (hash, isASCII) = utf8.withUTF8 { b in (ByteKeyTable.hash(b), !b.contains { $0 >= 0x80 }) }
                pending = PendingID(
                    id: caseID, hash: hash, recordStart: record.fields[0].start, line: Int32(truncatingIfNeeded: record.line),
                    diagnosticIndex: Int32(truncatingIfNeeded: result.diagnostics.count + row.diagnostics.count), recordIndex: -1,
                    isASCII: isASCII)
            }
        }
        let reportedOn = row.day(.reportedOn, required: true)
        let platform = row.key(.platform, in: config.platforms)
        let issues = row.issueSet(in: config.issues)
        let size = row.enumValue(.companySize, Self.sizes)
        let region = row.key(.region, in: config.regions)
        let sector = row.key(.sector, in: config.sectors)
        let loss = row.percentage(.revenueLossPercent)
        let status = row.enumValue(.status, Self.statuses)
        let referredOn = row.day(.referredOn, required: false)
        let closedOn = row.day(.closedOn, required: false)
        let outcome = row.optionalKey(.outcome, in: config.outcomes)

        if let status {
            checkStatus(status, referredOn: referredOn, closedOn: closedOn, outcome: outcome, row: &row)
        }
        checkOrder(reportedOn: reportedOn, referredOn: referredOn, closedOn: closedOn, row: &row)
        result.diagnostics.append(contentsOf: row.diagnostics)
        if !row.hasErrors, let reportedOn, let platform, let issues, let size, let region, let sector, let status {
            pending?.recordIndex = Int32(truncatingIfNeeded: result.records.count)
            result.records.append(
                CaseRecord(
                    reportedOn: reportedOn, platform: platform, issues: issues, size: size, region: region, sector: sector,
                    revenueLossPercent: loss, status: status, referredOn: referredOn, closedOn: closedOn, outcome: outcome))
        }
        if let pending { result.pendingIDs.append(pending) }
    }

    // Built once, not per row: the hint's `joined` and the aliases' dictionary showed in the profile of 1 M rows.
    private static let sizes = ClosedVocabulary<CompanySize>(
        name: "company_size", hint: "micro (fewer than 10 staff), small (10–49) or medium (50–249)",
        aliases: ["tpe": "micro", "pe": "small", "me": "medium"])
    private static let statuses = ClosedVocabulary<CaseStatus>(
        name: "status", hint: CaseStatus.allCases.map(\.rawValue).joined(separator: ", "))

    /// The status and the dates must tell the same story (SPEC: referred_on from `referred` on, closed_on on closed cases).
    private func checkStatus(_ status: CaseStatus, referredOn: Day?, closedOn: Day?, outcome: Int?, row: inout RowValidator) {
        let name = status.rawValue
        if status.requiresReferral && referredOn == nil && !row.failed(.referredOn) {
            row.error(.referredOn, "status '\(name)' needs a referred_on date (the day the case went to the mediator)", fallback: .status)
        }
        if status.isClosed && closedOn == nil && !row.failed(.closedOn) {
            row.error(.closedOn, "status '\(name)' needs a closed_on date (the day the case was closed)", fallback: .status)
        }
        if !status.isClosed && closedOn != nil {
            row.error(
                .closedOn,
                "closed_on is set but status '\(name)' is not closed; use resolved, not_resolved or withdrawn, or clear closed_on")
        }
        if !status.isClosed && outcome != nil {
            row.error(
                .outcome, "an outcome is only allowed on a closed case (resolved, not_resolved or withdrawn), not on status '\(name)'")
        }
        if (status == .received || status == .qualified) && referredOn != nil {
            row.error(
                .referredOn,
                "referred_on is set but status '\(name)' comes before referral; use referred or a later status, or clear referred_on")
        }
    }

    /// reported_on ≤ referred_on ≤ closed_on ≤ the publication date, reported_on within `PlausibleDates`.
    private func checkOrder(reportedOn: Day?, referredOn: Day?, closedOn: Day?, row: inout RowValidator) {
        let order = "dates must follow reported_on ≤ referred_on ≤ closed_on"
        if let reportedOn, let referredOn, referredOn < reportedOn {
            row.error(.referredOn, "referred_on \(referredOn) is before reported_on \(reportedOn); \(order)")
        }
        if let closedOn {
            if let referredOn, closedOn < referredOn {
                row.error(.closedOn, "closed_on \(closedOn) is before referred_on \(referredOn); \(order)")
            } else if let reportedOn, closedOn < reportedOn {
                row.error(.closedOn, "closed_on \(closedOn) is before reported_on \(reportedOn); \(order)")
            }
        }
        let publication = config.publicationDate
        func checkPublication(_ column: CaseColumn, _ day: Day?) {
            if let day, day > publication {
                row.error(
                    column,
                    "\(column.rawValue) \(day) is after the publication date \(publication) set in site.yaml; correct the date, or publish later"
                )
            }
        }
        // The later dates follow reported_on (checked above), so reported_on alone is held to the window.
        if let reportedOn, reportedOn < earliestCaseDay {
            row.error(
                .reportedOn,
                "reported_on \(reportedOn) is more than \(PlausibleDates.caseYears) years before the publication date \(publication) (the earliest date accepted is \(earliestCaseDay)); check the year"
            )
        }
        // Three calls rather than a loop over a fresh array of tuples each row.
        checkPublication(.reportedOn, reportedOn)
        checkPublication(.referredOn, referredOn)
        checkPublication(.closedOn, closedOn)
    }
}
