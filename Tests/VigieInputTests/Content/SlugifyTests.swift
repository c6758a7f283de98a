import Testing
import VigieSynthetic

@Suite("Slugs")
struct SlugifyTests {
    @Test(
        "French accents are folded and punctuation becomes dashes",
        arguments: [
            ("« Far West » numérique : l'appel", "far-west-numerique-l-appel"),
            ("Médiation des entreprises", "mediation-des-entreprises"),
            ("Œuvres & cœurs", "oeuvres-coeurs"),
            ("Règles P2B (2019)", "regles-p2b-2019"),
            ("deja-un-slug-2019", "deja-un-slug-2019"), ("a--b", "a-b"), ("-a-", "a"), ("ABC", "abc"), ("", ""),
            ("x-", "x"), ("9", "9"),
        ])
    func slugs(title: String, slug: String) {
        #expect(title.slugified == slug)
        #expect(slug.slugified == slug)
        // A slug is exactly a text that slugs to itself.
        #expect(title.isSlug == (!title.isEmpty && title == slug))
        #expect(slug.isSlug == !slug.isEmpty)
    }

    /// Every scalar the byte path takes, between letters and alone, and 5,000 seeded strings of them.
    @Test("the byte path gives what the Unicode path gives")
    func bytePathMatchesUnicodePath() throws {
        let domain = Array(0...0xFF) + [0x152, 0x153] + Array(0x2000...0x206F)
        let scalars = domain.compactMap { Unicode.Scalar(UInt32($0)) }
        for scalar in scalars {
            for text in [String(scalar), "a\(scalar)b", "\(scalar)\(scalar)9", " \(scalar)"] {
                let fast = try #require(String.slugLatin(text))
                #expect(fast == text.slugifiedByUnicode, "U+\(String(scalar.value, radix: 16))")
            }
        }
        var random = SeededGenerator(seed: 2018)
        for _ in 0..<5_000 {
            var text = ""
            for _ in 0..<(1 + Int(random.next() % 12)) { text.unicodeScalars.append(scalars[Int(random.next() % UInt64(scalars.count))]) }
            #expect(String.slugLatin(text) == text.slugifiedByUnicode, "\(Array(text.unicodeScalars.map(\.value)))")
        }
        #expect(String.slugLatin("ﬁn") == nil)
        #expect("ﬁn".slugified == "ﬁn".slugifiedByUnicode)
    }
}
