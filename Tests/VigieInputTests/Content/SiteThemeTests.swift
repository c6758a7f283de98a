import Testing
import VigieSupport

@testable import VigieInput

@Suite("theme in site.yaml")
struct SiteThemeTests {
    static func load(_ extra: String) -> (config: SiteConfig?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let config = SiteConfigLoader.load(
            text: "title: Vigie\npublication_date: 2019-03-29\n" + extra, path: "site.yaml", into: &diagnostics)
        return (config, diagnostics)
    }

    @Test("without the key the site is neutral; each theme is read by its name")
    func names() {
        #expect(Self.load("").config?.theme == .neutral)
        #expect(Self.load("theme: neutral\n").config?.theme == .neutral)
        let dsfr = Self.load("theme: dsfr\n")
        #expect(dsfr.diagnostics.isEmpty)
        #expect(dsfr.config?.theme == .dsfr)
        #expect(dsfr.config?.themeLocation.description == "site.yaml:3:8")
    }

    @Test("an unknown theme is an error at its value that names the allowed ones, and the site stays neutral")
    func unknown() {
        let loaded = Self.load("theme: DSFR\n")
        #expect(loaded.diagnostics.map(\.location.description) == ["site.yaml:3:8"])
        // The value is not quoted (a word in capitals could be a name), but the theme it resembles is.
        #expect(
            loaded.diagnostics.map(\.message) == [
                "expected 'theme' to be one of neutral, dsfr, found a value of 4 characters (not shown); did you mean 'dsfr'?"
            ])
        #expect(loaded.config?.theme == .neutral)
    }

    @Test("a theme that resembles none is named by its length only")
    func noSuggestion() {
        let loaded = Self.load("theme: Marianne\n")
        #expect(
            loaded.diagnostics.map(\.message) == ["expected 'theme' to be one of neutral, dsfr, found a value of 8 characters (not shown)"])
    }

    @Test("a list is not a theme")
    func notAScalar() {
        let loaded = Self.load("theme: [dsfr]\n")
        #expect(loaded.diagnostics.map(\.message) == ["expected 'theme' to be one of neutral, dsfr, found a list or mapping"])
    }
}
