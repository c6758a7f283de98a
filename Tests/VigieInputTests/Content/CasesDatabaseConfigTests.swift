import Testing
import VigieSupport

@testable import VigieInput

@Suite("cases_database in site.yaml")
struct CasesDatabaseConfigTests {
    static func load(_ extra: String) -> (config: SiteConfig?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let config = SiteConfigLoader.load(
            text: "title: Vigie\npublication_date: 2019-03-29\n" + extra, path: "site.yaml", into: &diagnostics)
        return (config, diagnostics)
    }

    @Test("without the key the cases are the CSV files")
    func absent() {
        #expect(Self.load("").config?.casesDatabase == nil)
    }

    @Test("a view's name, with the defaults: VIGIE_DATABASE_URL and 60 seconds")
    func viewWithDefaults() throws {
        let loaded = Self.load("cases_database:\n  query: intake.cases_export\n")
        #expect(loaded.diagnostics.isEmpty)
        let database = try #require(loaded.config?.casesDatabase)
        #expect(database.connectionVariable == "VIGIE_DATABASE_URL")
        #expect(database.timeoutSeconds == 60)
        #expect(database.namesRelation)
        #expect(database.selectStatement == "SELECT * FROM intake.cases_export")
        #expect(database.sourceName == "postgresql:intake.cases_export")
        #expect(database.location.description == "site.yaml:3:1")
    }

    @Test("a query, another variable and a timeout")
    func queryWithSettings() throws {
        let loaded = Self.load(
            "cases_database:\n  connection_variable: INTAKE_DB\n  query: \"SELECT * FROM cases WHERE status <> 'draft'\"\n  timeout_seconds: 5\n"
        )
        #expect(loaded.diagnostics.isEmpty)
        let database = try #require(loaded.config?.casesDatabase)
        #expect(database.connectionVariable == "INTAKE_DB")
        #expect(database.timeoutSeconds == 5)
        #expect(!database.namesRelation)
        #expect(database.selectStatement == "SELECT * FROM cases WHERE status <> 'draft'")
        #expect(database.sourceName == "postgresql:query")
    }

    @Test("a connection string where the variable's name belongs is refused, and not echoed")
    func connectionStringInTheFile() {
        let loaded = Self.load("cases_database:\n  connection_variable: \"postgresql://intake:hunter2@db/intake\"\n  query: cases\n")
        #expect(loaded.config?.casesDatabase == nil)
        #expect(loaded.config?.namesCasesDatabase == true)
        #expect(loaded.diagnostics.map(\.location.description) == ["site.yaml:4:24"])
        #expect(loaded.diagnostics.first?.message.contains("never in a file") == true)
        #expect(!loaded.diagnostics.contains { $0.message.contains("hunter2") })
    }

    @Test(
        "a missing query, a trailing ';', a timeout out of range and an unknown key are errors",
        arguments: [
            ("cases_database:\n  connection_variable: INTAKE_DB\n", "missing required key 'query' in 'cases_database'"),
            ("cases_database:\n  query: \"SELECT * FROM cases;\"\n", "'query' ends with ';'"),
            ("cases_database:\n  query: cases\n  timeout_seconds: 0\n", "expected 'timeout_seconds' to be a whole number from 1 to 86400"),
            (
                "cases_database:\n  query: cases\n  timeout: 5\n",
                "unknown key 'timeout' in 'cases_database'; did you mean 'timeout_seconds'?"
            ),
            ("cases_database: intake.cases_export\n", "expected 'cases_database' as a mapping of keys to values"),
        ])
    func invalid(yaml: String, message: String) {
        let loaded = Self.load(yaml)
        #expect(loaded.diagnostics.contains { $0.severity == .error && $0.message.contains(message) }, "\(loaded.diagnostics)")
    }
}
