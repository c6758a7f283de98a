// What an error message may quote from a rejected cell: shapes that cannot be personal data, nothing else.

import Testing

@testable import VigieInput

@Suite struct CellPreviewTests {
    @Test(arguments: ["30/11/2018", "2018-1-5", "120", "12,5", "-5", "43409"])
    func numbersAndDatesAreShown(_ text: String) {
        #expect(CellPreview.quoted(text) == "'\(text)'")
    }

    @Test(arguments: ["amazn", "Resolved", "funds_witheld"])
    func nearMissesOfAKeyAreShown(_ text: String) {
        #expect(CellPreview.naming(text, nearKey: true) == "'\(text)'")
    }

    @Test(arguments: [
        "martin", "Jean Dupont", "environ 20", "Librairie Martin", "732829320", "06 12 34 56 78", "12345678901",
        "jean@exemple.fr", "Zoé", "a.b",
    ])
    func anythingThatCouldNameSomeoneIsNotShown(_ text: String) {
        #expect(CellPreview.quoted(text) == "a value of \(text.count) characters (not shown)")
        #expect(CellPreview.naming(text) == "(\(text.count) characters, not shown)")
    }

    @Test func aNearMissIsNotShownWhenItHoldsAnIdentifier() {
        #expect(CellPreview.naming("a@b.fr", nearKey: true) == "(6 characters, not shown)")
    }
}
