// A small wrapper over libsqlite3 (`CSQLite`) for `SQLiteDatabaseWriter`: an in-memory database,
// statements with bound values, and the database's bytes. Every call here runs fixed SQL on a
// database of our own in memory, so a failure is a bug, not an input error: it stops with SQLite's message.

import CSQLite

final class SQLiteConnection {
    enum Value {
        case integer(Int)
        case real(Double)
        case text(String)
        case null
    }

    private var handle: OpaquePointer?

    init() {
        let status = sqlite3_open_v2(":memory:", &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_MEMORY, nil)
        precondition(status == SQLITE_OK, "sqlite3_open_v2: \(status)")
    }

    deinit { sqlite3_close_v2(handle) }

    func execute(_ sql: String) {
        var message: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &message)
        precondition(status == SQLITE_OK, "SQLite: \(message.map { String(cString: $0) } ?? String(status)) in \(sql)")
    }

    func prepare(_ sql: String) -> Statement {
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        precondition(status == SQLITE_OK, "SQLite: \(errorMessage) in \(sql)")
        return Statement(statement: statement, connection: self)
    }

    var errorMessage: String { String(cString: sqlite3_errmsg(handle)) }

    /// The database file, byte for byte (`sqlite3_serialize` of the main schema).
    func serialized() -> [UInt8] {
        var size: sqlite3_int64 = 0
        guard let bytes = sqlite3_serialize(handle, "main", &size, 0) else { preconditionFailure("sqlite3_serialize failed") }
        defer { sqlite3_free(bytes) }
        return Array(UnsafeBufferPointer(start: bytes, count: Int(size)))
    }

    final class Statement {
        private let statement: OpaquePointer?
        private let connection: SQLiteConnection

        init(statement: OpaquePointer?, connection: SQLiteConnection) {
            self.statement = statement
            self.connection = connection
        }

        deinit { sqlite3_finalize(statement) }

        /// Binds `values` to the parameters in order and runs the statement once.
        func run(_ values: [Value]) {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
            // SQLITE_TRANSIENT: SQLite copies the text before the Swift string goes away.
            let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
            for (index, value) in values.enumerated() {
                let position = Int32(index + 1)
                switch value {
                case let .integer(number): sqlite3_bind_int64(statement, position, sqlite3_int64(number))
                case let .real(number): sqlite3_bind_double(statement, position, number)
                case let .text(text): sqlite3_bind_text(statement, position, text, -1, transient)
                case .null: sqlite3_bind_null(statement, position)
                }
            }
            let status = sqlite3_step(statement)
            precondition(status == SQLITE_DONE, "SQLite: \(connection.errorMessage)")
        }
    }
}
