// Loading stage for cases kept in PostgreSQL: the query's rows are copied out as CSV in a
// read-only transaction and go through the same validator and anonymity guard as a case file.

import Foundation
import VigieSupport

/// Reads the cases `cases_database` names. Every failure is a diagnostic, so the build publishes
/// nothing; none of them holds the connection string or a value the anonymity guard refuses.
public enum PostgreSQLCaseSource {
    /// The COPY's CSV text (its first line the column names), or nil with an error at the
    /// `cases_database` key of site.yaml: the variable unset, the connection refused, the query
    /// refused by PostgreSQL or cancelled by its timeout, a column of the wrong type.
    public static func read(_ database: CasesDatabase, environment: [String: String], into diagnostics: inout [Diagnostic]) -> [UInt8]? {
        let variable = database.connectionVariable
        func fail(_ message: String) -> [UInt8]? {
            diagnostics.append(.error(message, at: database.location))
            return nil
        }
        guard let connectionString = environment[variable], !connectionString.isEmpty else {
            return fail(
                "the environment variable \(variable) is not set; set it to the connection string of the cases database (e.g. postgresql://user@host/db)"
            )
        }
        let connection: PostgreSQLConnection
        do {
            connection = try PostgreSQLConnection(connectionString: connectionString, timeoutSeconds: database.timeoutSeconds)
        } catch {
            return fail("cannot connect to the cases database named by \(variable): \(error.message)")
        }
        do {
            try connection.run("SET statement_timeout = \(database.timeoutSeconds * 1000)")
            try connection.run("SET DateStyle = ISO, YMD")
            // One consistent snapshot, and no write whatever the query says (a function with side
            // effects, a data-modifying WITH): PostgreSQL refuses them in a read-only transaction.
            try connection.run("BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            let typeProblems = try connection.columns(of: database.selectStatement).compactMap { column in
                CaseColumn(rawValue: column.name).flatMap { PostgreSQLColumnType(oid: column.type).problem(for: $0) }
            }
            if !typeProblems.isEmpty {
                for problem in typeProblems { diagnostics.append(.error(problem, at: .wholeFile(database.sourceName))) }
                return nil
            }
            let bytes = try connection.copyOut(database.selectStatement)
            try connection.run("ROLLBACK")
            return bytes
        } catch {
            return fail("the cases query failed: \(error.message)")
        }
    }

    /// Validates the COPY's text as one case file named `database.sourceName`, then locates each
    /// diagnostic at its row and column (see `DatabaseRowLocator`).
    static func validate(
        _ bytes: [UInt8], database: CasesDatabase, validator: inout CaseFileValidator, into diagnostics: inout [Diagnostic]
    ) {
        var found: [Diagnostic] = []
        validator.validate(bytes: bytes, path: database.sourceName, into: &found)
        guard !found.isEmpty else { return }
        let locator = DatabaseRowLocator(bytes: bytes, source: database.sourceName, diagnostics: found)
        diagnostics.append(contentsOf: found.map(locator.relocated))
    }
}
