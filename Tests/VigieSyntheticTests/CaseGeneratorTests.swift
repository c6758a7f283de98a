import Foundation
import Testing
import VigieSupport
import VigieTestSupport

@testable import VigieInput
@testable import VigieSynthetic

@Suite("Synthetic content")
struct CaseGeneratorTests {
    @Test("the committed default case file is exactly what the seeded generator writes")
    func defaultCasesAreReproducible() throws {
        let committed = try #require(FileManager.default.contents(atPath: Repository.content + "/cases/signalements.csv"))
        #expect([UInt8](committed) == CaseGenerator(seed: 2018, count: 620).csv())
    }

    @Test("generated cases pass validation, with a platform under the threshold")
    func generatedCasesAreValid() {
        let config = SiteConfig(publicationDate: Day(iso: "2019-03-29")!)
        var validator = CaseFileValidator(config: config)
        var diagnostics: [Diagnostic] = []
        validator.validate(bytes: CaseGenerator(seed: 7, count: 2000).csv(), path: "cases.csv", into: &diagnostics)
        #expect(diagnostics.map(\.description) == [])
        #expect(validator.records.count == 2000)
    }
}
