// The audit's simplex against an independent solver on many small seeded systems, and overflow
// reported as `Rational.Overflow` (the audit's "undecided"), never a trap.

import Testing
import VigieSynthetic
import VigieTestSupport

@testable import VigieDisclosure

@Suite("Exact simplex")
struct ExactSimplexTests {
    typealias Equation = (coefficients: [Int: Int], rhs: Int)

    /// A small system `A·x = b, x ≥ l`, as the audit writes them but with random coefficients.
    struct System: CustomStringConvertible {
        var equations: [Equation]
        var lowerBounds: [Int]
        var description: String {
            let rows = equations.map { e in
                e.coefficients.sorted { $0.key < $1.key }.map { "\($0.value)·x\($0.key)" }.joined(separator: " + ") + " = \(e.rhs)"
            }
            return rows.joined(separator: "; ") + " with x ≥ \(lowerBounds)"
        }
    }

    /// `count` systems of 1 to 5 variables and 0 to 3 equations, coefficients mostly 0 and ±1 (the
    /// audit's) and sometimes ±2 or 3, lower bounds 0 to 2. Three in four are feasible by construction
    /// (the right-hand side is a random point's); the others have a random right-hand side, and
    /// some repeat an equation, hold an empty one, or scale another.
    static func systems(count: Int, seed: UInt64) -> [System] {
        var random = SeededGenerator(seed: seed)
        let coefficientChoices = [-1, -1, 0, 0, 0, 1, 1, 1, -2, 2, 3]
        var systems: [System] = []
        for _ in 0..<count {
            let n = Int.random(in: 1...5, using: &random)
            let m = Int.random(in: 0...3, using: &random)
            let lowerBounds = (0..<n).map { _ in Int.random(in: 0...2, using: &random) }
            let point = lowerBounds.map { $0 + Int.random(in: 0...5, using: &random) }
            let feasible = Int.random(in: 0..<4, using: &random) > 0
            var equations: [Equation] = []
            for _ in 0..<m {
                var coefficients: [Int: Int] = [:]
                for variable in 0..<n {
                    let a = coefficientChoices.randomElement(using: &random)!
                    if a != 0 { coefficients[variable] = a }
                }
                let rhs =
                    feasible
                    ? coefficients.reduce(0) { $0 + $1.value * point[$1.key] } : Int.random(in: -5...12, using: &random)
                equations.append((coefficients, rhs))
            }
            switch Int.random(in: 0..<10, using: &random) {
            case 0 where !equations.isEmpty: equations.append(equations[0])  // a redundant row
            case 1 where !equations.isEmpty: equations.append((equations[0].coefficients.mapValues { -2 * $0 }, -2 * equations[0].rhs))
            case 2: equations.append(([:], 0))  // an empty, redundant row
            default: break
            }
            systems.append(System(equations: equations, lowerBounds: lowerBounds))
        }
        return systems
    }

