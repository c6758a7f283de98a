// The diagnostics of one case file, capped: ten million malformed rows printed ten million lines
// (0.9 GB of stderr) and held them all in memory (3.5 GiB).

import VigieSupport

/// The first `limit` diagnostics of a file, in file order, and a count of the others, which end as
/// one line: "… and N more errors in this file". Stated in the README.
struct FileDiagnostics {
    /// Enough to see every kind of mistake a file makes; beyond, the same mistakes repeat.
    static let limit = 100

    private(set) var kept: [Diagnostic] = []
    private(set) var omitted = 0
    /// Where the first omitted diagnostic is, so the summary line sorts after the listed ones.
    private(set) var firstOmitted: SourceLocation?

    mutating func append(_ diagnostic: Diagnostic) {
        if kept.count < Self.limit {
            kept.append(diagnostic)
        } else {
            omit(1, firstAt: diagnostic.location)
        }
    }

    mutating func append(contentsOf diagnostics: some Sequence<Diagnostic>) {
        for diagnostic in diagnostics { append(diagnostic) }
    }

    /// Counts `count` diagnostics that were dropped before they got here (by a chunk, see `trim`).
    mutating func omit(_ count: Int, firstAt location: SourceLocation?) {
        guard count > 0 else { return }
        omitted += count
        if let location, firstOmitted.map({ location < $0 }) ?? true { firstOmitted = location }
    }

    /// The kept diagnostics, then the summary of the others if any.
    var all: [Diagnostic] {
        guard omitted > 0, let firstOmitted else { return kept }
        var summary = Diagnostic.error(
            "… and \(omitted) more error\(omitted == 1 ? "" : "s") in this file, not listed: only the first \(Self.limit) errors of a case file are shown",
            at: firstOmitted)
        summary.problemCount = omitted
        return kept + [summary]
    }

    /// Keeps the first `limit` of `diagnostics` and counts the rest into `omitted`: a chunk's own
    /// cap, applied as it goes, so that its list stays small too.
    static func trim(_ diagnostics: inout [Diagnostic], omitted: inout Int, firstOmitted: inout SourceLocation?) {
        guard diagnostics.count > limit else { return }
        let location = diagnostics[limit].location
        if firstOmitted.map({ location < $0 }) ?? true { firstOmitted = location }
        omitted += diagnostics.count - limit
        diagnostics.removeSubrange(limit...)
    }
}
