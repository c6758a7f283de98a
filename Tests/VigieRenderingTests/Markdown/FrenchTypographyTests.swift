// French spacing on bytes against the rule written on `Character`s: same text out, same word count.

import Testing
import VigieSynthetic

@testable import VigieRendering

@Suite("French typography")
struct FrenchTypographyTests {
    static let pieces = [
        " ", "a", "é", "Zoé", ";", ":", "!", "?", "«", "»", "\u{A0}", "\u{202F}", "\t", "\n", "\r\n", "’", "—", "42", "",
    ]

    /// The byte path on a text, as text (`needsCharacters` is a failure: every piece is simple).
    static func bytePath(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            switch FrenchTypography.apply(bytes: bytes) {
            case .unchanged: return String(decoding: bytes, as: UTF8.self)
            case .changed(let out): return String(decoding: out, as: UTF8.self)
            case .needsCharacters: return nil
            }
        }
    }

    @Test(
        "known cases",
        arguments: [
            ("Pourquoi ? Parce que !", "Pourquoi\u{202F}? Parce que\u{202F}!"),
            ("« Far West » numérique : l’appel", "«\u{A0}Far West\u{A0}» numérique\u{A0}: l’appel"),
            ("«mot»", "«\u{A0}mot\u{A0}»"),
            ("a ; b", "a\u{202F}; b"),
            ("rien à changer", "rien à changer"),
        ])
    func knownCases(_ text: String, _ expected: String) {
        #expect(FrenchTypography.apply(to: text) == expected)
        #expect(Self.bytePath(text) == expected)
    }

    /// 20,000 seeded texts of the pieces above: the byte rule and the `Character` rule agree, and so do the word counts.
    @Test("the byte path gives what the Character path gives")
    func bytePathMatchesCharacterPath() {
        var random = SeededGenerator(seed: 30)
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<(Int(random.next() % 10)) { text += Self.pieces[Int(random.next() % UInt64(Self.pieces.count))] }
            let typeset = FrenchTypography.apply(to: text)
            #expect(Self.bytePath(text) == typeset, "\(Array(text.unicodeScalars.map(\.value)))")
            var utf8 = typeset
            let words = utf8.withUTF8 { FrenchTypography.wordCount($0) }
            #expect(
                words == typeset.split(whereSeparator: { $0 == " " || $0 == "\n" }).count, "\(Array(typeset.unicodeScalars.map(\.value)))")
        }
    }
}