    @Test("minimum and maximum of every variable equal the best vertex of the polyhedron, on 3,000 seeded systems")
    func agreesWithVertexEnumeration() throws {
        var random = SeededGenerator(seed: 2026)
        var feasibleCount = 0
        var unboundedCount = 0
        for system in Self.systems(count: 3_000, seed: 16) {
            let reference = try VertexEnumeration(system.equations, lowerBounds: system.lowerBounds)
            var solver: ExactSimplex
            do {
                solver = try ExactSimplex(equations: system.equations, lowerBounds: system.lowerBounds)
            } catch is ExactSimplex.Infeasible {
                let vertex = reference.vertices.first ?? []
                #expect(reference.vertices.isEmpty, "simplex says infeasible, vertex \(vertex) is feasible: \(system)")
                continue
            }
            try #require(!reference.vertices.isEmpty, "simplex found a feasible basis, no vertex exists: \(system)")
            feasibleCount += 1
            // The solver keeps its basis from one solve to the next: ask in a random order, some twice.
            let n = system.lowerBounds.count
            let order = (0..<n).shuffled(using: &random) + (0..<n).shuffled(using: &random).prefix(2)
            let integerPoints = reference.integerPoints(upTo: 4)
            for variable in order {
                let minimum = try solver.minimum(of: variable)
                let maximum = try solver.maximum(of: variable)
                #expect(try minimum == reference.minimum(of: variable), "minimum of x\(variable): \(system)")
                let expectedMaximum = try reference.maximum(of: variable)
                #expect(maximum == expectedMaximum, "maximum of x\(variable): \(system)")
                if expectedMaximum == nil { unboundedCount += 1 }
                // An independent check on integers: every feasible integer point lies in [min, max].
                for point in integerPoints {
                    #expect(minimum <= Rational(point[variable]), "integer point \(point) below the minimum: \(system)")
                    if let maximum { #expect(Rational(point[variable]) <= maximum, "integer point \(point) above the maximum: \(system)") }
                }
            }
        }
        // The generator must reach every kind of answer, or the comparison proves little.
        #expect(feasibleCount > 1_500)
        #expect(unboundedCount > 500)
    }

    @Test("the audit's shape: counts linked by totals, withheld cells as unknowns with bounds 0 or 1")
    func auditShapedSystems() throws {
        // x0 + x1 + x2 = 7 (a total row), x1 + x3 = 4 (a linked table), x0 ≥ 1 (a "< k" count).
        var solver = try ExactSimplex(equations: [([0: 1, 1: 1, 2: 1], 7), ([1: 1, 3: 1], 4)], lowerBounds: [1, 0, 0, 0])
        #expect(try solver.minimum(of: 0) == Rational(1))
        #expect(try solver.maximum(of: 0) == Rational(7))
        #expect(try solver.maximum(of: 1) == Rational(4))
        #expect(try solver.minimum(of: 3) == .zero)
        // Pinned: x0 = 3 − x1 and x0 = 3 + x1 leave x1 = 0, x0 = 3.
        var pinned = try ExactSimplex(equations: [([0: 1, 1: 1], 3), ([0: 1, 1: -1], 3)], lowerBounds: [0, 0])
        #expect(try pinned.minimum(of: 0) == pinned.maximum(of: 0))
        // A fractional optimum: 2·x0 + 2·x1 = 3 puts x0 anywhere in [0, 3/2].
        var half = try ExactSimplex(equations: [([0: 2, 1: 2], 3)], lowerBounds: [0, 0])
        #expect(try half.maximum(of: 0) == Rational(3, 2))
        #expect(throws: ExactSimplex.Infeasible.self) { try ExactSimplex(equations: [([0: 1, 1: 1], 1)], lowerBounds: [1, 1]) }
    }

    @Test("an overflow throws Rational.Overflow instead of trapping")
    func overflowIsReported() {
        // The first two trapped before: the shift by the lower bound (Int.max + 1) and the sign
        // flip of a right-hand side of Int.min.
        #expect(throws: Rational.Overflow.self) { try ExactSimplex(equations: [([0: -1], Int.max)], lowerBounds: [1]) }
        #expect(throws: Rational.Overflow.self) { try ExactSimplex(equations: [([0: 1], Int.min)], lowerBounds: [0]) }
        #expect(throws: Rational.Overflow.self) { try ExactSimplex(equations: [([0: Int.min], 1)], lowerBounds: [0]) }
        // x1 = x0 + big and x0 ≤ big: the largest x1 is 2·big, which no Int holds, so any exact
        // answer is an overflow, wherever the solver meets it.
        let big = Int.max / 2 + 1
        #expect(throws: Rational.Overflow.self) {
            var solver = try ExactSimplex(equations: [([0: 1, 1: -1], -big), ([0: 1, 2: 1], big)], lowerBounds: [0, 0, 0])
            return try solver.maximum(of: 1)
        }
    }
}

/// An independent solver for `A·x = b, x ≥ l`: every vertex of the polyhedron, by solving every
/// square subsystem (no pivoting rule, no tableau shared with `ExactSimplex`). The polyhedron has no
/// line, so it has a vertex when it is not empty, and a bounded linear objective is best at one.
struct VertexEnumeration {
    let rows: [[Rational]]
    let rhs: [Rational]
    let lowerBounds: [Int]
    /// The vertices, in the shifted variables `y = x − l`.
    let vertices: [[Rational]]
    private let equations: [(coefficients: [Int: Int], rhs: Int)]

    init(_ equations: [(coefficients: [Int: Int], rhs: Int)], lowerBounds: [Int]) throws {
        let n = lowerBounds.count
        var rows: [[Rational]] = []
        var rhs: [Rational] = []
        for equation in equations {
            var row = [Rational](repeating: .zero, count: n)
            var b = equation.rhs
            for (variable, a) in equation.coefficients {
                row[variable] = Rational(a)
                b -= a * lowerBounds[variable]
            }
            rows.append(row)
            rhs.append(Rational(b))
        }
        self.rows = rows
        self.rhs = rhs
        self.lowerBounds = lowerBounds
        self.equations = equations
        vertices = try Self.vertices(rows: rows, rhs: rhs, width: n)
    }

