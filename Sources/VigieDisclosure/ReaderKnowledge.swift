// What a reader of the published tables knows, as a linear system over the withheld counts: the audit's model.

import VigieInput
import VigieStatistics

/// Every withheld count is an unknown; every relation between counts (`CountRelations`), with the
/// published values put in, is an equation. The reader also sees each withheld cell's label: "< k"
/// says the count is from 1 to k−1; "masqué" says nothing more than "at least 0" (a masked cell may
/// hide a zero, a small count or a large one).
///
/// Across publications (oldest first): each count of a publication is the same count of the one
/// before plus the cases added in between (an unknown ≥ 0, one per pair where something is withheld),
/// because counts only grow (not the counts of open cases, `ShrinkingCount`); and the count of a
/// week that had ended before the earlier publication
/// does not change at all.
///
/// A withheld count is *exactly determined* when its smallest and largest feasible values are equal;
/// a small count shown as "< k" is *narrowed* when they are not 1 and k−1 (the reader would learn more
/// than the label says), and a small count shown as masked when its range does not hold all of 1…k−1;
/// the cases added between two publications are *revealed* when a reader can pin them to a value from
/// 1 to k−1. `ExactSimplex` finds the bounds. Unknowns that share no equation are solved apart (one
/// small problem per connected group: a column of `platform_issue`, a run of weeks, …).
struct ReaderKnowledge {
    struct Unknown {
        enum Role {
            /// A withheld cell of the publication.
            case withheld(Withholding)
            /// The cases added to a cell since the previous publication (the cell is the later one's).
            case newCases
            /// k−1 minus a small count: how its label bounds it from above.
            case labelSlack
            /// A count of a stored release that today's data gives differently, announced as revised
            /// without its new value because that value is small (1 to k−1).
            case revisedSmall
            /// A count of a stored release announced as revised with its value masked (any value
            /// from 0): only there so that a small one beside it is not pinned.
            case revisedMasked
            /// The cases so far of the month still running (`runningMonthWeeks`): not published yet,
            /// but the sum of weeks that are.
            case runningMonth
        }

        /// Index into the publications given to `init`.
        let publication: Int
        let cell: CellAddress?
        let role: Role
        let lowerBound: Int
        /// The computed value: the audit knows it, the reader does not. Nil for a cell of a stored
        /// release (whose withheld values are not kept) and for the unknowns that depend on one.
        let trueValue: Int?
    }

    struct Equation {
        var coefficients: [Int: Int]
        var rhs: Int
        /// Written from "counts only grow" or "an ended week does not change": the reader's
        /// assumptions about how the data evolves, dropped for a group they contradict (a correction).
        var isAcrossPublications: Bool
    }

    private(set) var unknowns: [Unknown] = []
    private(set) var equations: [Equation] = []
    /// The `cases` cells of `cases_by_week` that make the month still running in the last
    /// publication, when its count so far is small (empty otherwise): see `.runningMonth`.
    private(set) var runningMonthWeeks: [CellAddress] = []
    let thresholds: [Int]

