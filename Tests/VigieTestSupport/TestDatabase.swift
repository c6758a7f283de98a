// The throw-away PostgreSQL server of the test run (scripts/postgres-test-server.sh, started by
// scripts/test.sh) and a schema of its own per test, loaded with psql.

import Foundation

/// A schema of the test server holding a copy of the default cases, dropped when the value goes away.
public final class TestDatabase: @unchecked Sendable {
    /// The test server's connection string: set by scripts/test.sh, absent when tests run alone.
    public static let url = ProcessInfo.processInfo.environment["VIGIE_TEST_DATABASE_URL"]

    public let url: String
    /// A schema name of its own, so the tests can run in parallel.
    public let schema: String

    /// The twelve case columns in the SPEC's order.
    public static let columns =
        "case_id, reported_on, platform, issues, company_size, region, sector, revenue_loss_pct, status, referred_on, closed_on, outcome"

    /// Creates `<schema>.cases` with typed columns (dates as `date`, the percentage as `numeric`)
    /// and a `position` kept from the file, loads the default case file into it, and creates the
    /// view `<schema>.cases_export` of the twelve columns in file order.
    public init(url: String) throws {
        self.url = url
        schema = "t_" + UUID().uuidString.prefix(8).lowercased()
        let file = Repository.content + "/cases/signalements.csv"
        try run(
            """
            CREATE SCHEMA \(schema);
            CREATE TABLE \(schema).cases (position serial, case_id text, reported_on date, platform text, issues text,
                company_size text, region text, sector text, revenue_loss_pct numeric, status text, referred_on date,
                closed_on date, outcome text);
            \\copy \(schema).cases (\(Self.columns)) FROM '\(file)' WITH (FORMAT csv, HEADER true)
            CREATE VIEW \(schema).cases_export AS SELECT \(Self.columns) FROM \(schema).cases ORDER BY position;
            """)
    }

    deinit { try? run("DROP SCHEMA \(schema) CASCADE;") }

    /// Runs SQL (and psql's backslash commands) with psql, stopping at the first error.
    public func run(_ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", "--quiet", "--no-psqlrc", "-v", "ON_ERROR_STOP=1", url]
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(sql.utf8))
        try input.fileHandleForWriting.close()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure(message: message) }
    }

    /// How many rows `<schema>.cases` holds, to check that nothing wrote to it.
    public func caseCount() throws -> Int {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", "--no-psqlrc", "-Atc", "SELECT count(*) FROM \(schema).cases", url]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    public struct Failure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { "psql: " + message }
    }
}
