// Exact fractions for the disclosure audit's linear programs: no rounding can hide or invent a disclosure.

/// A fraction of two `Int`s in lowest terms with a positive denominator.
///
/// Arithmetic throws `Rational.Overflow` instead of trapping: the audit turns an overflow into an
/// "undecided" finding (which fails the build) rather than crashing or guessing. The audit's
/// matrices hold only 0 and ±1 and counts, so the numbers stay small in practice.
struct Rational: Hashable, Comparable, CustomStringConvertible {
    struct Overflow: Error {}

    let numerator: Int
    let denominator: Int

    static let zero = Rational(0)
    static let one = Rational(1)

    init(_ value: Int) {
        numerator = value
        denominator = 1
    }

    init(_ numerator: Int, _ denominator: Int) throws {
        precondition(denominator != 0, "zero denominator")
        let divisor = Rational.gcd(numerator.magnitude, denominator.magnitude)
        guard let n = Int(exactly: numerator.magnitude / divisor), let d = Int(exactly: denominator.magnitude / divisor) else {
            throw Overflow()
        }
        let negative = (numerator < 0) != (denominator < 0)
        self.numerator = negative ? -n : n
        self.denominator = d
    }

    var isZero: Bool { numerator == 0 }
    var isPositive: Bool { numerator > 0 }
    var isNegative: Bool { numerator < 0 }
    var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }

    func adding(_ other: Rational) throws -> Rational {
        if denominator == 1 && other.denominator == 1 {
            return Rational(try Rational.checked(numerator.addingReportingOverflow(other.numerator)))
        }
        let left = try Rational.checked(numerator.multipliedReportingOverflow(by: other.denominator))
        let right = try Rational.checked(other.numerator.multipliedReportingOverflow(by: denominator))
        let n = try Rational.checked(left.addingReportingOverflow(right))
        let d = try Rational.checked(denominator.multipliedReportingOverflow(by: other.denominator))
        return try Rational(n, d)
    }

    func subtracting(_ other: Rational) throws -> Rational { try adding(other.negated()) }

    func multiplied(by other: Rational) throws -> Rational {
        if isZero || other.isZero { return .zero }
        let n = try Rational.checked(numerator.multipliedReportingOverflow(by: other.numerator))
        let d = try Rational.checked(denominator.multipliedReportingOverflow(by: other.denominator))
        return try Rational(n, d)
    }

    func divided(by other: Rational) throws -> Rational {
        precondition(!other.isZero, "division by zero")
        return try multiplied(by: Rational(other.denominator, other.numerator))
    }

    /// Throws for a numerator of `Int.min`, whose negation is not an `Int`: the integer fast path of
    /// `adding` and `init(_:)` can make one (`-2⁶² + -2⁶²`), and `-numerator` then trapped.
    func negated() throws -> Rational {
        Rational(unchecked: try Rational.checked(0.subtractingReportingOverflow(numerator)), denominator)
    }

    static func < (lhs: Rational, rhs: Rational) -> Bool {
        // Compare by cross-multiplication in full width (high word signed, low word unsigned), which cannot
        // overflow; `Int128` would need macOS 15.
        let left = lhs.numerator.multipliedFullWidth(by: rhs.denominator)
        let right = rhs.numerator.multipliedFullWidth(by: lhs.denominator)
        return (left.high, left.low) < (right.high, right.low)
    }

    private init(unchecked numerator: Int, _ denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The value of an overflow-reporting operation, or `Overflow`.
    static func checked(_ result: (partialValue: Int, overflow: Bool)) throws -> Int {
        if result.overflow { throw Overflow() }
        return result.partialValue
    }

    private static func gcd(_ a: UInt, _ b: UInt) -> UInt {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return max(a, 1)
    }
}
