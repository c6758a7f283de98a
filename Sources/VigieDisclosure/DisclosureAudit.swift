// Self-audit of the protect stage: an independent check, after protection, that the published tables leak nothing.

import VigieInput
import VigieStatistics

/// Re-derives, from the computed and the protected tables alone, whether the disclosure rules hold.
///
/// Independent of `SecondarySuppression` in method and in the tables it reads: where the heuristic
/// works on merged classes with bound propagation, the audit takes the final protected tables cell by
/// cell and solves, exactly, the whole linear system a reader can write from every published number
/// of the linked tables (`ReaderKnowledge`): for each withheld count it computes, by linear
/// programming over rationals, its smallest and largest possible values, and reports it when they are
/// equal. Both read the list of equalities from `CountRelations`; the audit checks that each one holds
/// in the computed tables, but a relation missing from that list would be missed by both (the
/// inequalities it leaves out are listed there).
///
/// It also checks the simple rules (no published count from 1 to k−1, no statistic of a group under
/// k, no share next to a withheld count, no published value altered). The build fails when the list
/// is not empty.
public enum DisclosureAudit {
    /// Audits one publication.
    public static func audit(_ protected: ProtectedStatistics, raw: Statistics) -> [Finding] {
        audit([(protected, raw)])
    }

    /// Audits this publication and the previous one together, as a reader holding both would see them.
    public static func audit(_ publications: ProtectedPublications, raw current: Statistics, previous: Statistics) -> [Finding] {
        audit([(publications.previous, previous), (publications.current, current)])
    }

    /// Audits the current publication together with every stored release (oldest first), as a reader
    /// holding all of them sees them. The stored releases' own rules were checked when they were made;
    /// what is checked again here is that no withheld count of any of them can be pinned now.
    /// `revisions`: those announced for stored releases (`Revision.list`): each release as revised
    /// holds its sums, and the current publication grew from the latest one's revised values.
    public static func audit(
        _ current: ProtectedStatistics, raw: Statistics, after releases: [ProtectedStatistics], revisions: [Revision] = []
    ) -> [Finding] {
        audit(releases.map { ($0, nil) } + [(current, raw)], revisions: Revision.cells(revisions, in: releases))
    }

    static func audit(
        _ publications: [(protected: ProtectedStatistics, raw: Statistics?)], revisions: [Int: [CellAddress: Revision.Value]] = [:]
    ) -> [Finding] {
        var findings: [Finding] = []
        for (protected, raw) in publications {
            guard let raw else { continue }
            findings += ruleFindings(protected, raw: raw)
            findings += brokenRelations(in: raw, asOf: protected.asOf)
        }
        let knowledge = ReaderKnowledge(
            publications: publications.map { ($0.protected.tables, $0.raw?.tables, $0.protected.threshold) }, revised: revisions)
        for (u, reason) in knowledge.findings() {
            let unknown = knowledge.unknowns[u]
            let publication = publications[unknown.publication].protected
            if case .runningMonth = unknown.role {
                // Not a cell yet: reported at its weeks.
                let weeks = knowledge.runningMonthWeeks.map { publication[$0.table].keys(ofRow: $0.row)[0] }
                findings.append(Finding(publication: publication.asOf, table: .casesByWeek, keys: weeks, column: "cases", reason: reason))
            } else {
                findings.append(finding(unknown.cell!, in: publication, reason))
            }
        }
        if let current = publications.last {
            findings += smallPublishedChanges(current.protected, after: publications.dropLast().map(\.protected))
        }
        func order(_ f: Finding) -> (Day, TableID, String, String, String) {
            (f.publication, f.table, f.keys.joined(separator: "\u{1F}"), f.column, f.reason.rawValue)
        }
        return findings.sorted { order($0) < order($1) }
    }