    /// - Parameters:
    ///   - publications: oldest first; each with its protected tables, its computed tables (nil for a
    ///     stored release: relations are read off the protected tables' shape) and its threshold.
    ///   - revised: the revisions announced for stored releases, by publication index and cell of its
    ///     tables: the value today's data gives for its date, shown, small or masked. Each release as
    ///     revised holds its tables' sums; the last publication grew from the revised values of the
    ///     one before (counts only grow *unless a revision is announced*).
    init(
        publications: [(protected: [TableID: StatTable], raw: [TableID: StatTable]?, threshold: Int)],
        revised: [Int: [CellAddress: Revision.Value]] = [:]
    ) {
        thresholds = publications.map(\.threshold)
        var unknownOf: [Int: [CellAddress: Int]] = [:]
        // A cell as a term: an unknown when withheld, its value when published.
        func term(_ p: Int, _ cell: CellAddress) -> (unknown: Int?, value: Int) {
            let published = publications[p].protected[cell.table]!.rows[cell.row][cell.column]
            guard case let .withheld(reason) = published else { return (nil, published.count ?? 0) }
            if let known = unknownOf[p]?[cell] { return (known, 0) }
            let k = publications[p].threshold
            let trueValue = publications[p].raw.map { $0[cell.table]!.rows[cell.row][cell.column].count ?? 0 }
            let u = unknowns.count
            unknownOf[p, default: [:]][cell] = u
            unknowns.append(
                Unknown(publication: p, cell: cell, role: .withheld(reason), lowerBound: reason == .primary ? 1 : 0, trueValue: trueValue))
            if reason == .primary {
                // x + s = k − 1, s ≥ 0: the label "< k".
                unknowns.append(
                    Unknown(publication: p, cell: nil, role: .labelSlack, lowerBound: 0, trueValue: trueValue.map { k - 1 - $0 }))
                equations.append(Equation(coefficients: [u: 1, u + 1: 1], rhs: k - 1, isAcrossPublications: false))
            }
            return (u, 0)
        }
        // A revised count of a stored release as the reader knows it now: the announced value, or,
        // announced without it, a small count of its own (1…k−1) or a masked one (≥ 0).
        var revisedUnknowns: [Int: [CellAddress: Int]] = [:]
        func revisedTerm(_ p: Int, _ cell: CellAddress) -> (unknown: Int?, value: Int)? {
            guard let revised = revised[p]?[cell] else { return nil }
            if case let .shown(value) = revised { return (nil, value) }
            if let known = revisedUnknowns[p]?[cell] { return (known, 0) }
            let u = unknowns.count
            revisedUnknowns[p, default: [:]][cell] = u
            if revised == .masked {
                unknowns.append(Unknown(publication: p, cell: cell, role: .revisedMasked, lowerBound: 0, trueValue: nil))
                return (u, 0)
            }
            unknowns.append(Unknown(publication: p, cell: cell, role: .revisedSmall, lowerBound: 1, trueValue: nil))
            unknowns.append(Unknown(publication: p, cell: nil, role: .labelSlack, lowerBound: 0, trueValue: nil))
            equations.append(Equation(coefficients: [u: 1, u + 1: 1], rhs: publications[p].threshold - 1, isAcrossPublications: false))
            return (u, 0)
        }
        func addEquation(_ p: Int, _ signed: [(CellAddress, Int)]) {
            var coefficients: [Int: Int] = [:]
            var rhs = 0
            for (cell, sign) in signed {
                let t = term(p, cell)
                if let u = t.unknown { coefficients[u, default: 0] += sign } else { rhs -= sign * t.value }
            }
            coefficients = coefficients.filter { $0.value != 0 }
            if !coefficients.isEmpty { equations.append(Equation(coefficients: coefficients, rhs: rhs, isAcrossPublications: false)) }
        }
        for (p, publication) in publications.enumerated() {
            let relations = CountRelations(tables: publication.raw ?? publication.protected)
            for sum in relations.sums { addEquation(p, sum.signedCells.map { ($0.cell, $0.sign) }) }
            for link in relations.links {
                for (a, b) in zip(link, link.dropFirst()) { addEquation(p, [(a, 1), (b, -1)]) }
            }
        }
        // Each stored release as revised: its tables with the announced values put in hold the same
        // sums (a total of revised parts is the revised total). A withheld cell is taken as unchanged
        // (its revision cannot be announced), so these are assumptions, dropped where a correction
        // contradicts them, like "counts only grow".
        for (p, cells) in revised.sorted(by: { $0.key < $1.key }) where p < publications.count - 1 && !cells.isEmpty {
            let relations = CountRelations(tables: publications[p].protected)
            func addRevised(_ signed: [(CellAddress, Int)]) {
                guard signed.contains(where: { cells[$0.0] != nil }) else { return }
                var coefficients: [Int: Int] = [:]
                var rhs = 0
                for (cell, sign) in signed {
                    let t = revisedTerm(p, cell) ?? term(p, cell)
                    if let u = t.unknown { coefficients[u, default: 0] += sign } else { rhs -= sign * t.value }
                }
                coefficients = coefficients.filter { $0.value != 0 }
                if !coefficients.isEmpty { equations.append(Equation(coefficients: coefficients, rhs: rhs, isAcrossPublications: true)) }
            }
            for sum in relations.sums { addRevised(sum.signedCells.map { ($0.cell, $0.sign) }) }
            for link in relations.links {
                for (a, b) in zip(link, link.dropFirst()) { addRevised([(a, 1), (b, -1)]) }
            }
        }
        // The month still running in the last publication is not in `cases_by_month` yet, but its
        // weeks are shown; once it is complete it is their sum, and ended weeks do not change. If
        // their labels already put it at 2 or more while it is under k, the complete month could
        // never be withheld without saying more than "< k" (a later release cannot take back what
        // this one shows): the count so far is checked as a small count now.
        if let p = publications.indices.last, let raw = publications[p].raw,
            let running = Self.runningMonth(publications[p].protected, raw: raw, threshold: publications[p].threshold)
        {
            let u = unknowns.count
            unknowns.append(Unknown(publication: p, cell: nil, role: .runningMonth, lowerBound: 0, trueValue: running.count))
            var coefficients = [u: 1]
            var rhs = 0
            for cell in running.weeks {
                let t = term(p, cell)
                if let w = t.unknown { coefficients[w, default: 0] -= 1 } else { rhs += t.value }
            }
            equations.append(Equation(coefficients: coefficients, rhs: rhs, isAcrossPublications: false))
            runningMonthWeeks = running.weeks
        }
        // Counts only grow: now − then − new = 0, new ≥ 0, wherever one side is withheld; an ended
        // week does not change: now − then = 0.
        for p in publications.indices.dropFirst() {
            let lastWeekBefore = EndedWeek.last(in: publications[p - 1].protected)
            for (id, table) in publications[p].protected {
                guard let beforeRows = publications[p - 1].protected[id]?.rowIndexByKeys() else { continue }
                for r in table.rows.indices {
                    let keys = table.keys(ofRow: r)
                    guard let beforeRow = beforeRows[keys], !ShrinkingCount.canShrink(id, keys: keys) else { continue }
                    let ended = EndedWeek.isEnded(id, keys: keys, before: lastWeekBefore)
                    for c in table.columns.indices where table.columns[c].kind == .count {
                        let cell = CellAddress(table: id, row: r, column: c)
                        let now = term(p, cell)
                        let thenCell = CellAddress(table: id, row: beforeRow, column: c)
                        var then: (unknown: Int?, value: Int)
                        if p == publications.count - 1, let revised = revisedTerm(p - 1, thenCell) {
                            then = revised
                        } else {
                            then = term(p - 1, thenCell)
                        }
                        guard now.unknown != nil || then.unknown != nil else { continue }
                        var coefficients: [Int: Int] = [:]
                        if !ended {
                            let nowValue = now.unknown.map { unknowns[$0].trueValue } ?? now.value
                            let thenValue = then.unknown.map { unknowns[$0].trueValue } ?? then.value
                            let added = nowValue.flatMap { a in thenValue.map { a - $0 } }
                            coefficients[unknowns.count] = -1
                            unknowns.append(Unknown(publication: p, cell: cell, role: .newCases, lowerBound: 0, trueValue: added))
                        }
                        if let u = now.unknown { coefficients[u] = 1 }
                        if let u = then.unknown { coefficients[u] = -1 }
                        equations.append(Equation(coefficients: coefficients, rhs: then.value - now.value, isAcrossPublications: true))
                    }
                }
            }
        }
    }

