// Validation stage for case files: turns CSV records into `CaseRecord`s in one pass, collecting
// every problem with its line and column, and refusing direct identifiers without echoing them.

/// Validates the case files of one build; keeps the identifiers seen so far to check uniqueness across files.
public struct CaseFileValidator {
    public let config: SiteConfig
    /// First place each case_id was seen: file path and line.
    private var seenIDs: [String: SourceLocation] = [:]
    public private(set) var records: [CaseRecord] = []

    public init(config: SiteConfig) {
        self.config = config
    }

    /// Reads and validates one file's bytes; appends its valid records and its diagnostics.
    public mutating func validate(bytes: [UInt8], path: String, into diagnostics: inout [Diagnostic]) {
        var reader = CSVReader(bytes: bytes, path: path)
        guard let header = reader.next(diagnostics: &diagnostics) else {
            if !diagnostics.contains(where: { $0.location.path == path }) {
                diagnostics.append(.error("the case file is empty; it needs a header line naming the columns (\(CaseColumn.allCases.filter(\.isRequired).map(\.rawValue).joined(separator: ", ")))", at: SourceLocation(path: path)))
            }
            return
        }
        guard let layout = ColumnLayout(header: header, reader: reader, into: &diagnostics) else { return }
        while let record = reader.next(diagnostics: &diagnostics) {
            guard record.fields.count == header.fields.count else {
                let location = SourceLocation(path: path, line: record.line, column: 1)
                diagnostics.append(.error("expected \(header.fields.count) fields as in the header, found \(record.fields.count); check for a missing or extra '\(Character(UnicodeScalar(reader.delimiter)))' or an unquoted delimiter inside a value", at: location))
                continue
            }
            if let caseRecord = validateRecord(record, layout: layout, reader: reader, into: &diagnostics) {
                records.append(caseRecord)
            }
        }
    }

    private mutating func validateRecord(_ record: CSVRecord, layout: ColumnLayout, reader: CSVReader, into diagnostics: inout [Diagnostic]) -> CaseRecord? {
        var row = RowValidator(record: record, layout: layout, reader: reader, config: config)
        // Cells of unknown columns are still screened, so a leaked identifier is named as such.
        for index in layout.unknownColumns { _ = row.screenedText(fieldIndex: index) }

        let caseID = row.text(.caseID)
        if let caseID {
            if caseID.isEmpty {
                row.error(.caseID, "case_id is empty; every case needs an opaque identifier")
            } else if let first = seenIDs[caseID] {
                row.error(.caseID, "duplicate case_id: the same identifier is already used at \(first.path):\(first.line)")
            } else {
                seenIDs[caseID] = SourceLocation(path: reader.path, line: record.line, column: 0)
            }
        }
        let reportedOn = row.day(.reportedOn, required: true)
        let platform = row.key(.platform, in: config.platforms)
        let issues = row.issueSet()
        let size = row.enumValue(.companySize, CompanySize.self, hint: "micro (fewer than 10 staff), small (10–49) or medium (50–249)")
        let region = row.key(.region, in: config.regions)
        let sector = row.key(.sector, in: config.sectors)
        let loss = row.percentage(.revenueLossPercent)
        let status = row.enumValue(.status, CaseStatus.self, hint: CaseStatus.allCases.map(\.rawValue).joined(separator: ", "))
        let referredOn = row.day(.referredOn, required: false)
        let closedOn = row.day(.closedOn, required: false)
        let outcome = row.optionalKey(.outcome, in: config.outcomes)

        if let status {
            if status.requiresReferral && referredOn == nil && !row.failed(.referredOn) {
                row.error(.referredOn, "status '\(status.rawValue)' needs a referred_on date (the day the case went to the mediator)", fallback: .status)
            }
            if status.isClosed && closedOn == nil && !row.failed(.closedOn) {
                row.error(.closedOn, "status '\(status.rawValue)' needs a closed_on date", fallback: .status)
            }
            if !status.isClosed && closedOn != nil {
                row.error(.closedOn, "closed_on is set but status '\(status.rawValue)' is not closed; use resolved, not_resolved or withdrawn, or clear closed_on")
            }
            if !status.isClosed && outcome != nil {
                row.error(.outcome, "an outcome is only allowed on a closed case (resolved, not_resolved or withdrawn), not on status '\(status.rawValue)'")
            }
            if (status == .received || status == .qualified) && referredOn != nil {
                row.error(.referredOn, "referred_on is set but status '\(status.rawValue)' is before referral; use referred or a later status")
            }
        }
        if let reportedOn, let referredOn, referredOn < reportedOn {
            row.error(.referredOn, "referred_on \(referredOn) is before reported_on \(reportedOn)")
        }
        if let closedOn {
            if let referredOn, closedOn < referredOn {
                row.error(.closedOn, "closed_on \(closedOn) is before referred_on \(referredOn)")
            } else if let reportedOn, closedOn < reportedOn {
                row.error(.closedOn, "closed_on \(closedOn) is before reported_on \(reportedOn)")
            }
        }
        let publication = config.publicationDate
        for (column, day) in [(CaseColumn.reportedOn, reportedOn), (.referredOn, referredOn), (.closedOn, closedOn)] {
            if let day, day > publication {
                row.error(column, "\(column.rawValue) \(day) is after the publication date \(publication) set in site.yaml")
            }
        }
        diagnostics.append(contentsOf: row.diagnostics)
        guard !row.hasErrors, let reportedOn, let platform, let issues, let size, let region, let sector, let status else { return nil }
        return CaseRecord(
            reportedOn: reportedOn, platform: platform, issues: issues, size: size, region: region, sector: sector,
            revenueLossPercent: loss, status: status, referredOn: referredOn, closedOn: closedOn, outcome: outcome)
    }
}
