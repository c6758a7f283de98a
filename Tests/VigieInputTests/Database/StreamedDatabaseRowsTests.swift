// The rows of the cases query stream through the validator a window at a time, as a case file
// does: whatever the window, the records and the located diagnostics are those of one pass.

import Foundation
import Testing
import VigieSupport
import VigieTestSupport

@testable import VigieInput

@Suite(
    "Rows streamed from PostgreSQL in windows",
    .enabled(
        if: TestDatabase.url != nil,
        "VIGIE_TEST_DATABASE_URL is not set: scripts/test.sh starts a PostgreSQL server for these tests (scripts/postgres-test-server.sh)"
    ))
struct StreamedDatabaseRowsTests {
    /// The default site.yaml reading `query` from the test server.
    private func config(query: String) throws -> SiteConfig {
        var diagnostics: [Diagnostic] = []
        var config = try #require(ContentLoader.loadConfig(root: Repository.content, into: &diagnostics))
        config.casesDatabase = CasesDatabase(query: query)
        return config
    }

    private func stream(_ config: SiteConfig, url: String, windowBytes: Int) -> (records: [CaseRecord], diagnostics: [String]) {
        var collector = CaseCollector()
        var diagnostics: [Diagnostic] = []
        ContentLoader.streamCases(
            paths: [], root: Repository.content, config: config, environment: ["VIGIE_DATABASE_URL": url], to: &collector,
            into: &diagnostics, windowBytes: windowBytes)
        return (collector.records, diagnostics.map(\.description))
    }

    @Test("in windows of a few rows, the records are the case file's, in its order")
    func sameRecordsAsTheCaseFile() throws {
        let database = try TestDatabase(url: TestDatabase.url!)
        let config = try config(query: database.schema + ".cases_export")
        var fileDiagnostics: [Diagnostic] = []
        var fileConfig = config
        fileConfig.casesDatabase = nil
        let fromFile = ContentLoader.loadCases(
            paths: ContentLoader.caseFilePaths(root: Repository.content), root: Repository.content, config: fileConfig,
            into: &fileDiagnostics)
        #expect(fileDiagnostics.isEmpty)
        #expect(fromFile.count > 500)
        for windowBytes in [1, 700, 16_384, CaseFileValidator<CaseCollector>.defaultWindowBytes] {
            let streamed = stream(config, url: database.url, windowBytes: windowBytes)
            #expect(streamed.diagnostics == [], "windows of \(windowBytes) bytes")
            #expect(streamed.records == fromFile, "windows of \(windowBytes) bytes")
        }
    }

    @Test("in windows, errors keep their rows, columns and first occurrences")
    func sameDiagnosticsInWindows() throws {
        let database = try TestDatabase(url: TestDatabase.url!)
        // Row 40: an e-mail address; row 300: a platform not in the vocabulary and a line feed in a
        // value before it; row 500 repeats row 7's case_id.
        try database.run(
            """
            UPDATE \(database.schema).cases SET issues = 'jeanne.martin@example.fr' WHERE position = 40;
            UPDATE \(database.schema).cases SET sector = E'publi\\nshing' WHERE position = 200;
            UPDATE \(database.schema).cases SET platform = 'amazn' WHERE position = 300;
            UPDATE \(database.schema).cases SET case_id = (SELECT case_id FROM \(database.schema).cases WHERE position = 7)
                WHERE position = 500;
            """)
        let config = try config(query: database.schema + ".cases_export")
        let whole = stream(config, url: database.url, windowBytes: CaseFileValidator<CaseCollector>.defaultWindowBytes)
        #expect(whole.diagnostics.count == 4)
        #expect(whole.diagnostics.contains { $0.hasPrefix("postgresql:\(database.schema).cases_export:40:4: error: ") })
        #expect(whole.diagnostics.contains { $0.hasPrefix("postgresql:\(database.schema).cases_export:300:3: error: ") })
        #expect(
            whole.diagnostics.contains { $0.hasPrefix("postgresql:\(database.schema).cases_export:500:1: error: ") && $0.contains("row 7") }
        )
        #expect(!whole.diagnostics.joined().contains("jeanne"))
        for windowBytes in [1, 700, 16_384] {
            let streamed = stream(config, url: database.url, windowBytes: windowBytes)
            #expect(streamed.diagnostics == whole.diagnostics, "windows of \(windowBytes) bytes")
            #expect(streamed.records == whole.records, "windows of \(windowBytes) bytes")
        }
    }
}
