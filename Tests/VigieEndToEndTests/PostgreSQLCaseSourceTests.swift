import Foundation
import Testing
import VigieTestSupport

/// `cases_database`: the default cases, loaded into the test server (scripts/postgres-test-server.sh),
/// give the same site as the case file; every failure is one located error, exit 1, nothing published.
@Suite(
    "Cases from a PostgreSQL database",
    .enabled(
        if: TestDatabase.url != nil,
        "VIGIE_TEST_DATABASE_URL is not set: scripts/test.sh starts a PostgreSQL server for these tests (scripts/postgres-test-server.sh)"
    ))
struct PostgreSQLCaseSourceTests {
    /// The default content without its case file, reading `query` from the database instead.
    private func content(in folder: TemporaryFolder, query: String, extra: String = "") throws -> String {
        let content = folder.path + "/content"
        try FileManager.default.copyItem(atPath: Repository.content, toPath: content)
        try FileManager.default.removeItem(atPath: content + "/cases")
        let site = try String(contentsOfFile: content + "/site.yaml", encoding: .utf8)
        let quoted = query.replacingOccurrences(of: "\"", with: "\\\"")
        try (site + "cases_database:\n  query: \"\(quoted)\"\n" + extra).write(
            toFile: content + "/site.yaml", atomically: true, encoding: .utf8)
        return content
    }

    private func build(_ content: String, in folder: TemporaryFolder, url: String) throws -> CommandRun {
        try CommandRun.vigie(
            ["build", "--content", content, "--templates", Repository.templates, "--output", folder.path + "/_site", "--no-cache"],
            in: folder.path, timeout: 300, environment: ["VIGIE_DATABASE_URL": url])
    }

    @Test("the site built from the database is byte-identical to the one built from the case file")
    func sameSiteAsTheCaseFile() throws {
        let database = try TestDatabase(url: TestDatabase.url!)
        let folder = TemporaryFolder()
        let fromDatabase = try build(try content(in: folder, query: database.schema + ".cases_export"), in: folder, url: database.url)
        #expect(fromDatabase.status == 0, "\(fromDatabase.stderr)")
        let fromFile = try CommandRun.vigie(
            [
                "build", "--content", Repository.content, "--templates", Repository.templates, "--output", folder.path + "/csv",
                "--no-cache",
            ],
            in: folder.path)
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        let one = DeterminismTests.tree(folder.path + "/_site"), two = DeterminismTests.tree(folder.path + "/csv")
        #expect(one.count > 100)
        #expect(one.keys.sorted() == two.keys.sorted())
        for (path, data) in one where two[path] != data { Issue.record("\(path) differs") }
    }

    /// A query, what the error must say, and what it must not print.
    struct Failure: Sendable, CustomTestStringConvertible {
        var name: String
        /// `{schema}` stands for the test's schema.
        var query: String
        var expected: [String]
        var testDescription: String { name }
    }

    static let failures = [
        Failure(
            name: "a table that does not exist", query: "{schema}.cases_exprt",
            expected: [
                "site.yaml:",
                "error: the cases query failed: PostgreSQL: relation \"{schema}.cases_exprt\" does not exist (SQLSTATE 42P01)",
            ]),
        Failure(
            name: "a missing column",
            query: "SELECT case_id, reported_on, platform, issues, company_size, sector, status FROM {schema}.cases",
            expected: ["postgresql:query: error: missing required column 'region' in the header"]),
        Failure(
            name: "an extra column", query: "{schema}.cases",
            expected: ["postgresql:{schema}.cases: error: unknown column 'position'"]),
        Failure(
            name: "a column of the wrong type",
            query:
                "SELECT case_id, reported_on::timestamp AS reported_on, platform, issues, company_size, region, sector, revenue_loss_pct, status, referred_on, closed_on, outcome FROM {schema}.cases",
            expected: ["postgresql:query: error: column 'reported_on' is of type timestamp", "reported_on::date"]),
        Failure(
            name: "an e-mail address in a cell",
            query:
                "SELECT case_id, reported_on, platform, CASE WHEN position = 7 THEN 'jeanne.martin@example.fr' ELSE issues END AS issues, company_size, region, sector, revenue_loss_pct, status, referred_on, closed_on, outcome FROM {schema}.cases ORDER BY position",
            expected: [
                "postgresql:query:7:4: error: case_id VIG-0000007: column 'issues' holds what looks like an e-mail address (value masked)"
            ]),
        Failure(
            name: "a value PostgreSQL cannot convert",
            query: "SELECT \(TestDatabase.columns) FROM {schema}.cases WHERE (platform || 'jeanne.martin@example.fr')::int > 0",
            expected: [
                "the cases query failed: PostgreSQL refused a value while running the query (SQLSTATE 22P02); the value is not shown"
            ]),
        Failure(
            name: "a write, refused by the read-only transaction",
            query: "WITH gone AS (DELETE FROM {schema}.cases RETURNING *) SELECT \(TestDatabase.columns) FROM gone",
            expected: ["read-only transaction (SQLSTATE 25006)"]),
        Failure(
            name: "a second statement after the query",
            query: "SELECT \(TestDatabase.columns) FROM {schema}.cases) TO STDOUT; COMMIT; DELETE FROM {schema}.cases; COPY (SELECT 1",
            expected: ["the cases query failed: PostgreSQL: syntax error"]),
        Failure(
            name: "a query slower than its timeout",
            query: "SELECT \(TestDatabase.columns) FROM {schema}.cases WHERE pg_sleep(0.02) IS NOT NULL",
            expected: ["the query was cancelled by its timeout (SQLSTATE 57014)"]),
    ]

