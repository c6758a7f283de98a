// How many cells disclosure control withheld, table by table: printed in the build summary and on /methodologie/.

public struct SuppressionReport: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var table: TableID
        public var primary: Int
        public var secondary: Int
        public var smallGroup: Int
    }

    public var entries: [Entry]

    public init(tables: [StatTable]) {
        entries = tables.map { table in
            let counts = table.withheldCounts
            return Entry(table: table.id, primary: counts[.primary] ?? 0, secondary: counts[.secondary] ?? 0, smallGroup: counts[.smallGroup] ?? 0)
        }
    }

    public var primary: Int { entries.reduce(0) { $0 + $1.primary } }
    public var secondary: Int { entries.reduce(0) { $0 + $1.secondary } }
    public var smallGroup: Int { entries.reduce(0) { $0 + $1.smallGroup } }
}
