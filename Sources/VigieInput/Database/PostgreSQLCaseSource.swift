// Loading stage for cases kept in PostgreSQL: the query's rows are copied out as CSV in a
// read-only transaction and go through the same validator and anonymity guard as a case file.

import Foundation
import VigieSupport

/// Reads the cases `cases_database` names. Every failure is a diagnostic, so the build publishes
/// nothing; none of them holds the connection string or a value the anonymity guard refuses.
public enum PostgreSQLCaseSource {
    /// Streams the query's rows through `validator` as one case file named `database.sourceName`,
    /// `windowBytes` at a time, the diagnostics located at rows and columns (`DatabaseRowLocator`).
    /// An error at the `cases_database` key of site.yaml instead when the variable is unset, the
    /// connection refused, the query refused by PostgreSQL or cancelled by its timeout, or a column
    /// of the wrong type; then whatever rows were read before count for nothing (the build fails).
    static func validate<Sink: CaseRecordSink>(
        _ database: CasesDatabase, environment: [String: String], validator: inout CaseFileValidator<Sink>,
        windowBytes: Int = CaseFileValidator<Sink>.defaultWindowBytes, into diagnostics: inout [Diagnostic]
    ) {
        let variable = database.connectionVariable
        func fail(_ message: String) {
            diagnostics.append(.error(message, at: database.location))
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
                return
            }
            try connection.startCopy(database.selectStatement)
        } catch {
            return fail("the cases query failed: \(error.message)")
        }
        var rows = CopyRowStream(connection: connection)
        validate(stream: &rows, database: database, validator: &validator, windowBytes: windowBytes, into: &diagnostics)
        if let failure = rows.failure {
            fail("the cases query failed: \(failure.message)")
            return
        }
        try? connection.run("ROLLBACK")
    }

    /// Validates a COPY's CSV text given whole (tests, no server): the same windows and locations
    /// as rows streamed from PostgreSQL.
    static func validate<Sink: CaseRecordSink>(
        _ bytes: [UInt8], database: CasesDatabase, validator: inout CaseFileValidator<Sink>,
        windowBytes: Int = CaseFileValidator<Sink>.defaultWindowBytes, into diagnostics: inout [Diagnostic]
    ) {
        var rows = CSVRowStream(bytes: bytes)
        validate(stream: &rows, database: database, validator: &validator, windowBytes: windowBytes, into: &diagnostics)
    }

    private static func validate<Sink: CaseRecordSink, Stream: RowByteStream>(
        stream: inout Stream, database: CasesDatabase, validator: inout CaseFileValidator<Sink>, windowBytes: Int,
        into diagnostics: inout [Diagnostic]
    ) {
        var found = FileDiagnostics()
        var locator = DatabaseRowLocator(source: database.sourceName)
        let complete = validator.validate(stream: &stream, windowBytes: windowBytes, path: database.sourceName, into: &found) {
            locator.scan($0, for: $1)
        }
        guard complete else { return }
        locator.rowLines = stream.rowLines
        diagnostics.append(contentsOf: found.all.map(locator.relocated))
    }
}

/// A stream of whole rows of CSV text, counting the lines of each (a value may span several):
/// what turns a line of the text back into a row of the query.
protocol RowByteStream: CaseByteStream {
    var rowLines: RowLines { get }
}

/// The rows of a running COPY, as PostgreSQL sends them: one message per row.
struct CopyRowStream: RowByteStream {
    let connection: PostgreSQLConnection
    private(set) var isAtEnd = false
    private(set) var failure: PostgreSQLConnection.Failure?
    private(set) var rowLines = RowLines()

    init(connection: PostgreSQLConnection) {
        self.connection = connection
    }

    mutating func read(_ count: Int?, after prefix: [UInt8]) -> [UInt8]? {
        var bytes = prefix
        if let count { bytes.reserveCapacity(prefix.count + count + 4096) }
        let wanted = prefix.count + (count ?? .max)
        while !isAtEnd && bytes.count < wanted {
            let start = bytes.count
            do {
                if try connection.nextCopyRow(into: &bytes) == 0 { isAtEnd = true }
            } catch {
                failure = error
                isAtEnd = true
                return nil
            }
            rowLines.add(row: bytes[start...])
        }
        return bytes
    }
}

/// A COPY's text given whole, handed out a row at a time like `CopyRowStream`.
struct CSVRowStream: RowByteStream {
    private let bytes: [UInt8]
    /// Where each record ends, after its line feed.
    private let ends: [Int]
    private var next = 0
    private(set) var rowLines = RowLines()

    init(bytes: [UInt8]) {
        self.bytes = bytes
        var reader = CSVReader(bytes: bytes, path: "")
        var ignored: [Diagnostic] = []
        var record = CSVRecord(line: 0, fields: [])
        var ends: [Int] = []
        while reader.next(into: &record, diagnostics: &ignored) { ends.append(reader.position) }
        if ends.last.map({ $0 < bytes.count }) ?? !bytes.isEmpty { ends.append(bytes.count) }
        self.ends = ends
    }

    var isAtEnd: Bool { next == ends.count }

    mutating func read(_ count: Int?, after prefix: [UInt8]) -> [UInt8]? {
        var result = prefix
        let wanted = prefix.count + (count ?? .max)
        while next < ends.count && result.count < wanted {
            let start = next == 0 ? 0 : ends[next - 1]
            result.append(contentsOf: bytes[start..<ends[next]])
            rowLines.add(row: bytes[start..<ends[next]])
            next += 1
        }
        return result
    }
}
