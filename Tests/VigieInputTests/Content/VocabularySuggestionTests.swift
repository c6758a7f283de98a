// "Did you mean" hints: close enough to help, never a random short key.

import Testing
import VigieInput

@Suite struct VocabularySuggestionTests {
    static let platforms = Vocabulary(name: "platforms", keys: DefaultVocabularies.platforms)
    static let regions = Vocabulary(name: "regions", keys: DefaultVocabularies.regions)

    @Test(arguments: [
        ("amazn", "amazon"), ("Amazon", "amazon"), ("ebya", "ebay"), ("Fnac Darty", "fnac-darty"), ("fnac", "fnac-darty"),
        ("fnac_darty", "fnac-darty"), ("leboncoin.", "leboncoin"),
    ])
    func suggestsThePlatformMeant(_ typed: String, _ meant: String) {
        #expect(Self.platforms.suggestion(for: typed) == meant)
    }

    @Test(arguments: ["dupont", "aliexpress", "zz", "a"])
    func suggestsNothingForUnrelatedValues(_ typed: String) {
        #expect(Self.platforms.suggestion(for: typed) == nil)
    }

    @Test func regionCodesOnlyGetTheirLostLeadingZeroBack() {
        #expect(Self.regions.suggestion(for: "1") == "01")
        #expect(Self.regions.suggestion(for: "45") == nil)
        #expect(Self.regions.suggestion(for: "99") == nil)
    }

    @Test("a value much longer than every key is not compared with them (a 200 MB cell took 30 s and 3.8 GiB)")
    func longValuesAreNotCompared() {
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(Self.platforms.suggestion(for: String(repeating: "amazon", count: 2_000_000)) == nil)
        }
        #expect(elapsed < .seconds(1))
        // Two letters longer than the longest key is still close enough.
        #expect(Self.platforms.suggestion(for: "leboncoinfr") == "leboncoin")
    }
}
