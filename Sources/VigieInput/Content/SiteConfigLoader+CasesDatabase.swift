// Loading stage for `cases_database` in site.yaml: which environment variable holds the connection
// string, which query yields the cases, and how long to wait.

import VigieSupport
import Yams

extension SiteConfigLoader {
    static let casesDatabaseKeys = ["connection_variable", "query", "timeout_seconds"]

    /// `cases_database`, strictly: every key checked, unknown keys refused. A value that looks like
    /// a connection string where the variable's name belongs is refused without being echoed, since
    /// it may carry a password.
    static func loadCasesDatabase(
        _ node: Node, at keyLocation: SourceLocation, path: String, into diagnostics: inout [Diagnostic]
    ) -> CasesDatabase? {
        let what = "'cases_database'"
        guard var reader = YAMLMappingReader(node, path: path, what: what, into: &diagnostics) else { return nil }
        var valid = true
        var variable = CasesDatabase.defaultConnectionVariable
        if let node = reader.value("connection_variable") {
            let text = node.scalar?.string ?? ""
            if isEnvironmentVariableName(text) {
                variable = text
            } else {
                valid = false
                diagnostics.append(
                    .error(
                        "expected 'connection_variable' to be the name of an environment variable such as \(CasesDatabase.defaultConnectionVariable) "
                            + "(value not shown); put the connection string in that variable, never in a file",
                        at: reader.location(of: node)))
            }
        }
        let query = reader.string("query", required: true, in: what, into: &diagnostics)?.trimmingCharacters(in: .whitespacesAndNewlines)
        if query == nil { valid = false }
        if let query, query.hasSuffix(";") {
            valid = false
            diagnostics.append(
                .error(
                    "'query' ends with ';': write one SELECT (or a table or view name) without the ';'",
                    at: reader.entries.first { $0.key == "query" }.map { reader.location(of: $0.value) } ?? keyLocation))
        }
        var timeout = CasesDatabase.defaultTimeoutSeconds
        if reader.has("timeout_seconds") {
            if let value = reader.int("timeout_seconds", in: what, range: 1...86_400, into: &diagnostics) {
                timeout = value
            } else {
                valid = false
            }
        }
        reader.reportUnknownKeys(known: casesDatabaseKeys, what: what, into: &diagnostics)
        guard valid, let query else { return nil }
        return CasesDatabase(connectionVariable: variable, query: query, timeoutSeconds: timeout, location: keyLocation)
    }

    /// `VIGIE_DATABASE_URL`: letters, digits and `_`, not starting with a digit.
    static func isEnvironmentVariableName(_ text: String) -> Bool {
        guard let first = text.utf8.first, !(48...57).contains(first), text.utf8.count <= 64 else { return false }
        return text.utf8.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 }
    }
}
