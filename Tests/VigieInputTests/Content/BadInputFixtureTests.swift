// Every bad-input fixture, loaded by the library: exactly the expected diagnostics, and no leaked value.

import Testing
import VigieCore
import VigieInput
import VigieTestSupport

@Suite struct BadInputFixtureTests {
    @Test func thereIsAFixtureForEachRule() {
        #expect(Fixture.badInputs.count >= 25)
    }

    @Test(arguments: Fixture.badInputs.filter { !$0.isFoundAfterRendering })
    func reportsExactlyTheExpectedDiagnostics(_ fixture: Fixture) {
        let result = ContentLoader.load(directory: fixture.contentFolder)
        #expect(result.content == nil, "a fixture that breaks a rule must not load")
        #expect(!fixture.expectedLines.isEmpty)
        #expect(result.diagnostics.rendered(relativeTo: fixture.folder) == fixture.expectedLines)
    }

    @Test(arguments: Fixture.badInputs.filter(\.isFoundAfterRendering))
    func loadsThenFailsTheCheckOfTheBuiltSite(_ fixture: Fixture) throws {
        #expect(ContentLoader.load(directory: fixture.contentFolder).diagnostics.map(\.description) == [])
        let options = BuildOptions(contentDirectory: fixture.contentFolder, templatesDirectory: Repository.templates, outputDirectory: nil)
        let report = try SiteBuilder.run(options)
        #expect(report.diagnostics.items.rendered(relativeTo: fixture.folder) == fixture.expectedLines)
    }

    @Test(arguments: Fixture.badInputs.filter { !$0.secrets.isEmpty })
    func neverEchoesAnIdentifyingValue(_ fixture: Fixture) {
        let output = ContentLoader.load(directory: fixture.contentFolder).diagnostics.map(\.description).joined(separator: "\n")
        for secret in fixture.secrets {
            #expect(!output.contains(secret), "the output echoes a value of \(fixture.name)/secret.txt")
        }
    }

    @Test(arguments: Fixture.goodInputs)
    func goodInputLoadsWithoutDiagnostics(_ fixture: Fixture) {
        let result = ContentLoader.load(directory: fixture.contentFolder)
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.content != nil)
    }
}
