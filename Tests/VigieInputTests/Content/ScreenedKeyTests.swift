// A vocabulary key is taken from a cell's bytes before the anonymity guard only when the guard
// would pass those bytes anyway; any other key leaves the cell to the screen.

import Testing

@testable import VigieInput

@Suite struct ScreenedKeyTests {
    private func unscreenedLookUp(_ key: String, in vocabulary: Vocabulary) -> Int? {
        var utf8 = key
        return utf8.withUTF8 { vocabulary.indexOfScreenedKey(bytes: $0) }
    }

    @Test func aKeyTheGuardPassesIsFoundFromItsBytes() {
        let vocabulary = Vocabulary(name: "platforms", keys: ["amazon", "ebay", "44"])
        #expect(unscreenedLookUp("ebay", in: vocabulary) == 1)
        #expect(unscreenedLookUp("44", in: vocabulary) == 2)
        #expect(unscreenedLookUp("eba", in: vocabulary) == nil)
    }

    @Test(arguments: ["shop@exemple.fr", "123456789", "shop.fr", "+33"])
    func aKeyTheGuardWouldLookAtIsLeftToTheScreen(_ key: String) {
        let vocabulary = Vocabulary(name: "platforms", keys: ["amazon", key])
        #expect(unscreenedLookUp(key, in: vocabulary) == nil)
        #expect(vocabulary.index(of: key) == 1)
    }
}