    /// Vertices of `{y ≥ 0 : rows·y = rhs}`: for each set of columns as large as the rank, the
    /// unique solution with the other columns at 0, when it exists and is ≥ 0.
    static func vertices(rows: [[Rational]], rhs: [Rational], width n: Int) throws -> [[Rational]] {
        guard let (independent, b) = try independentRows(rows, rhs, width: n) else { return [] }
        let r = independent.count
        var found: [[Rational]] = []
        for columns in subsets(of: Array(0..<n), size: r) {
            let square = independent.map { row in columns.map { row[$0] } }
            guard let z = try solve(square, b) else { continue }
            guard z.allSatisfy({ !$0.isNegative }) else { continue }
            var y = [Rational](repeating: .zero, count: n)
            for (k, column) in columns.enumerated() { y[column] = z[k] }
            if !found.contains(y) { found.append(y) }
        }
        return found
    }

    func minimum(of variable: Int) throws -> Rational? {
        try vertices.map { $0[variable] }.min().map { try $0.adding(Rational(lowerBounds[variable])) }
    }

    /// Nil when unbounded: some direction `d ≥ 0` with `rows·d = 0` and `d[variable] > 0`, found
    /// as a vertex of the same cone cut by `Σ d = 1`.
    func maximum(of variable: Int) throws -> Rational? {
        let n = lowerBounds.count
        let cone = try Self.vertices(
            rows: rows + [[Rational](repeating: .one, count: n)], rhs: rhs.map { _ in .zero } + [.one], width: n)
        if cone.contains(where: { $0[variable].isPositive }) { return nil }
        return try vertices.map { $0[variable] }.max().map { try $0.adding(Rational(lowerBounds[variable])) }
    }

    /// Integer points `x` with `l ≤ x ≤ l + bound` that satisfy every equation.
    func integerPoints(upTo bound: Int) -> [[Int]] {
        var points: [[Int]] = []
        var x = lowerBounds
        func visit(_ i: Int) {
            if i == x.count {
                if equations.allSatisfy({ e in e.coefficients.reduce(0) { $0 + $1.value * x[$1.key] } == e.rhs }) { points.append(x) }
                return
            }
            for value in lowerBounds[i]...(lowerBounds[i] + bound) {
                x[i] = value
                visit(i + 1)
            }
        }
        if x.count <= 4 { visit(0) }
        return points
    }

    /// A maximal set of independent rows of `[rows | rhs]` by Gaussian elimination; nil when the
    /// system has no solution at all (a row `0 = c`, c ≠ 0).
    static func independentRows(_ rows: [[Rational]], _ rhs: [Rational], width n: Int) throws -> ([[Rational]], [Rational])? {
        var matrix = zip(rows, rhs).map { $0 + [$1] }
        var rank = 0
        for column in 0..<n where rank < matrix.count {
            guard let pivot = (rank..<matrix.count).first(where: { !matrix[$0][column].isZero }) else { continue }
            matrix.swapAt(rank, pivot)
            for i in 0..<matrix.count where i != rank && !matrix[i][column].isZero {
                let factor = try matrix[i][column].divided(by: matrix[rank][column])
                for c in 0...n { matrix[i][c] = try matrix[i][c].subtracting(factor.multiplied(by: matrix[rank][c])) }
            }
            rank += 1
        }
        if matrix[rank...].contains(where: { !$0[n].isZero }) { return nil }
        return (matrix[..<rank].map { Array($0[..<n]) }, matrix[..<rank].map { $0[n] })
    }

    /// The solution of a square system, or nil when it is singular.
    static func solve(_ square: [[Rational]], _ b: [Rational]) throws -> [Rational]? {
        var matrix = zip(square, b).map { $0 + [$1] }
        let r = square.count
        for column in 0..<r {
            guard let pivot = (column..<r).first(where: { !matrix[$0][column].isZero }) else { return nil }
            matrix.swapAt(column, pivot)
            let p = matrix[column][column]
            for c in 0...r { matrix[column][c] = try matrix[column][c].divided(by: p) }
            for i in 0..<r where i != column && !matrix[i][column].isZero {
                let factor = matrix[i][column]
                for c in 0...r { matrix[i][c] = try matrix[i][c].subtracting(factor.multiplied(by: matrix[column][c])) }
            }
        }
        return matrix.map { $0[r] }
    }

    static func subsets(of items: [Int], size: Int) -> [[Int]] {
        guard size > 0 else { return [[]] }
        guard items.count >= size else { return [] }
        let rest = Array(items.dropFirst())
        return subsets(of: rest, size: size - 1).map { [items[0]] + $0 } + subsets(of: rest, size: size)
    }
}
