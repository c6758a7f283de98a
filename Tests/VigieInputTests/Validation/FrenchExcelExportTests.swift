// A case file saved by French Excel ("CSV UTF-8": `;`, BOM, CRLF, quotes, decimal commas) means the same as the plain file.

import Testing
import VigieInput
import VigieSupport
import VigieTestSupport

@Suite struct FrenchExcelExportTests {
    static let plain = """
        case_id,reported_on,platform,issues,company_size,region,sector,revenue_loss_pct,status,referred_on,closed_on,outcome
        C-2018-00001,2018-11-05,amazon,delisting|accounting_documents,micro,44,publishing,12.5,resolved,2018-11-20,2019-01-15,reinstated
        C-2018-00002,2018-11-12,cdiscount,funds_withheld,small,01,fashion,,in_mediation,2018-11-30,,
        C-2018-00003,2018-11-19,fnac-darty,no_customer_service,medium,84,electronics,0.75,withdrawn,,2018-12-02,abandoned

        """

    /// The same cases as Excel writes them: columns in another order, every text quoted, commas for decimals.
    static let excel: [UInt8] =
        [0xEF, 0xBB, 0xBF]
        + Array(
            """
            "status";"case_id";"reported_on";"platform";"issues";"company_size";"region";"sector";"revenue_loss_pct";"referred_on";"closed_on";"outcome"\r
            "resolved";"C-2018-00001";2018-11-05;"amazon";"delisting|accounting_documents";"micro";"44";"publishing";12,5;2018-11-20;2019-01-15;"reinstated"\r
            "in_mediation";"C-2018-00002";2018-11-12;"cdiscount";"funds_withheld";"small";"01";"fashion";;2018-11-30;;\r
            "withdrawn";"C-2018-00003";2018-11-19;"fnac-darty";"no_customer_service";"medium";"84";"electronics";"0,75";;2018-12-02;"abandoned"\r

            """.utf8)

    private func load(_ bytes: [UInt8]) -> (records: [CaseRecord], diagnostics: [Diagnostic]) {
        var validator = CaseFileValidator(config: SiteConfig(publicationDate: Day(year: 2019, month: 3, day: 29)!))
        var diagnostics: [Diagnostic] = []
        validator.validate(bytes: bytes, path: "cases.csv", into: &diagnostics)
        return (validator.records, diagnostics)
    }

    @Test func excelExportGivesTheSameRecordsAsThePlainFile() {
        let plain = load(Array(Self.plain.utf8))
        let excel = load(Self.excel)
        #expect(plain.diagnostics.isEmpty)
        #expect(excel.diagnostics.isEmpty)
        #expect(plain.records.count == 3)
        #expect(excel.records == plain.records)
        #expect(excel.records.map(\.revenueLossPercent) == [12.5, nil, 0.75])
    }
}
