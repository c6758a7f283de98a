// One CSV record: the unit a case file is validated by.

/// One record: the line it starts on and its fields (a quoted field may span several lines).
public struct CSVRecord: Sendable, Hashable {
    public var line: Int
    public var fields: [CSVField]
}
