// Test support: diagnostics rendered as a user sees them, with paths relative to a test's folder.

import Foundation
import VigieSupport

extension Array where Element == Diagnostic {
    /// `path:line:column: error: message` lines, sorted as the CLI prints them, with `prefix/` removed
    /// from paths (also those quoted in messages) so that expectations do not depend on where the test ran.
    public func rendered(relativeTo prefix: String) -> [String] {
        let stem = prefix.hasSuffix("/") ? prefix : prefix + "/"
        return DiagnosticList(self).sorted.map { diagnostic in
            var diagnostic = diagnostic
            if diagnostic.location.path.hasPrefix(stem) {
                diagnostic.location.path.removeFirst(stem.count)
            }
            diagnostic.message = diagnostic.message.replacingOccurrences(of: stem, with: "")
            return diagnostic.description
        }
    }
}
