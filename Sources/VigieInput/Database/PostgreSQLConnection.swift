// One connection to PostgreSQL through libpq, opened for reading the cases: a connect timeout, a
// statement timeout, a read-only transaction, and a COPY streamed out a message at a time.

import CLibPQ
import Foundation
import VigieSupport

/// A libpq connection, closed when the value goes away. Only what reading the cases needs.
final class PostgreSQLConnection {
    /// What went wrong, in words that never hold the connection string or a value of the data.
    struct Failure: Error, Equatable {
        var message: String
    }

    private let connection: OpaquePointer

    /// Connects with `connectionString` (a libpq `key=value` string or a `postgresql://` URI), giving
    /// up after `timeoutSeconds`. The string is handed to libpq as the expanded `dbname`, so the
    /// keywords after it (the timeout, the encoding, the application's name) override its own.
    init(connectionString: String, timeoutSeconds: Int) throws(Failure) {
        let keywords = ["dbname", "connect_timeout", "client_encoding", "application_name"]
        let values = [connectionString, String(timeoutSeconds), "UTF8", "vigie"]
        let opened = Self.withCStrings(keywords) { keywordPointers in
            Self.withCStrings(values) { valuePointers in PQconnectdbParams(keywordPointers, valuePointers, 1) }
        }
        guard let opened else { throw Failure(message: "libpq could not allocate a connection") }
        guard PQstatus(opened) == CONNECTION_OK else {
            let message = Self.connectionMessage(opened)
            PQfinish(opened)
            throw Failure(message: message)
        }
        connection = opened
    }

    deinit { PQfinish(connection) }

    /// Runs one command that returns no rows (`SET`, `BEGIN`, `ROLLBACK`).
    func run(_ command: String) throws(Failure) {
        guard let result = PQexec(connection, command) else { throw Failure(message: lastMessage()) }
        defer { PQclear(result) }
        guard PQresultStatus(result) == PGRES_COMMAND_OK else { throw Failure(message: Self.resultMessage(result)) }
    }

    /// The names and type identifiers of the columns `query` yields, without running it (a prepared
    /// statement, described): so a column of the wrong type is named before any row is read.
    func columns(of query: String) throws(Failure) -> [(name: String, type: UInt32)] {
        guard let prepared = PQprepare(connection, "", query, 0, nil) else { throw Failure(message: lastMessage()) }
        defer { PQclear(prepared) }
        guard PQresultStatus(prepared) == PGRES_COMMAND_OK else { throw Failure(message: Self.resultMessage(prepared)) }
        guard let described = PQdescribePrepared(connection, "") else { throw Failure(message: lastMessage()) }
        defer { PQclear(described) }
        guard PQresultStatus(described) == PGRES_COMMAND_OK else { throw Failure(message: Self.resultMessage(described)) }
        return (0..<PQnfields(described)).map { k in
            (String(cString: PQfname(described, k)), UInt32(PQftype(described, k)))
        }
    }

    /// Starts `COPY (query) TO STDOUT` in CSV with a header line; its rows then come from `nextCopyRow`.
    /// Sent with `PQexecParams`, which takes one statement only: a query cannot end the
    /// read-only transaction (`…; COMMIT; DELETE …`) to run something after it.
    func startCopy(_ query: String) throws(Failure) {
        let command = "COPY (\(query)) TO STDOUT WITH (FORMAT csv, HEADER true, ENCODING 'UTF8')"
        guard let started = PQexecParams(connection, command, 0, nil, nil, nil, nil, 0) else { throw Failure(message: lastMessage()) }
        let status = PQresultStatus(started)
        let startMessage = status == PGRES_COPY_OUT ? nil : Self.resultMessage(started)
        PQclear(started)
        if let startMessage { throw Failure(message: startMessage) }
    }

    /// Appends the COPY's next row (the header line first) to `bytes` and gives its length; 0 once
    /// the COPY has ended well. A row is one message of the protocol, whole, with its line feed.
    func nextCopyRow(into bytes: inout [UInt8]) throws(Failure) -> Int {
        var buffer: UnsafeMutablePointer<CChar>?
        let count = PQgetCopyData(connection, &buffer, 0)
        if count > 0, let buffer {
            buffer.withMemoryRebound(to: UInt8.self, capacity: Int(count)) {
                bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: Int(count)))
            }
            PQfreemem(buffer)
            return Int(count)
        }
        if count == -2 { throw Failure(message: lastMessage()) }
        // The COPY's own end: an error here (a timeout, a value PostgreSQL could not output) voids the rows.
        var failure: Failure?
        while let result = PQgetResult(connection) {
            if PQresultStatus(result) != PGRES_COMMAND_OK && failure == nil { failure = Failure(message: Self.resultMessage(result)) }
            PQclear(result)
        }
        if let failure { throw failure }
        return 0
    }

    // MARK: - Messages

    /// SQLSTATE of a query cancelled by `statement_timeout`.
    static let queryCanceled = "57014"

    /// PostgreSQL's primary message and hint, with its SQLSTATE. Not its detail, which may quote
    /// a row; and for a data exception (class 22: a value that does not convert), not even the
    /// primary message, which quotes the value ("invalid input syntax for type date: …").
    static func resultMessage(_ result: OpaquePointer) -> String {
        let state = field(result, "C") ?? "?????"
        if state == queryCanceled {
            return "the query was cancelled by its timeout (SQLSTATE \(state)); raise 'timeout_seconds' or make the query faster"
        }
        if state.hasPrefix("22") {
            return
                "PostgreSQL refused a value while running the query (SQLSTATE \(state)); the value is not shown, since it may be personal data"
        }
        var message = field(result, "M") ?? "the query failed"
        if let hint = field(result, "H") { message += " (hint: \(hint))" }
        return "PostgreSQL: \(message) (SQLSTATE \(state))"
    }

    private static func field(_ result: OpaquePointer, _ code: Character) -> String? {
        guard let text = PQresultErrorField(result, Int32(code.asciiValue!)) else { return nil }
        let value = String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }

    private func lastMessage() -> String { Self.oneLine(String(cString: PQerrorMessage(connection))) }

    /// Why the connection failed, as libpq says it (host, port, the server's refusal), with the
    /// password masked should it ever appear in it.
    private static func connectionMessage(_ connection: OpaquePointer) -> String {
        var message = oneLine(String(cString: PQerrorMessage(connection)))
        if let pass = PQpass(connection), case let password = String(cString: pass), !password.isEmpty {
            message = message.replacingOccurrences(of: password, with: "****")
        }
        return message.isEmpty ? "the connection failed" : message
    }

    /// libpq's messages span lines (`connection to server … failed: …\n\tIs the server running…`).
    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(
            separator: " ")
    }

    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        defer { for pointer in pointers { free(pointer) } }
        pointers.append(nil)
        return body(pointers.map { UnsafePointer($0) })
    }
}