    @Test("a failing query is one located error, exit 1, nothing published and nothing written", arguments: failures)
    func failingQuery(failure: Failure) throws {
        let database = try TestDatabase(url: TestDatabase.url!)
        let folder = TemporaryFolder()
        let query = failure.query.replacingOccurrences(of: "{schema}", with: database.schema)
        let run = try build(try content(in: folder, query: query, extra: "  timeout_seconds: 1\n"), in: folder, url: database.url)
        #expect(run.status == 1)
        for text in failure.expected {
            let expected = text.replacingOccurrences(of: "{schema}", with: database.schema)
            #expect(run.stderr.contains(expected), "expected '\(expected)' in:\n\(run.stderr)")
        }
        #expect(run.stderr.contains("nothing was published"), "\(run.stderr)")
        #expect(!run.stderr.contains("jeanne"), "a value was echoed:\n\(run.stderr)")
        #expect(!folder.exists("_site"))
        #expect(try database.caseCount() == 620)
    }

    @Test("a refused connection names the variable, never its value, and leaves the published site as it was")
    func refusedConnection() throws {
        let folder = TemporaryFolder()
        let content = try content(in: folder, query: "intake.cases_export")
        // A site published earlier, from the case file: a failed build must leave it whole.
        let earlier = try CommandRun.vigie(
            [
                "build", "--content", Repository.content, "--templates", Repository.templates, "--output", folder.path + "/_site",
                "--no-cache",
            ],
            in: folder.path)
        #expect(earlier.status == 0, "\(earlier.stderr)")
        let before = DeterminismTests.tree(folder.path + "/_site")
        let closedPort = try Self.closedPort()
        let run = try build(content, in: folder, url: "postgresql://vigie:s3cret-word@127.0.0.1:\(closedPort)/vigie")
        #expect(run.status == 1)
        #expect(run.stderr.contains("error: cannot connect to the cases database named by VIGIE_DATABASE_URL: "), "\(run.stderr)")
        #expect(run.stderr.contains("Connection refused"), "\(run.stderr)")
        #expect(!run.stderr.contains("s3cret-word"), "the password was printed:\n\(run.stderr)")
        #expect(DeterminismTests.tree(folder.path + "/_site") == before)
    }

    @Test("an unset variable is named")
    func unsetVariable() throws {
        let folder = TemporaryFolder()
        let content = try content(in: folder, query: "intake.cases_export", extra: "  connection_variable: VIGIE_NO_SUCH_VARIABLE\n")
        let run = try build(content, in: folder, url: "unused")
        #expect(run.status == 1)
        #expect(run.stderr.contains("error: the environment variable VIGIE_NO_SUCH_VARIABLE is not set"), "\(run.stderr)")
        #expect(!folder.exists("_site"))
    }

    @Test("a case file beside cases_database is an error: the cases come from one source")
    func twoSources() throws {
        let database = try TestDatabase(url: TestDatabase.url!)
        let folder = TemporaryFolder()
        let content = try content(in: folder, query: database.schema + ".cases_export")
        try FileManager.default.copyItem(atPath: Repository.content + "/cases", toPath: content + "/cases")
        let run = try build(content, in: folder, url: database.url)
        #expect(run.status == 1)
        #expect(
            run.stderr.contains("'cases_database' reads the cases from PostgreSQL, but \(content)/cases holds a case file too"),
            "\(run.stderr)")
        #expect(!folder.exists("_site"))
    }

    /// A port on 127.0.0.1 that nothing listens on: bound by the kernel, then closed.
    static func closedPort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
