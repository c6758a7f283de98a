import Testing
import VigieSupport
import VigieTestSupport

@testable import VigieInput
@testable import VigieRendering

@Suite("Numbers and dates for English readers, from templates/strings.en.yaml")
struct EnglishFormatterTests {
    /// The repository's English wording, read as a build reads it.
    static func englishStrings() throws -> Strings {
        var diagnostics: [Diagnostic] = []
        let strings = Strings.load(path: Repository.templates + "/strings.en.yaml", into: &diagnostics)
        #expect(diagnostics.isEmpty)
        return try #require(strings)
    }

    @Test("numbers: a comma between thousands, a point before decimals, % without a space")
    func numbers() throws {
        let format = ReaderFormatter(strings: try Self.englishStrings())
        #expect(format.integer(1234) == "1,234")
        #expect(format.integer(1_234_567) == "1,234,567")
        #expect(format.decimal(1234.5, places: 1) == "1,234.5")
        #expect(format.signed(42) == "+42")
        #expect(format.percent(share: 0.125) == "12.5%")
        #expect(format.percent(share: 0.5) == "50%")
    }

    @Test("dates: day, month name, year; the first of the month is 1, not 1er")
    func dates() throws {
        let format = ReaderFormatter(strings: try Self.englishStrings())
        #expect(format.date(Day(iso: "2019-03-29")!) == "29 March 2019")
        #expect(format.date(Day(iso: "2019-03-01")!) == "1 March 2019")
        #expect(format.date(Day(iso: "2018-12-20")!) == "20 December 2018")
    }

    @Test("no French spacing: English texts keep no space before : ; ! ?")
    func noFrenchSpacing() throws {
        let strings = try Self.englishStrings()
        #expect(strings.text("statistics.definition") == "Definition:")
        #expect(strings.text("progress.source") == "Source:")
        #expect(!strings.text("statistics.legend").contains("\u{202F}"))
    }
}