    /// The `cases` cells of the weeks of the month after the last one in `cases_by_month`, and their
    /// computed sum, when it is from 1 to k−1.
    static func runningMonth(
        _ protected: [TableID: StatTable], raw: [TableID: StatTable], threshold k: Int
    ) -> (weeks: [CellAddress], count: Int)? {
        guard let weeks = protected[.casesByWeek], let computed = raw[.casesByWeek], let c = weeks.columnIndex("cases"),
            let months = protected[.casesByMonth]
        else { return nil }
        let lastMonth = months.rows.indices.last.flatMap { WeekMonth(key: months.keys(ofRow: $0)[0]) }
        var cells: [CellAddress] = []
        var count = 0
        for r in weeks.rows.indices {
            guard let week = ISOWeek(key: weeks.keys(ofRow: r)[0]) else { continue }
            if let lastMonth, WeekMonth(containing: week) <= lastMonth { continue }
            cells.append(CellAddress(table: .casesByWeek, row: r, column: c))
            count += computed.rows[r][c].count ?? 0
        }
        return (1..<k).contains(count) ? (cells, count) : nil
    }

    /// What the reader can learn, unknown by unknown: each finding with the unknown it is about.
    func findings() -> [(unknown: Int, reason: DisclosureAudit.Finding.Reason)] {
        var found: [(Int, DisclosureAudit.Finding.Reason)] = []
        for group in connectedGroups() {
            let checked = group.unknowns.filter { isChecked($0) }
            guard !checked.isEmpty else { continue }
            do {
                var solver: ExactSimplex
                do {
                    solver = try makeSolver(group, keepingAssumptions: true)
                } catch is ExactSimplex.Infeasible {
                    // The data contradicts "counts only grow" here (a correction): a reader sees that
                    // the assumption fails and can only drop it.
                    solver = try makeSolver(group, keepingAssumptions: false)
                }
                let local = Dictionary(uniqueKeysWithValues: group.unknowns.enumerated().map { ($1, $0) })
                for u in checked {
                    if let reason = try finding(for: u, solver: &solver, index: local[u]!) { found.append((u, reason)) }
                }
            } catch {
                found += checked.filter { unknowns[$0].cell != nil }.map { ($0, .undecided) }
            }
        }
        return found
    }

