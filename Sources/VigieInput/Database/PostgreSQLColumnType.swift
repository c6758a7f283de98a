// The types a query's columns may have: PostgreSQL's text output of each must be what a case
// file holds, so a column whose type prints otherwise (a timestamp, an array) is named at once
// rather than failing on every row.

import VigieSupport

/// A result column's PostgreSQL type (its OID), and whether a case column may have it.
struct PostgreSQLColumnType {
    var oid: UInt32

    /// Text of any kind: PostgreSQL prints it as it is stored.
    private static let textual: Set<UInt32> = [25, 1043, 1042, 19, 705]  // text, varchar, char, name, unknown
    private static let integers: Set<UInt32> = [20, 21, 23]  // bigint, smallint, integer
    private static let decimals: Set<UInt32> = [1700, 700, 701]  // numeric, real, double precision
    private static let date: UInt32 = 1082
    /// OIDs from here on are the database's own types (enums, domains): printed as their labels.
    private static let firstUserOID: UInt32 = 16384

    private static let names: [UInt32: String] = [
        16: "boolean", 17: "bytea", 20: "bigint", 21: "smallint", 23: "integer", 114: "json", 700: "real", 701: "double precision",
        1009: "text[]", 1015: "varchar[]", 1082: "date", 1083: "time", 1114: "timestamp", 1184: "timestamp with time zone",
        1186: "interval", 1266: "time with time zone", 1700: "numeric", 2950: "uuid", 3802: "jsonb",
    ]

    var name: String { Self.names[oid] ?? "type \(oid)" }

    /// Nil when `column` may have this type; otherwise what to write in the query instead.
    func problem(for column: CaseColumn) -> String? {
        if Self.textual.contains(oid) || oid >= Self.firstUserOID { return nil }
        let name = column.rawValue
        switch column {
        case .reportedOn, .referredOn, .closedOn:
            if oid == Self.date { return nil }
            let cast = oid == 1114 || oid == 1184 ? "; cast it in the query: \(name)::date" : ""
            return "column '\(name)' is of type \(self.name), but it holds a date YYYY-MM-DD: use a date or text column\(cast)"
        case .revenueLossPercent:
            if Self.integers.contains(oid) || Self.decimals.contains(oid) { return nil }
            return "column '\(name)' is of type \(self.name), but it holds a percentage: use a numeric or text column"
        case .issues where oid == 1009 || oid == 1015:
            return
                "column '\(name)' is an array (\(self.name)), but it holds keys separated by '|': write array_to_string(\(name), '|') AS \(name)"
        case .caseID, .region:
            // An integer identifier or region code prints as its digits (a region '01' would lose its zero: the validator says so).
            if Self.integers.contains(oid) || oid == 2950 { return nil }
            return "column '\(name)' is of type \(self.name), but it holds a key: use a text column"
        default:
            return "column '\(name)' is of type \(self.name), but it holds a key: use a text column"
        }
    }
}
