// What a reader of the published tables knows, as a linear system over the withheld counts: the audit's model.

/// Every withheld count is an unknown; every relation between counts (`CountRelations`), with the
/// published values put in, is an equation; a withheld count is at least 0, and at least 1 when it is
/// a primary count. With two publications, each count of the current one is at least the same count
/// of the previous one (counts only grow), which adds one inequality (an equation with a slack
/// unknown ≥ 0) per pair where something is withheld.
///
/// A withheld count is *exactly determined* when the smallest and largest values it can take in this
/// system are equal; `ExactSimplex` finds both. Unknowns that share no equation are solved apart
/// (one small problem per connected group: a column of `platform_issue`, a run of weeks, …).
struct ReaderKnowledge {
    struct Unknown {
        /// Index into the publications given to `init`.
        let publication: Int
        /// `nil` for a slack unknown.
        let cell: CellAddress?
        let lowerBound: Int
        /// The computed value (0 for a slack): the audit knows it, the reader does not. Nil for a cell
        /// of a stored release, whose values other than those published are not kept.
        let trueValue: Int?
    }

    private(set) var unknowns: [Unknown] = []
    private(set) var equations: [(coefficients: [Int: Int], rhs: Int)] = []

    /// - Parameter publications: oldest first; each with its protected and its computed tables (nil for
    ///   a stored release: its relations are read off the protected tables' shape).
    init(publications: [(protected: [TableID: StatTable], raw: [TableID: StatTable]?)]) {
        var unknownOf: [Int: [CellAddress: Int]] = [:]
        // A cell as a term: an unknown when withheld, its value when published.
        func term(_ p: Int, _ cell: CellAddress) -> (unknown: Int?, value: Int) {
            let published = publications[p].protected[cell.table]!.rows[cell.row][cell.column]
            guard case let .withheld(reason) = published else { return (nil, published.count ?? 0) }
            if let known = unknownOf[p]?[cell] { return (known, 0) }
            unknownOf[p, default: [:]][cell] = unknowns.count
            let trueValue = publications[p].raw.map { $0[cell.table]!.rows[cell.row][cell.column].count ?? 0 }
            unknowns.append(Unknown(publication: p, cell: cell, lowerBound: reason == .primary ? 1 : 0, trueValue: trueValue))
            return (unknowns.count - 1, 0)
        }
        func addEquation(_ p: Int, _ signed: [(CellAddress, Int)]) {
            var coefficients: [Int: Int] = [:]
            var rhs = 0
            for (cell, sign) in signed {
                let t = term(p, cell)
                if let u = t.unknown { coefficients[u, default: 0] += sign } else { rhs -= sign * t.value }
            }
            coefficients = coefficients.filter { $0.value != 0 }
            if !coefficients.isEmpty { equations.append((coefficients, rhs)) }
        }
        for (p, publication) in publications.enumerated() {
            let relations = CountRelations(tables: publication.raw ?? publication.protected)
            for sum in relations.sums { addEquation(p, sum.signedCells.map { ($0.cell, $0.sign) }) }
            for link in relations.links {
                for (a, b) in zip(link, link.dropFirst()) { addEquation(p, [(a, 1), (b, -1)]) }
            }
        }
        // Counts only grow: now − then − slack = 0, slack ≥ 0, wherever one side is withheld.
        for p in publications.indices.dropFirst() {
            for (id, table) in publications[p].protected {
                guard let beforeRows = publications[p - 1].protected[id]?.rowIndexByKeys() else { continue }
                for r in table.rows.indices {
                    guard let beforeRow = beforeRows[table.keys(ofRow: r)] else { continue }
                    for c in table.columns.indices where table.columns[c].kind == .count {
                        let now = term(p, CellAddress(table: id, row: r, column: c))
                        let then = term(p - 1, CellAddress(table: id, row: beforeRow, column: c))
                        guard now.unknown != nil || then.unknown != nil else { continue }
                        var coefficients: [Int: Int] = [unknowns.count: -1]
                        unknowns.append(Unknown(publication: p, cell: nil, lowerBound: 0, trueValue: 0))
                        if let u = now.unknown { coefficients[u] = 1 }
                        if let u = then.unknown { coefficients[u] = -1 }
                        equations.append((coefficients, then.value - now.value))
                    }
                }
            }
        }
    }

    /// The withheld counts whose value the system fixes (`determined`), and those it could not decide
    /// because the exact arithmetic overflowed or the system had no solution (`undecided`).
    func determinedUnknowns() -> (determined: [Int], undecided: [Int]) {
        var determined: [Int] = [], undecided: [Int] = []
        for group in connectedGroups() {
            let local = Dictionary(uniqueKeysWithValues: group.unknowns.enumerated().map { ($1, $0) })
            let system = group.equations.map { e in
                (
                    coefficients: Dictionary(uniqueKeysWithValues: equations[e].coefficients.map { (local[$0.key]!, $0.value) }),
                    rhs: equations[e].rhs
                )
            }
            do {
                let solver = try ExactSimplex(equations: system, lowerBounds: group.unknowns.map { unknowns[$0].lowerBound })
                for (i, u) in group.unknowns.enumerated() where unknowns[u].cell != nil {
                    // The true value is feasible, so min ≤ true ≤ max: one solve settles most unknowns.
                    // A stored release's withheld value is not kept: both bounds are solved.
                    let minimum = try solver.minimum(of: i)
                    if let value = unknowns[u].trueValue, minimum != Rational(value) { continue }
                    if try solver.maximum(of: i) == minimum { determined.append(u) }
                }
            } catch {
                undecided += group.unknowns.filter { unknowns[$0].cell != nil }
            }
        }
        return (determined, undecided)
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
