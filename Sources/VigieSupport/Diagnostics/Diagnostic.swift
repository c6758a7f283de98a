// A problem found in the input, collected by every stage instead of thrown.

/// One problem in the input, with where it is and what to do about it.
///
/// Messages never quote a cell that may hold personal data: callers pass a masked form instead.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    public var location: SourceLocation
    public var severity: Severity
    public var message: String
    /// How many problems this diagnostic reports: 1, or the number of errors that a line
    /// "… and N more errors in this file" stands for (see `DiagnosticList.summary`).
    public var problemCount = 1

    public init(_ severity: Severity = .error, at location: SourceLocation, _ message: String) {
        self.location = location
        self.severity = severity
        self.message = message
    }

    public static func error(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, at: location, message)
    }

    public static func warning(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, at: location, message)
    }

    /// `path:line:column: error: message`
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}
