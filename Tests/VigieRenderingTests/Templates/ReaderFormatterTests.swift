import Testing

@testable import VigieInput
@testable import VigieRendering

@Suite("Numbers and dates for French readers")
struct ReaderFormatterTests {
    let format = ReaderFormatter(
        strings: Strings(tree: [
            "format": [
                "group_separator": "\u{202F}", "decimal_separator": ",", "percent": "{value}\u{00A0}%", "first_day": "1er",
                "months": [
                    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
                ],
            ] as [String: Any]
        ]))

    @Test func integers() {
        #expect(format.integer(1234) == "1\u{202F}234")
        #expect(format.integer(1_234_567) == "1\u{202F}234\u{202F}567")
        #expect(format.integer(999) == "999")
        #expect(format.signed(42) == "+42")
    }

    @Test func percentages() {
        #expect(format.percent(share: 0.125) == "12,5\u{00A0}%")
        #expect(format.percent(share: 0.5) == "50\u{00A0}%")
    }

    @Test func dates() {
        #expect(format.date(Day(iso: "2018-12-20")!) == "20 décembre 2018")
        #expect(format.date(Day(iso: "2019-03-01")!) == "1er mars 2019")
    }
}
