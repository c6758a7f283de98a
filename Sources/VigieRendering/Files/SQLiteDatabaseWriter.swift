// /donnees/vigie.sqlite: every published table of /donnees/ in one SQLite database, with the tables'
// definitions, the columns' definitions, the keys' labels and the cell statuses as tables of their
// own. Built in memory and serialized, so the same tables give the same bytes.

import CSQLite
import VigieReleases
import VigieStatistics

public enum SQLiteDatabaseWriter {
    /// The file's name under /donnees/.
    public static let fileName = "vigie.sqlite"

    /// The database of `tables` (the protected case tables, then the commitments), as bytes.
    ///
    /// Byte-identical across builds: a fixed page size, one transaction, every row inserted in the
    /// order of the CSV files, nothing from the clock (SQLite stamps no time in its file; the header
    /// holds the library's version, so the bytes are those of one libsqlite3).
    /// Withheld cells are NULL, with their status in `<column>_status`, exactly as in the CSV.
    public static func write(tables: [StatTable], labels: Labels) -> [UInt8] {
        let database = SQLiteConnection()
        database.execute("PRAGMA page_size = 4096")
        database.execute("PRAGMA journal_mode = OFF")
        database.execute("BEGIN")
        writeMetadata(database, labels: labels)
        var described: [(name: String, vocabulary: String, key: String, label: String)] = []
        var seenLabels: Set<String> = []
        for table in tables {
            for resource in OpenDataContract.resources(of: table) {
                writeResource(resource, into: database, labels: labels)
                for (c, column) in resource.columns.enumerated() {
                    guard case let .key(vocabulary) = column.kind else { continue }
                    let group = vocabulary ?? column.name
                    for row in resource.rows {
                        guard case let .key(key) = row[c], seenLabels.insert(group + "\u{0}" + key).inserted else { continue }
                        described.append((resource.name, group, key, labels.cellText(row[c], column: column, vocabulary: vocabulary)))
                    }
                }
            }
        }
        let insertLabel = database.prepare("INSERT INTO labels (vocabulary, key, label) VALUES (?, ?, ?)")
        for entry in described { insertLabel.run([.text(entry.vocabulary), .text(entry.key), .text(entry.label)]) }
        database.execute("COMMIT")
        return database.serialized()
    }

    /// `metadata`, `tables`, `columns`, `labels` and `statuses`: what datapackage.json and the data page say.
    private static func writeMetadata(_ database: SQLiteConnection, labels: Labels) {
        let config = labels.config
        let strings = labels.strings
        database.execute(
            """
            CREATE TABLE metadata (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE tables (name TEXT PRIMARY KEY, source TEXT NOT NULL, is_totals INTEGER NOT NULL,
              title TEXT NOT NULL, definition TEXT NOT NULL, unit TEXT NOT NULL, csv TEXT NOT NULL, rows INTEGER NOT NULL);
            CREATE TABLE columns (table_name TEXT NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL,
              type TEXT NOT NULL, header TEXT NOT NULL, definition TEXT NOT NULL, PRIMARY KEY (table_name, name));
            CREATE TABLE labels (vocabulary TEXT NOT NULL, key TEXT NOT NULL, label TEXT NOT NULL, PRIMARY KEY (vocabulary, key));
            CREATE TABLE statuses (status TEXT PRIMARY KEY, meaning TEXT NOT NULL);
            """)
        let insert = database.prepare("INSERT INTO metadata (key, value) VALUES (?, ?)")
        let entries: [(String, String)] = [
            ("title", strings.text("datapackage.title")),
            ("description", strings.text("datapackage.description")),
            ("contract_version", OpenDataContract.version),
            ("publication_date", config.publicationDate.iso),
            ("disclosure_threshold", String(config.threshold)),
            ("licence", config.licence),
            ("licence_url", config.licenceURL),
            ("source", config.publisher.isEmpty ? config.title : config.publisher),
            ("homepage", config.baseURL),
        ]
        for (key, value) in entries { insert.run([.text(key), .text(value)]) }
        let status = database.prepare("INSERT INTO statuses (status, meaning) VALUES (?, ?)")
        for cellStatus in OpenDataContract.CellStatus.allCases {
            status.run([
                .text(cellStatus.rawValue),
                .text(strings.format("datapackage.status_\(cellStatus.rawValue)", ["k": String(config.threshold)])),
            ])
        }
    }

    /// One resource: its description rows, its own table (the CSV's columns and rows), its rows.
    private static func writeResource(_ table: PublishedTable, into database: SQLiteConnection, labels: Labels) {
        let strings = labels.strings
        let id = table.source.rawValue
        var title = strings.text("tables.\(id).title")
        if table.isTotals { title = strings.format("datapackage.totals_title", ["title": title]) }
        database.prepare("INSERT INTO tables (name, source, is_totals, title, definition, unit, csv, rows) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            .run([
                .text(table.name), .text(id), .integer(table.isTotals ? 1 : 0), .text(title),
                .text(strings.tableDefinition(table.source, threshold: labels.config.threshold)),
                .text(strings.optionalText("tables.\(id).unit") ?? ""), .text(table.name + ".csv"), .integer(table.rows.count),
            ])
        let describe = database.prepare(
            "INSERT INTO columns (table_name, position, name, type, header, definition) VALUES (?, ?, ?, ?, ?, ?)")
        var definitions: [String] = []
        for (position, column) in table.columns.enumerated() {
            let text = PublishedColumnText(column, labels: labels)
            describe.run([
                .text(table.name), .integer(position + 1), .text(column.name), .text(sqlType(column.kind)), .text(text.header),
                .text(text.definition),
            ])
            definitions.append("\(quoted(column.name)) \(sqlType(column.kind))")
        }
        let primaryKey = table.keyColumns.map { quoted($0.name) }
        if !primaryKey.isEmpty { definitions.append("PRIMARY KEY (\(primaryKey.joined(separator: ", ")))") }
        database.execute("CREATE TABLE \(quoted(table.name)) (\(definitions.joined(separator: ", ")))")
        let placeholders = Array(repeating: "?", count: table.columns.count).joined(separator: ", ")
        let insert = database.prepare("INSERT INTO \(quoted(table.name)) VALUES (\(placeholders))")
        for row in table.rows { insert.run(row.map(value)) }
    }

    /// The SQL type of a published column: counts and integers INTEGER, measures REAL, the flag 0/1.
    static func sqlType(_ kind: ColumnKind) -> String {
        switch kind {
        case .count, .integer, .suppressedFlag: return "INTEGER"
        case .measure: return "REAL"
        case .key, .identifier, .text, .date, .status: return "TEXT"
        }
    }

    /// A cell as stored: the CSV's value typed, NULL where the CSV cell is empty (withheld, no value).
    static func value(_ cell: TableCell) -> SQLiteConnection.Value {
        switch cell {
        case let .count(count): return .integer(count)
        case let .measure(number, decimals):
            // The CSV's figure exactly (rounded to its decimals), not the unrounded computation.
            return .real(Double(TableSerializer.fixed(number, decimals: decimals)) ?? number)
        case let .flag(flag): return .integer(flag ? 1 : 0)
        case .withheld, .empty: return .null
        case .key, .text, .date: return TableSerializer.plainValue(cell).map { .text($0) } ?? .null
        }
    }

    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
