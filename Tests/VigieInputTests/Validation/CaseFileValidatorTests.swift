// Case file rules that fixtures show less directly: what is still checked when a file is half broken.

import Testing
import VigieInput
import VigieSupport
import VigieTestSupport

@Suite struct CaseFileValidatorTests {
    private func check(_ text: String) -> [String] {
        var validator = CaseFileValidator(config: SiteConfig(publicationDate: Day(year: 2019, month: 3, day: 29)!))
        var diagnostics: [Diagnostic] = []
        validator.validate(bytes: Array(text.utf8), path: "f.csv", into: &diagnostics)
        return diagnostics.rendered(relativeTo: "/")
    }

    /// Regression: the reader skipped a malformed header and the first row became the header.
    @Test func aMalformedHeaderDoesNotTurnTheFirstRowIntoTheHeader() {
        let lines = check("case_id,\"platform\"x\n" + SiteTree.caseRow() + "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("f.csv:1:19: error: unexpected character after a closing quote") == true)
    }

    @Test func rowsUnderABrokenHeaderAreStillScreenedForIdentifiers() {
        let lines = check("case_id,\"platform\"x\n" + SiteTree.caseRow(["sector": "contact@exemple.fr"]) + "\n")
        #expect(lines.count == 2)
        #expect(lines.last?.contains("field 7 holds what looks like an e-mail address (value masked)") == true)
    }

    /// Regression: cells of a repeated column were neither validated nor screened.
    @Test func aRepeatedColumnIsStillScreened() {
        let lines = check(SiteTree.header + ",sector\n" + SiteTree.caseRow() + ",06 12 34 56 78\n")
        #expect(
            lines == [
                "f.csv:1:118: error: column 'sector' appears twice in the header (first as field 7); delete one of them",
                "f.csv:2:128: error: field 13 holds what looks like a phone number (value masked); case files must be anonymised: delete it from the export",
            ])
    }

    @Test func aValidFileGivesOneRecordPerRow() {
        var validator = CaseFileValidator(config: SiteConfig(publicationDate: Day(year: 2019, month: 3, day: 29)!))
        var diagnostics: [Diagnostic] = []
        let text = [
            SiteTree.header, SiteTree.caseRow(id: "A"),
            SiteTree.caseRow(["status": "received", "referred_on": "", "closed_on": "", "outcome": ""], id: "B"),
        ]
        .joined(separator: "\n")
        validator.validate(bytes: Array(text.utf8), path: "f.csv", into: &diagnostics)
        #expect(diagnostics.isEmpty)
        #expect(validator.records.map(\.status) == [.resolved, .received])
    }
}
