// The byte parser of plain percentages gives exactly the Double that `Double(String)` gives, or declines.

import Testing

@testable import VigieInput

@Suite struct PlainDecimalTests {
    private func parsed(_ text: String) -> Double? {
        var utf8 = text
        return utf8.withUTF8 { RowValidator.plainDecimal($0) }
    }

    @Test(arguments: ["0", "100", "43.1", "0.1", "99.99", "007.50", "12.345678901234", "100.0", "33.333333333333", "0.00000000000001"])
    func plainNumbersParseToTheSameDouble(_ text: String) {
        #expect(parsed(text) == Double(text))
    }

    @Test func everyOneDecimalPercentageParsesToTheSameDouble() {
        for tenths in 0...1000 {
            let text = "\(tenths / 10).\(tenths % 10)"
            #expect(parsed(text) == Double(text), "\(text)")
        }
    }

    @Test(arguments: ["", ".5", "5.", "1.2.3", "12,5", "-5", "12 ", "5%", "1e3", "1234567890123456", "0.1234567890123456"])
    func anythingElseIsLeftToTheStringPath(_ text: String) {
        #expect(parsed(text) == nil)
    }
}
