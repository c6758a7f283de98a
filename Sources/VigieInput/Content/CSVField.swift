// One field of a CSV record: where its bytes are, so text is decoded only when a rule needs it.

/// One field of a record: its byte range and where it starts in the file.
public struct CSVField: Sendable, Hashable {
    /// Byte range of the field's content (inside the quotes for a quoted field).
    public var range: Range<Int>
    /// True when the content holds doubled quotes that must be collapsed.
    public var hasEscapedQuotes: Bool
    /// 1-based line of the field's first byte (a field after a multi-line quoted field is on a later line).
    public var line: Int
    /// Byte offset of the field's first byte (its opening quote when quoted).
    public var start: Int
    /// Byte offset of the first byte of `line`, so the column is known without keeping every line start.
    public var lineStart: Int
}