    /// Withheld cells, and the cases added to a cell where that count is not published itself.
    private func isChecked(_ u: Int) -> Bool {
        switch unknowns[u].role {
        case .withheld, .newCases, .revisedSmall, .runningMonth: return true
        case .labelSlack, .revisedMasked: return false
        }
    }

    private func finding(for u: Int, solver: inout ExactSimplex, index i: Int) throws -> DisclosureAudit.Finding.Reason? {
        let unknown = unknowns[u]
        let k = thresholds[unknown.publication]
        switch unknown.role {
        case .withheld(.primary), .revisedSmall:
            // The label already says 1…k−1 (a revision announced without its value says it too): the
            // reader must learn nothing more.
            let minimum = try solver.minimum(of: i)
            let maximum = try solver.maximum(of: i)
            if minimum == Rational(1) && maximum == Rational(k - 1) { return nil }  // at k = 2 the label itself says 1
            return minimum == maximum ? .exactlyDetermined : .intervalNarrowed
        case .withheld(.primaryMasked):
            // Shown as masked, so the range must still hold every small value, 1…k−1 (it may hold
            // more, unbounded too). The lower bound is the hard part across releases: weeks an earlier
            // release showed "< k" put their month at 2 or more before the month is ever published,
            // which is why the month still running is checked too (`.runningMonth`).
            let minimum = try solver.minimum(of: i)
            let maximum = try solver.maximum(of: i)
            if minimum <= Rational(1) && (maximum.map { $0 >= Rational(k - 1) } ?? true) { return nil }
            return minimum == maximum ? .exactlyDetermined : .intervalNarrowed
        case .withheld:
            // The true value is feasible, so min ≤ true ≤ max: one solve settles most unknowns.
            let minimum = try solver.minimum(of: i)
            if let value = unknown.trueValue, minimum != Rational(value) { return nil }
            return try solver.maximum(of: i) == minimum ? .exactlyDetermined : nil
        case .newCases:
            // Only a pinned small number of new cases is a finding.
            let minimum = try solver.minimum(of: i)
            if let value = unknown.trueValue, minimum != Rational(value) { return nil }
            guard try solver.maximum(of: i) == minimum, minimum >= Rational(1), minimum <= Rational(k - 1) else { return nil }
            return .smallChangeRevealed
        case .runningMonth:
            // Complete, it will be at least this: 0 or 1 is no more than any small count's label says.
            return try solver.minimum(of: i) >= Rational(2) ? .runningMonthNarrowed : nil
        case .labelSlack, .revisedMasked:
            return nil
        }
    }

    private func makeSolver(_ group: (unknowns: [Int], equations: [Int]), keepingAssumptions: Bool) throws -> ExactSimplex {
        let local = Dictionary(uniqueKeysWithValues: group.unknowns.enumerated().map { ($1, $0) })
        let system = group.equations.filter { keepingAssumptions || !equations[$0].isAcrossPublications }.map { e in
            (
                coefficients: Dictionary(uniqueKeysWithValues: equations[e].coefficients.map { (local[$0.key]!, $0.value) }),
                rhs: equations[e].rhs
            )
        }
        return try ExactSimplex(equations: system, lowerBounds: group.unknowns.map { unknowns[$0].lowerBound })
    }

    /// Unknowns linked by equations, with the equations among them.
    private func connectedGroups() -> [(unknowns: [Int], equations: [Int])] {
        var parent = Array(unknowns.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { i = parent[i] }
            return i
        }
        for equation in equations {
            let first = equation.coefficients.keys.min()!
            for u in equation.coefficients.keys {
                let (a, b) = (root(first), root(u))
                if a != b { parent[max(a, b)] = min(a, b) }
            }
        }
        var groups: [Int: (unknowns: [Int], equations: [Int])] = [:]
        for u in unknowns.indices { groups[root(u), default: ([], [])].unknowns.append(u) }
        for (e, equation) in equations.enumerated() { groups[root(equation.coefficients.keys.min()!)]!.equations.append(e) }
        return groups.keys.sorted().map { groups[$0]! }.filter { !$0.equations.isEmpty }
    }
}
