import Testing

@testable import VigieLinkChecking

@Suite("Where a link written in a note leads")
struct SiteLinkTests {
    static let base = "https://example.org/"

    @Test(
        "site-relative, relative and the site's own absolute links lead to a path of the site",
        arguments: [
            ("/notes/x/", "notes/y/", SiteLink.page(path: "notes/x/", fragment: nil)),
            ("/statistiques/#plateformes", "notes/y/", .page(path: "statistiques/", fragment: "plateformes")),
            ("../x/", "notes/y/", .page(path: "notes/x/", fragment: nil)),
            ("../../methodologie/", "notes/y/", .page(path: "methodologie/", fragment: nil)),
            ("./", "notes/y/", .page(path: "notes/y/", fragment: nil)),
            ("#contexte", "notes/y/", .page(path: "notes/y/", fragment: "contexte")),
            ("..", "notes/y/", .page(path: "notes/", fragment: nil)),
            ("/donnees/cases.csv?v=2", "", .page(path: "donnees/cases.csv", fragment: nil)),
            ("/notes/%C3%A9t%C3%A9/", "", .page(path: "notes/été/", fragment: nil)),
            ("https://example.org/notes/x/#a", "", .page(path: "notes/x/", fragment: "a")),
            ("HTTPS://Example.ORG", "", .page(path: "", fragment: nil)),
            ("//example.org/notes/", "", .page(path: "notes/", fragment: nil)),
            ("/", "notes/y/", .page(path: "", fragment: nil)),
        ])
    func inside(destination: String, folder: String, expected: SiteLink) {
        #expect(SiteLink.resolve(destination, from: folder, baseURL: Self.base) == expected)
    }

    @Test(
        "other hosts and schemes are external, never checked",
        arguments: [
            "https://www.numerique.gouv.fr/", "http://example.org/x/", "https://example.org:8443/x/", "mailto:a@b.fr", "tel:+33100000000",
            "//autre.example/", "",
        ])
    func external(destination: String) {
        #expect(SiteLink.resolve(destination, from: "notes/y/", baseURL: Self.base) == .external)
    }

    @Test("under a base_url with a path, a site-relative link must stay under it")
    func basePath() {
        let base = "https://example.org/vigie/"
        #expect(SiteLink.resolve("/vigie/notes/x/", from: "", baseURL: base) == .page(path: "notes/x/", fragment: nil))
        #expect(SiteLink.resolve("/vigie", from: "", baseURL: base) == .page(path: "", fragment: nil))
        #expect(SiteLink.resolve("/notes/x/", from: "", baseURL: base) == .outside)
        #expect(SiteLink.resolve("https://example.org/notes/x/", from: "", baseURL: base) == .external)
        #expect(SiteLink.resolve("../../../x/", from: "notes/y/", baseURL: base) == .outside)
    }
}