    /// The rules that need no solving, cell by cell.
    static func ruleFindings(_ protected: ProtectedStatistics, raw: Statistics) -> [Finding] {
        var findings: [Finding] = []
        let k = protected.threshold
        for (id, table) in protected.tables.sorted(by: { $0.key < $1.key }) {
            guard let computed = raw.tables[id], computed.rows.count == table.rows.count else {
                findings.append(Finding(publication: protected.asOf, table: id, keys: [], column: "", reason: .valueAltered))
                continue
            }
            let counts = table.columns.indices.filter { table.columns[$0].kind == .count }
            for r in table.rows.indices {
                func report(_ c: Int, _ reason: Finding.Reason) {
                    findings.append(finding(CellAddress(table: id, row: r, column: c), in: protected, reason))
                }
                let groupSize = counts.first.flatMap { computed.rows[r][$0].count }
                let groupMasked =
                    counts.first.map { [.withheld(.secondary), .withheld(.primaryMasked)].contains(table.rows[r][$0]) } ?? false
                for c in table.columns.indices {
                    let published = table.rows[r][c]
                    switch (table.columns[c].kind, published) {
                    case (.count, .count(let value)):
                        if value != computed.rows[r][c].count { report(c, .valueAltered) }
                        if value >= 1 && value < k { report(c, .smallCountPublished) }
                    case (.measure, .measure) where table.isShareOfCases(column: c):
                        // A platform's share: its count over the total, both of which must be published.
                        if published != computed.rows[r][c] { report(c, .valueAltered) }
                        if counts.first.map({ table.rows[r][$0].isWithheld }) != false
                            || table.cell(keys: ["total"], column: "cases")?.isWithheld != false
                        {
                            report(c, .shareOfWithheldCount)
                        }
                    case (.measure, .measure):
                        if published != computed.rows[r][c] { report(c, .valueAltered) }
                        if (groupSize ?? 0) < k { report(c, .smallGroupStatistic) }
                        if id == .resolutionByPlatform && table.rows[r].contains(where: \.isWithheld) { report(c, .shareOfWithheldCount) }
                        if groupMasked { report(c, .statisticOfMaskedGroup) }
                    case (.measure, .empty), (.measure, .withheld(.smallGroup)):
                        if groupMasked { report(c, .statisticOfMaskedGroup) }
                    case (.key, _), (.suppressedFlag, _):
                        if published != computed.rows[r][c] && table.columns[c].kind != .suppressedFlag { report(c, .valueAltered) }
                    default:
                        break
                    }
                }
            }
        }
        return findings
    }

    /// The crossed table `platform_issue` is the finest one: a cell published in a stored release and
    /// again now must not have grown by 1 to k−1, or subtraction would single out that many businesses
    /// reporting one issue with one platform in between. (In the one-way tables such a difference is a
    /// count of reports received in the period and may be small; the site does not put it forward.)
    static func smallPublishedChanges(_ current: ProtectedStatistics, after releases: [ProtectedStatistics]) -> [Finding] {
        guard let table = current.tables[.platformIssue], let c = table.columnIndex("cases") else { return [] }
        var findings: [Finding] = []
        for release in releases {
            guard let earlier = release.tables[.platformIssue], let ce = earlier.columnIndex("cases") else { continue }
            let rows = earlier.rowIndexByKeys()
            for r in table.rows.indices where !table.keys(ofRow: r).contains("total") {
                guard let now = table.rows[r][c].count, let er = rows[table.keys(ofRow: r)], let then = earlier.rows[er][ce].count
                else { continue }
                if now - then >= 1 && now - then < current.threshold {
                    findings.append(finding(CellAddress(table: .platformIssue, row: r, column: c), in: current, .smallChangeRevealed))
                }
            }
        }
        return findings
    }

    /// Every relation must hold in the computed tables; if not, the audit's model of the reader is wrong.
    static func brokenRelations(in raw: Statistics, asOf: Day) -> [Finding] {
        let relations = CountRelations(tables: raw.tables)
        func value(_ cell: CellAddress) -> Int { raw.tables[cell.table]!.rows[cell.row][cell.column].count ?? 0 }
        var broken: [CellAddress] = []
        for sum in relations.sums where sum.parts.map(value).reduce(0, +) != value(sum.whole) { broken.append(sum.whole) }
        for link in relations.links where Set(link.map(value)).count > 1 { broken.append(link[0]) }
        return broken.map { finding($0, in: raw.tables, asOf: asOf, .relationBroken) }
    }

    static func finding(_ cell: CellAddress, in protected: ProtectedStatistics, _ reason: Finding.Reason) -> Finding {
        finding(cell, in: protected.tables, asOf: protected.asOf, reason)
    }

    static func finding(_ cell: CellAddress, in tables: [TableID: StatTable], asOf: Day, _ reason: Finding.Reason) -> Finding {
        let table = tables[cell.table]!
        return Finding(
            publication: asOf, table: cell.table, keys: table.keys(ofRow: cell.row), column: table.columns[cell.column].name, reason: reason
        )
    }
}
