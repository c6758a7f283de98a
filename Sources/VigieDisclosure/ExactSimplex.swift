// The disclosure audit's solver: a dense two-phase simplex over exact rationals, small and slow on purpose.

/// Linear equalities `Σ aᵢ·xᵢ = b` over variables with lower bounds `xᵢ ≥ lᵢ` (no upper bounds),
/// solved exactly. Used to ask, for one variable, "what are its smallest and largest feasible values?"
///
/// Bland's rule makes every solve terminate; problems are a few dozen variables (one connected group
/// of withheld cells), so a dense tableau is simpler than anything clever and fast enough.
struct ExactSimplex {
    struct Infeasible: Error {}

    /// One feasible tableau after phase 1, reused for every objective.
    private var rows: [[Rational]]
    private var basis: [Int]
    private let columnCount: Int
    private let lowerBounds: [Int]

    /// - Parameters:
    ///   - equations: sparse coefficients by variable index, and the right-hand side.
    ///   - lowerBounds: one per variable.
    /// - Throws: `Infeasible` when no point satisfies the system, `Rational.Overflow` on overflow.
    init(equations: [(coefficients: [Int: Int], rhs: Int)], lowerBounds: [Int]) throws {
        let n = lowerBounds.count
        let m = equations.count
        columnCount = n
        self.lowerBounds = lowerBounds
        // Shift x = y + l so that y ≥ 0, flip rows to get b ≥ 0, add one artificial per row. In
        // overflow-reporting arithmetic, like every later step: a system too large for `Int` throws
        // `Rational.Overflow` (the audit's "undecided") rather than trapping.
        var rows: [[Rational]] = []
        for (r, equation) in equations.enumerated() {
            var rhs = equation.rhs
            for (variable, a) in equation.coefficients {
                let shift = try Rational.checked(a.multipliedReportingOverflow(by: lowerBounds[variable]))
                rhs = try Rational.checked(rhs.subtractingReportingOverflow(shift))
            }
            let sign = rhs < 0 ? -1 : 1
            var row = [Rational](repeating: .zero, count: n + m + 1)
            for (variable, a) in equation.coefficients {
                row[variable] = Rational(try Rational.checked(a.multipliedReportingOverflow(by: sign)))
            }
            row[n + r] = .one
            row[n + m] = Rational(try Rational.checked(rhs.multipliedReportingOverflow(by: sign)))
            rows.append(row)
        }
        self.rows = rows
        basis = Array(n..<(n + m))
        // Phase 1: minimise the sum of the artificials.
        var phase1 = [Rational](repeating: .zero, count: n + m)
        for j in n..<(n + m) { phase1[j] = .one }
        guard try minimise(phase1, width: n + m) != nil, try value(of: phase1).isZero else { throw Infeasible() }
        try dropArtificials(originalColumns: n)
    }

    /// The smallest feasible value of `variable`. Each solve starts from the basis the last one ended
    /// on (any basis of the feasible tableau is a valid start): far fewer pivots than from phase 1, and
    /// no copy of the tableau (a 4-release series of 250 random cases: the audit ran minutes without this).
    mutating func minimum(of variable: Int) throws -> Rational {
        var objective = [Rational](repeating: .zero, count: columnCount)
        objective[variable] = .one
        _ = try minimise(objective, width: columnCount)  // never unbounded: every variable has a lower bound
        return try value(of: objective).adding(Rational(lowerBounds[variable]))
    }

    /// The largest feasible value of `variable`, or `nil` when it is unbounded above.
    mutating func maximum(of variable: Int) throws -> Rational? {
        var objective = [Rational](repeating: .zero, count: columnCount)
        objective[variable] = Rational(-1)
        guard try minimise(objective, width: columnCount) != nil else { return nil }
        return try value(of: objective).negated().adding(Rational(lowerBounds[variable]))
    }

    /// Pivots to an optimum of `objective` over the first `width` columns; `nil` when unbounded below.
    private mutating func minimise(_ objective: [Rational], width: Int) throws -> Void? {
        while true {
            // Reduced costs c_j − c_B·column_j; Bland: the first improving column enters.
            var entering: Int?
            var isBasic = [Bool](repeating: false, count: width)
            for variable in basis where variable < width { isBasic[variable] = true }
            for j in 0..<width where !isBasic[j] {
                var reduced = objective[j]
                for i in 0..<rows.count where !rows[i][j].isZero && !objective[basis[i]].isZero {
                    reduced = try reduced.subtracting(objective[basis[i]].multiplied(by: rows[i][j]))
                }
                if reduced.isNegative {
                    entering = j
                    break
                }
            }
            guard let j = entering else { return () }
            // Ratio test; ties go to the smallest basic variable (Bland).
            var leaving: (row: Int, ratio: Rational)?
            for i in 0..<rows.count where rows[i][j].isPositive {
                let ratio = try rows[i][rows[i].count - 1].divided(by: rows[i][j])
                if leaving == nil || ratio < leaving!.ratio || (ratio == leaving!.ratio && basis[i] < basis[leaving!.row]) {
                    leaving = (i, ratio)
                }
            }
            guard let pivotRow = leaving?.row else { return nil }
            try pivot(row: pivotRow, column: j)
        }
    }

    private func value(of objective: [Rational]) throws -> Rational {
        var total = Rational.zero
        for (i, variable) in basis.enumerated() where variable < objective.count && !objective[variable].isZero {
            total = try total.adding(objective[variable].multiplied(by: rows[i][rows[i].count - 1]))
        }
        return total
    }

    private mutating func pivot(row pivotRow: Int, column: Int) throws {
        let pivotValue = rows[pivotRow][column]
        let width = rows[pivotRow].count
        for c in 0..<width where !rows[pivotRow][c].isZero { rows[pivotRow][c] = try rows[pivotRow][c].divided(by: pivotValue) }
        let nonZero = (0..<width).filter { !rows[pivotRow][$0].isZero }
        for i in 0..<rows.count where i != pivotRow && !rows[i][column].isZero {
            let factor = rows[i][column]
            for c in nonZero { rows[i][c] = try rows[i][c].subtracting(factor.multiplied(by: rows[pivotRow][c])) }
        }
        basis[pivotRow] = column
    }

    /// After phase 1 every artificial is zero: pivot it out, or drop its row when the equation was redundant.
    private mutating func dropArtificials(originalColumns n: Int) throws {
        var i = 0
        while i < rows.count {
            if basis[i] >= n {
                if let j = (0..<n).first(where: { !rows[i][$0].isZero }) {
                    try pivot(row: i, column: j)
                } else {
                    rows.remove(at: i)
                    basis.remove(at: i)
                    continue
                }
            }
            i += 1
        }
        rows = rows.map { Array($0[0..<n]) + [$0[$0.count - 1]] }
    }
}
