import Testing
import VigieSupport

@testable import VigieInput

@Suite("Links set in site.yaml")
struct SiteConfigURLTests {
    @Test(
        "only absolute http(s) URLs with a host are published as links",
        arguments: [
            ("https://www.etalab.gouv.fr/licence-ouverte-open-licence/", true), ("http://example.org", true),
            ("HTTPS://EXAMPLE.ORG/x", true), ("javascript:alert(document.domain)", false), ("JavaScript:alert(1)", false),
            ("data:text/html,<script>alert(1)</script>", false), ("https://", false), ("//example.org/", false),
            ("/licence/", false), ("https://example.org/\" onmouseover=\"alert(1)", false), ("https://exa mple.org/", false),
            ("vbscript:msgbox", false),
        ])
    func webURL(text: String, accepted: Bool) {
        #expect(SiteConfigLoader.isWebURL(text) == accepted)
    }

    @Test("a licence_url that is not a web URL is an error at its value, and the default stays")
    func licenceURL() {
        var diagnostics: [Diagnostic] = []
        let text = "title: Vigie\npublication_date: 2019-03-29\nlicence_url: javascript:alert(document.domain)\n"
        let config = SiteConfigLoader.load(text: text, path: "site.yaml", into: &diagnostics)
        #expect(diagnostics.map(\.location.description) == ["site.yaml:3:14"])
        #expect(config?.licenceURL == SiteConfig(publicationDate: Day(daysSinceEpoch: 0)).licenceURL)
    }
}
