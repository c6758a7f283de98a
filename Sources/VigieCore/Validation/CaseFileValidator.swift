// Validation stage for case files: turns CSV records into `CaseRecord`s in one pass, collecting
// every problem with its line and column, and refusing direct identifiers without echoing them.

/// Validates the case files of one build; keeps the identifiers seen so far to check uniqueness across files.
public struct CaseFileValidator {
    public let config: SiteConfig
    /// First place each case_id was seen: index in `paths`, and line. (A SourceLocation per id
    /// retained its path string once per row: 12 % of the load time on 300,000 rows.)
    private var seenIDs = CaseIDRegistry()
    private var paths: [String] = []
    public private(set) var records: [CaseRecord] = []

    public init(config: SiteConfig) {
        self.config = config
    }

    /// Reads and validates one file's bytes; appends its valid records and its diagnostics.
    ///
    /// Whatever else is wrong (a broken header, a missing column, a misaligned row), every cell is
    /// still screened for direct identifiers: those are the errors that must never slip through.
    public mutating func validate(bytes: [UInt8], path: String, into diagnostics: inout [Diagnostic]) {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            diagnostics.append(
                .error("the file is in UTF-16 (Excel's \"Unicode text\"); save it as \"CSV UTF-8\"", at: SourceLocation(path: path)))
            return
        }
        var reader = CSVReader(bytes: bytes, path: path)
        paths.append(path)
        guard let first = reader.next(diagnostics: &diagnostics) else {
            if reader.skippedRecords == 0 {
                let required = CaseColumn.allCases.filter(\.isRequired).map(\.rawValue).joined(separator: ", ")
                diagnostics.append(
                    .error(
                        "the case file is empty; it needs a header line naming the columns (\(required))", at: SourceLocation(path: path)))
            }
            return
        }
        // A malformed header line was reported and skipped by the reader: `first` is a data row.
        let layout: ColumnLayout?
        if reader.skippedRecords > 0 {
            layout = nil
            screen(first, layout: nil, reader: reader, into: &diagnostics)
        } else {
            layout = ColumnLayout(header: first, reader: reader, into: &diagnostics)
        }
        while let record = reader.next(diagnostics: &diagnostics) {
            // Spreadsheets leave rows of bare delimiters (`;;;;`) under the data: they are blank lines.
            if record.fields.allSatisfy({ reader.bytes[$0.range].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") } }) {
                continue
            }
            guard let layout else {
                screen(record, layout: nil, reader: reader, into: &diagnostics)
                continue
            }
            guard record.fields.count == layout.fieldCount else {
                let delimiter = Character(UnicodeScalar(reader.delimiter))
                var message =
                    "expected \(layout.fieldCount) fields as in the header, found \(record.fields.count); check for a missing or extra '\(delimiter)', or a '\(delimiter)' inside a value that needs quotes"
                if delimiter == ",", record.fields.count > layout.fieldCount {
                    message += " (a decimal comma: write 12.5 or \"12,5\")"
                }
                diagnostics.append(.error(message, at: SourceLocation(path: path, line: record.line, column: 1)))
                screen(record, layout: nil, reader: reader, into: &diagnostics)
                continue
            }
            guard layout.isComplete else {
                screen(record, layout: layout, reader: reader, into: &diagnostics)
                continue
            }
            if let caseRecord = validateRecord(record, layout: layout, reader: reader, into: &diagnostics) {
                records.append(caseRecord)
            }
        }
    }

    /// Only the anonymity guard, for records whose other rules cannot be checked. Without a layout
    /// (no header, or a misaligned row) cells are named by position, since column names would mislead.
    private func screen(_ record: CSVRecord, layout: ColumnLayout?, reader: CSVReader, into diagnostics: inout [Diagnostic]) {
        for (i, field) in record.fields.enumerated() {
            let place = layout?.place(ofField: i) ?? "field \(i + 1)"
            if let leak = IdentifierGuard.screen(field, reader: reader, place: place) { diagnostics.append(leak) }
        }
    }

    private mutating func validateRecord(_ record: CSVRecord, layout: ColumnLayout, reader: CSVReader, into diagnostics: inout [Diagnostic])
        -> CaseRecord?
    {
        var row = RowValidator(record: record, layout: layout, reader: reader)
        // Cells no rule reads are still screened, so a leaked identifier is named as such.
        for index in layout.extraColumns { _ = row.screenedText(fieldIndex: index) }

        if let caseID = row.text(.caseID) {
            if caseID.isEmpty {
                row.error(.caseID, "case_id is empty; every case needs an opaque identifier")
            } else if let first = seenIDs.register(caseID, file: paths.count - 1, line: record.line) {
                row.error(
                    .caseID,
                    "duplicate case_id: the same identifier is already used at \(paths[first.file]):\(first.line); give each case its own")
            }
        }
        let reportedOn = row.day(.reportedOn, required: true)
        let platform = row.key(.platform, in: config.platforms)
        let issues = row.issueSet(in: config.issues)
        let size = row.enumValue(.companySize, CompanySize.self, hint: Self.sizeHint, aliases: Self.sizeAliases)
        let region = row.key(.region, in: config.regions)
        let sector = row.key(.sector, in: config.sectors)
        let loss = row.percentage(.revenueLossPercent)
        let status = row.enumValue(.status, CaseStatus.self, hint: Self.statusHint)
        let referredOn = row.day(.referredOn, required: false)
        let closedOn = row.day(.closedOn, required: false)
        let outcome = row.optionalKey(.outcome, in: config.outcomes)

        if let status {
            checkStatus(status, referredOn: referredOn, closedOn: closedOn, outcome: outcome, row: &row)
        }
        checkOrder(reportedOn: reportedOn, referredOn: referredOn, closedOn: closedOn, row: &row)
        diagnostics.append(contentsOf: row.diagnostics)
        guard !row.hasErrors, let reportedOn, let platform, let issues, let size, let region, let sector, let status else { return nil }
        return CaseRecord(
            reportedOn: reportedOn, platform: platform, issues: issues, size: size, region: region, sector: sector,
            revenueLossPercent: loss, status: status, referredOn: referredOn, closedOn: closedOn, outcome: outcome)
    }

    // Built once, not per row: the hint's `joined` and the aliases' dictionary showed in the profile of 1 M rows.
    private static let sizeHint = "micro (fewer than 10 staff), small (10–49) or medium (50–249)"
    private static let sizeAliases = ["tpe": "micro", "pe": "small", "me": "medium"]
    private static let statusHint = CaseStatus.allCases.map(\.rawValue).joined(separator: ", ")

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

    /// reported_on ≤ referred_on ≤ closed_on ≤ the publication date.
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
        // Three calls rather than a loop over a fresh array of tuples each row.
        checkPublication(.reportedOn, reportedOn)
        checkPublication(.referredOn, referredOn)
        checkPublication(.closedOn, closedOn)
    }
}
