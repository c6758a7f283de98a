// Protect stage across releases: the current publication is protected against a reader who holds
// every stored release, exactly as each was published.

import VigieStatistics

extension DisclosureControl {
    /// Protects `statistics` as the release that follows `releases` (stored releases, oldest first,
    /// all dated before `statistics.asOf`). The stored releases are frozen: what they withheld stays
    /// withheld and what they published is known; only cells of the new release are withheld.
    /// `revisions`: those announced for stored releases (`Revision.list`): the reader knows their sums,
    /// and that this publication grew from the latest release's revised values, not from the published ones.
    public static func protect(
        _ statistics: Statistics, after releases: [ProtectedStatistics], threshold k: Int, revisions: [Revision] = []
    ) -> ProtectedStatistics {
        protect(
            statistics, threshold: k, after: releases.map(\.frozenEdition),
            revisions: Revision.cells(revisions, in: releases))
    }
}

extension DisclosureControl {
    /// Protects `statistics` after `releases` and audits the result with them, announcing `revisions`
    /// of the stored releases (`Revision.list`) without their value where a small one would show
    /// through the others (`Revision.protected`). Should the audit still pin a revised count, every
    /// revision is announced without its value and the publication protected again. Returns the
    /// publication, the revisions as announced, and the audit's findings (none, or the build fails).
    public static func protectAndAudit(
        _ statistics: Statistics, after releases: [ProtectedStatistics], threshold k: Int, revisions: [Revision]
    ) -> (protected: ProtectedStatistics, revisions: [Revision], findings: [DisclosureAudit.Finding]) {
        var announced = Revision.protected(revisions)
        var protected = protect(statistics, after: releases, threshold: k, revisions: announced)
        var findings = DisclosureAudit.audit(protected, raw: statistics, after: releases, revisions: announced)
        let aboutRevision = { (finding: DisclosureAudit.Finding) in
            announced.contains {
                $0.release == finding.publication && $0.table == finding.table && $0.keys == finding.keys && $0.column == finding.column
            }
        }
        if findings.contains(where: aboutRevision) {
            announced = Revision.protected(announced, maskingAll: true)
            protected = protect(statistics, after: releases, threshold: k, revisions: announced)
            findings = DisclosureAudit.audit(protected, raw: statistics, after: releases, revisions: announced)
        }
        return (protected, announced, findings)
    }
}

extension ProtectedStatistics {
    /// A stored release as secondary suppression sees it: its published cells as they are, and in
    /// place of each withheld count a value of its kind (1 for a small count, k for any other).
    /// Those values only tell the heuristic what a reader assumes of the cell; nothing of a frozen
    /// release is ever withheld again or published.
    var frozenEdition: LinkedCounts.Edition {
        LinkedCounts.Edition(raw: readerValues, protected: tables, isFrozen: true, threshold: threshold, rawIsTrue: false)
    }

    /// The tables with each withheld count replaced by the smallest value its label allows.
    var readerValues: [TableID: StatTable] {
        tables.mapValues { table in
            var table = table
            for r in table.rows.indices {
                for c in table.columns.indices where table.columns[c].kind == .count {
                    if case let .withheld(reason) = table.rows[r][c] {
                        table.rows[r][c] = .count(reason == .primary || reason == .primaryMasked ? 1 : threshold)
                    }
                }
            }
            return table
        }
    }
}
