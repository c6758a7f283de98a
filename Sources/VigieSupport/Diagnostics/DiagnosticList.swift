// The diagnostics of a whole run, in the order a reader expects them.

/// A collected list of diagnostics; its errors decide the exit status.
public struct DiagnosticList: Sendable {
    public private(set) var items: [Diagnostic] = []

    public init(_ items: [Diagnostic] = []) {
        self.items = items
    }

    public mutating func append(_ diagnostic: Diagnostic) {
        items.append(diagnostic)
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        items.append(contentsOf: other)
    }

    public mutating func error(_ message: String, at location: SourceLocation) {
        items.append(.error(message, at: location))
    }

    public var errors: [Diagnostic] { items.filter { $0.severity == .error } }
    public var hasErrors: Bool { items.contains { $0.severity == .error } }

    /// Sorted by path, line and column, then message, so output is stable whatever the load order.
    public var sorted: [Diagnostic] {
        items.sorted { ($0.location, $0.message) < ($1.location, $1.message) }
    }

    /// `3 errors in 2 files`, the last line of a failed run.
    public var summary: String {
        let errors = self.errors
        let errorCount = errors.reduce(0) { $0 + $1.problemCount }
        let files = Set(errors.map(\.location.path)).count
        let errorWord = errorCount == 1 ? "error" : "errors"
        let fileWord = files == 1 ? "file" : "files"
        var text = "\(errorCount) \(errorWord) in \(files) \(fileWord)"
        let warnings = items.count - errors.count
        if warnings > 0 { text += ", \(warnings) warning\(warnings == 1 ? "" : "s")" }
        return text
    }
}
