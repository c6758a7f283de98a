// How the rows a COPY yields are named in diagnostics: by row and column of the query's result,
// with the row's case_id when it can be shown. No server needed: the COPY's CSV text is given.

import Testing
import VigieSupport
import VigieTestSupport

@testable import VigieInput

@Suite("Diagnostics of rows read from PostgreSQL")
struct DatabaseRowLocatorTests {
    static let database = CasesDatabase(query: "intake.cases_export")

    /// The rows as a COPY gives them (the header first), validated and located as the source does.
    /// Rows stream in windows: windows of a row or two locate every diagnostic as one window does.
    private func check(_ rows: [String], header: String = SiteTree.header) -> [String] {
        let text = ([header] + rows).joined(separator: "\n") + "\n"
        func located(windowBytes: Int) -> [String] {
            var validator = CaseFileValidator(config: SiteConfig(publicationDate: Day(year: 2019, month: 3, day: 29)!))
            var diagnostics: [Diagnostic] = []
            PostgreSQLCaseSource.validate(
                Array(text.utf8), database: Self.database, validator: &validator, windowBytes: windowBytes, into: &diagnostics)
            return diagnostics.map(\.description)
        }
        let whole = located(windowBytes: CaseFileValidator<CaseCollector>.defaultWindowBytes)
        for windowBytes in [1, 100, 250] { #expect(located(windowBytes: windowBytes) == whole, "windows of \(windowBytes) bytes") }
        return whole
    }

    @Test("a cell's error is at its row and column, after the row's case_id")
    func rowAndColumn() {
        let lines = check([
            SiteTree.caseRow(id: "C-1"),
            SiteTree.caseRow(["issues": "jeanne.martin@example.fr"], id: "C-2"),
        ])
        #expect(
            lines == [
                "postgresql:intake.cases_export:2:4: error: case_id C-2: column 'issues' holds what looks like an e-mail address (value masked); case files must be anonymised: delete it from the export"
            ])
    }

    @Test("a value spread over lines does not shift the rows after it")
    func multilineValue() {
        let lines = check([
            SiteTree.caseRow(["sector": "\"publi\nshing\""], id: "C-1"),
            SiteTree.caseRow(["platform": "amazn"], id: "C-2"),
        ])
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("postgresql:intake.cases_export:1:7: error: case_id C-1: ") == true)
        #expect(lines.last?.hasPrefix("postgresql:intake.cases_export:2:3: error: case_id C-2: unknown platform 'amazn'") == true)
    }

    @Test("a case_id that is itself personal data is never shown as the row's key")
    func identifierAsKey() {
        let lines = check([SiteTree.caseRow(id: "jeanne.martin@example.fr")])
        #expect(lines.count == 1)
        #expect(
            lines.first?.hasPrefix("postgresql:intake.cases_export:1:1: error: column 'case_id' holds what looks like an e-mail address")
                == true)
        #expect(!lines.joined().contains("jeanne"))
    }

    @Test("a duplicate names the row of the first occurrence, not a line of the COPY's text")
    func duplicate() {
        let lines = check([SiteTree.caseRow(id: "C-1"), SiteTree.caseRow(id: "C-2"), SiteTree.caseRow(id: "C-1")])
        #expect(
            lines == [
                "postgresql:intake.cases_export:3:1: error: case_id C-1: duplicate case_id: the same identifier is already used at row 1; give each case its own"
            ])
    }

    @Test("a problem of the columns concerns the query as a whole")
    func header() {
        let header = SiteTree.header.replacingOccurrences(of: ",region", with: "")
        let row = SiteTree.caseRow().split(separator: ",", omittingEmptySubsequences: false).enumerated().filter { $0.offset != 5 }
            .map { String($0.element) }.joined(separator: ",")
        let lines = check([row], header: header)
        #expect(lines.first?.hasPrefix("postgresql:intake.cases_export: error: missing required column 'region' in the header") == true)
    }
}
