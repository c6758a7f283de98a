import Testing

@testable import VigieCore

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
}
