// Rational, the exact numbers of the disclosure audit: lowest terms, exact order, and every overflow
// thrown (the audit's "undecided"), never a trap.

import Testing
import VigieSynthetic

@testable import VigieDisclosure

@Suite("Rational")
struct RationalTests {
    @Test("fractions are kept in lowest terms with a positive denominator")
    func lowestTerms() throws {
        #expect(try Rational(6, -4) == Rational(-3, 2))
        #expect(try Rational(6, -4).numerator == -3)
        #expect(try Rational(6, -4).denominator == 2)
        #expect(try Rational(-6, -4) == Rational(3, 2))
        #expect(try Rational(0, -5) == .zero)
        #expect(try Rational(0, -5).denominator == 1)
        #expect(try Rational(Int.max, Int.max) == .one)
        #expect(try Rational(Int.min, 2).numerator == Int.min / 2)
        #expect(try Rational(7, 7).hashValue == Rational.one.hashValue)
        #expect(try Rational(-3, 2).description == "-3/2")
        #expect(Rational(4).description == "4")
    }

    @Test("arithmetic on fractions")
    func arithmetic() throws {
        let third = try Rational(1, 3)
        let sixth = try Rational(1, 6)
        #expect(try third.adding(sixth) == Rational(1, 2))
        #expect(try third.subtracting(sixth) == sixth)
        #expect(try sixth.subtracting(third) == Rational(-1, 6))
        #expect(try Rational(2, 3).multiplied(by: Rational(3, 4)) == Rational(1, 2))
        #expect(try Rational(2, 3).divided(by: Rational(-4, 9)) == Rational(-3, 2))
        #expect(try Rational(5).multiplied(by: .zero) == .zero)
        #expect(try Rational(-5, 7).negated() == Rational(5, 7))
        #expect(try Rational.zero.negated() == .zero)
    }

    @Test("order by exact cross-multiplication, also where the products do not fit an Int")
    func order() throws {
        #expect(try Rational(1, 3) < Rational(1, 2))
        #expect(try Rational(-1, 2) < Rational(-1, 3))
        #expect(try Rational(-1, Int.max) < .zero)
        #expect(try .zero < Rational(1, Int.max))
        // Int.max · Int.max does not fit an Int: the comparison is done in 128 bits.
        #expect(try Rational(Int.max - 1, Int.max) < Rational(Int.max, Int.max - 1))
        #expect(try !(Rational(Int.max, Int.max - 1) < Rational(Int.max - 1, Int.max)))
        #expect(try Rational(Int.min + 1, Int.max) < Rational(-1, Int.max))
        #expect(Rational(Int.min + 2) < Rational(Int.min + 3))
    }

    @Test("every operation that would overflow throws")
    func overflowThrows() throws {
        let big = Rational(Int.max)
        #expect(throws: Rational.Overflow.self) { try big.adding(.one) }
        #expect(throws: Rational.Overflow.self) { try Rational(Int.min + 1).subtracting(.one).subtracting(.one) }
        #expect(throws: Rational.Overflow.self) { try big.multiplied(by: Rational(2)) }
        #expect(throws: Rational.Overflow.self) { try Rational(1, Int.max).adding(Rational(1, Int.max - 1)) }
        #expect(throws: Rational.Overflow.self) { try Rational(1, 2).divided(by: Rational(Int.max)).divided(by: Rational(3)) }
        // 2⁶³ is not an Int: in lowest terms, neither -2⁶³/1 … as a denominator nor negated.
        #expect(throws: Rational.Overflow.self) { try Rational(Int.min, 1) }
        #expect(throws: Rational.Overflow.self) { try Rational(5, Int.min) }
        #expect(throws: Rational.Overflow.self) { try Rational(Int.min).negated() }
    }

    @Test("a numerator of Int.min from the integer fast path no longer traps when negated")
    func intMinFromAddition() throws {
        let half = Rational(Int.min / 2)
        // -2⁶² + -2⁶² is exactly Int.min: no overflow to report here…
        let sum = try half.adding(half)
        #expect(sum.numerator == Int.min)
        // …but its negation, a subtraction from it, or a division by it has no Int to give.
        #expect(throws: Rational.Overflow.self) { try sum.negated() }
        #expect(throws: Rational.Overflow.self) { try Rational.zero.subtracting(sum) }
        #expect(throws: Rational.Overflow.self) { try Rational.one.divided(by: sum) }
        #expect(throws: Rational.Overflow.self) { try sum.multiplied(by: .one) }
    }

    @Test("small fractions agree with integer cross-multiplication (seeded)")
    func agreesWithCrossMultiplication() throws {
        var random = SeededGenerator(seed: 16)
        for _ in 0..<2_000 {
            let (a, b) = (Int.random(in: -50...50, using: &random), Int.random(in: 1...50, using: &random))
            let (c, d) = (Int.random(in: -50...50, using: &random), Int.random(in: 1...50, using: &random))
            let x = try Rational(a, b)
            let y = try Rational(c, d)
            #expect(try x.adding(y) == Rational(a * d + c * b, b * d))
            #expect(try x.subtracting(y) == Rational(a * d - c * b, b * d))
            #expect(try x.multiplied(by: y) == Rational(a * c, b * d))
            if c != 0 { #expect(try x.divided(by: y) == Rational(a * d, b * c)) }
            #expect((x < y) == (a * d < c * b))
            #expect((x == y) == (a * d == c * b))
        }
    }
}
