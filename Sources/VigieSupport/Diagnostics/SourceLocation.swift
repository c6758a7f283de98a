// Where in the input a diagnostic points: one type for CSV records, YAML keys and Markdown nodes.

/// A position in an input file, printed the way compilers do: `path:line:column`, or `path` alone
/// for a problem of a whole file or folder (one that is missing, unreadable, or not a file).
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The path as the user gave it (relative to the working directory when possible).
    public var path: String
    /// 1-based line; 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based column; 0 when the problem concerns the whole line or file.
    public var column: Int

    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// A problem of the whole file or folder at `path`: printed as the path alone, sorted first.
    /// (Printed `path:0:0` before, which editors and CI annotations read as a broken position.)
    public static func wholeFile(_ path: String) -> SourceLocation {
        SourceLocation(path: path, line: 0, column: 0)
    }

    public var description: String { line == 0 ? path : "\(path):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }
}
