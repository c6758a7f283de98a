import Foundation
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

    @Test(
        "the site's own absolute addresses read without URLComponents give what URLComponents gives",
        arguments: [
            "https://example.org/notes/x/", "HTTPS://EXAMPLE.org/notes/%C3%A9t%C3%A9/", "https://example.org/a(b)!$&'*+,;=:@~._-/",
            "https://example.org/a%zz/", "https://example.org/a b/", "https://example.org/été/", "https://example.org@autre.example/",
            "https://example.org:443/x/", "https://example.org.autre.example/", "https://example.org", "https://example.org/%",
        ])
    func plainPaths(destination: String) {
        let base = SiteLink.Base(Self.base)
        let fromFoundation = SiteLink.resolve(destination, from: "", base: base)
        if let plain = SiteLink.plainPath(of: destination, base: base) {
            #expect(String(plain) == URLComponents(string: destination)?.percentEncodedPath)
        }
        #expect(fromFoundation == SiteLink.resolve(destination, from: "notes/y/", base: base))
    }

    @Test("a link that climbs exactly to the root, or starts there, leads alike from every folder as deep")
    func leadsAlike() {
        #expect(SiteLink.leadsAlike("../../glossaire/#cles", fromDepth: 2))
        #expect(SiteLink.leadsAlike("/notes/", fromDepth: 2))
        #expect(SiteLink.leadsAlike("https://example.org/", fromDepth: 1))
        #expect(SiteLink.leadsAlike("statistiques/", fromDepth: 0))
        #expect(!SiteLink.leadsAlike("../glossaire/", fromDepth: 2))
        #expect(!SiteLink.leadsAlike("../../../x/", fromDepth: 2))
        #expect(!SiteLink.leadsAlike("./../../x/", fromDepth: 2))
        // What it promises: the same target from every folder of that depth.
        for (destination, depth) in [("../../glossaire/#cles", 2), ("../../../x/", 3), ("/x/../y/", 1), ("../../a/../../b", 2)] {
            let folders = depth == 1 ? ["a/", "b/"] : depth == 2 ? ["notes/a/", "en/b/"] : ["a/b/c/", "x/y/z/"]
            let targets = folders.map { SiteLink.resolve(destination, from: $0, baseURL: Self.base) }
            #expect(targets[0] == targets[1], "\(destination)")
        }
    }

    @Test("a scheme is letters, digits, + - . before the first colon", arguments: [
        ("https://x/", "https"), ("mailto:a@b", "mailto"), ("a+b-c.d:x", "a+b-c.d"), ("1http:x", nil), ("notes/a:b", nil), ("x", nil),
        ("é:x", nil),
    ] as [(String, String?)])
    func scheme(text: String, expected: String?) {
        #expect(SiteLink.scheme(of: Substring(text)).map(String.init) == expected)
    }
}
