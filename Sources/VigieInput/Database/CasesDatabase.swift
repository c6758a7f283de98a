// Where the cases come from when they are not CSV exports: `cases_database` in site.yaml names a
// PostgreSQL connection and the query that yields the SPEC's columns.

import VigieSupport

/// `cases_database` in site.yaml: the cases are read from PostgreSQL instead of `content/cases/`.
///
/// The connection string is never in a file: site.yaml names the environment variable that holds
/// it, so the content folder can be committed and its diagnostics printed without a password.
public struct CasesDatabase: Sendable, Equatable {
    /// The name of the environment variable holding a libpq connection string or URI.
    public var connectionVariable: String
    /// A `SELECT` (or `WITH … SELECT`) yielding the case columns, or the name of a table or view.
    public var query: String
    /// Bound on connecting and on the query itself (PostgreSQL's `statement_timeout`).
    public var timeoutSeconds: Int
    /// Where `cases_database` is set, for the errors that concern the source as a whole.
    public var location: SourceLocation

    public static let defaultConnectionVariable = "VIGIE_DATABASE_URL"
    public static let defaultTimeoutSeconds = 60

    public init(
        connectionVariable: String = defaultConnectionVariable, query: String, timeoutSeconds: Int = defaultTimeoutSeconds,
        location: SourceLocation = SourceLocation(path: "site.yaml")
    ) {
        self.connectionVariable = connectionVariable
        self.query = query
        self.timeoutSeconds = timeoutSeconds
        self.location = location
    }

    /// True when `query` is a table or view name (`cases_export`, `intake.cases_export`) rather than a query.
    public var namesRelation: Bool {
        let parts = query.split(separator: ".", omittingEmptySubsequences: false)
        return (1...2).contains(parts.count)
            && parts.allSatisfy { part in
                guard let first = part.utf8.first, !(48...57).contains(first) else { return false }
                return part.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || $0 == 95 }
            }
    }

    /// The statement whose rows are copied out: the relation's rows, or the query as it is written.
    public var selectStatement: String {
        namesRelation ? "SELECT * FROM \(query)" : query
    }

    /// How diagnostics name the source in place of a file path: `postgresql:intake.cases_export`,
    /// or `postgresql:query` for a query (which may be long, and is in site.yaml for all to read).
    public var sourceName: String {
        "postgresql:" + (namesRelation ? query : "query")
    }
}
