import Testing
import VigieSupport

@testable import VigieInput

@Suite("site.yaml's 'legal' mapping: the facts of the mandatory pages")
struct LegalInformationLoaderTests {
    static let head = "title: Vigie\npublication_date: 2019-03-29\n"

    /// A complete `legal` mapping; `accessibility` lines can be replaced to break one fact.
    static func legal(accessibility: String = complete) -> String {
        head + """
            legal:
              publisher_address: "3 rue du Test, 00000 Essai"
              publication_director: "Camille Exemple-Test"
              host:
                name: "Hôte d'essai"
                address: "4 rue du Test, 00000 Essai"
              contact:
                email: "ecrire@essai.example.org"
                form_url: "https://essai.example.org/formulaire"
              server_logs: "Journaux d'essai gardés six mois."
              accessibility:
            \(accessibility)
            """
    }

    static let complete = """
            status: partially_compliant
            criteria_met_percent: 72
            statement_date: 2019-03-01
            audited_pages: [/, /statistiques/]
            tools: ["Outil d'essai"]
            results: ["Résultat d'essai"]
            non_conformities: []

        """

    static func load(_ text: String) -> (SiteConfig?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let config = SiteConfigLoader.load(text: text, path: "site.yaml", into: &diagnostics)
        return (config, diagnostics)
    }

    @Test("a complete mapping gives every fact as written")
    func complete() throws {
        let (config, diagnostics) = Self.load(Self.legal())
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let legal = try #require(config?.legal)
        #expect(legal.publicationDirector == "Camille Exemple-Test")
        #expect(legal.host == HostingProvider(name: "Hôte d'essai", address: "4 rue du Test, 00000 Essai"))
        #expect(legal.contact == ContactDetails(email: "ecrire@essai.example.org", formURL: "https://essai.example.org/formulaire"))
        #expect(legal.accessibility.status == .partiallyCompliant)
        #expect(legal.accessibility.criteriaMetPercent == 72)
        #expect(legal.accessibility.statementDate == Day(iso: "2019-03-01"))
        #expect(legal.accessibility.auditedPages == ["/", "/statistiques/"])
        #expect(legal.accessibility.nonConformities.isEmpty)
    }

    @Test("without 'legal' the site still loads, with no facts")
    func absent() {
        let (config, diagnostics) = Self.load(Self.head)
        #expect(diagnostics.isEmpty)
        #expect(config != nil && config?.legal == nil)
    }

    @Test("once 'legal' exists, every missing fact is an error of its own, in one run")
    func missingFacts() {
        let (config, diagnostics) = Self.load(Self.head + "legal:\n  publisher_address: \"3 rue du Test\"\n")
        #expect(config?.legal == nil)
        #expect(
            diagnostics.map(\.description) == [
                "site.yaml:4:3: error: missing required key 'publication_director' in 'legal'",
                "site.yaml:4:3: error: missing required key 'host' in 'legal'",
                "site.yaml:4:3: error: missing required key 'contact' in 'legal'",
                "site.yaml:4:3: error: missing required key 'server_logs' in 'legal'",
                "site.yaml:4:3: error: missing required key 'accessibility' in 'legal'",
            ])
    }

    @Test(
        "a status the share of criteria met contradicts is an error at the share (the RGAA's thresholds)",
        arguments: [
            (
                "status: partially_compliant\n    criteria_met_percent: 40",
                "site.yaml:15:27: error: status partially_compliant is declared with 50 to 99 % of the RGAA criteria met, not 40 %"
            ),
            (
                "status: fully_compliant\n    criteria_met_percent: 99",
                "site.yaml:15:27: error: status fully_compliant is declared with 100 % of the RGAA criteria met, not 99 %"
            ),
            (
                "status: non_compliant\n    criteria_met_percent: 50",
                "site.yaml:15:27: error: status non_compliant is declared with 0 to 49 % of the RGAA criteria met, not 50 %"
            ),
            (
                "status: fully_compliant",
                "site.yaml:14:13: error: status fully_compliant needs 'criteria_met_percent', the share of RGAA criteria an audit found met"
            ),
        ])
    func statusAndShare(lines: String, expected: String) {
        let accessibility = "    " + lines + "\n" + Self.complete.split(separator: "\n").dropFirst(2).joined(separator: "\n") + "\n"
        let (config, diagnostics) = Self.load(Self.legal(accessibility: accessibility))
        #expect(config?.legal == nil)
        #expect(diagnostics.map(\.description) == [expected])
    }

    @Test("a non-compliant statement without a measured share is valid: no audit measured it")
    func nonCompliantWithoutShare() {
        let accessibility = "    status: non_compliant\n" + Self.complete.split(separator: "\n").dropFirst(2).joined(separator: "\n") + "\n"
        let (config, diagnostics) = Self.load(Self.legal(accessibility: accessibility))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(config?.legal?.accessibility.criteriaMetPercent == nil)
    }

    @Test("bad values are errors at the value that never repeat it (it may name someone)")
    func badValuesNotEchoed() {
        let text = Self.legal()
            .replacingOccurrences(of: "ecrire@essai.example.org", with: "Camille Dupont chez essai")
            .replacingOccurrences(of: "status: partially_compliant", with: "status: Camille Dupont")
            .replacingOccurrences(of: "[/, /statistiques/]", with: "[//ailleurs.example.org/]")
            .replacingOccurrences(of: "statement_date: 2019-03-01", with: "statement_date: 2019-04-01")
        let (config, diagnostics) = Self.load(text)
        #expect(config?.legal == nil)
        #expect(
            diagnostics.map(\.location.description) == ["site.yaml:10:12", "site.yaml:14:13", "site.yaml:16:21", "site.yaml:17:20"])
        for diagnostic in diagnostics {
            #expect(!diagnostic.message.contains("Camille"), "\(diagnostic)")
            #expect(!diagnostic.message.contains("ailleurs"), "\(diagnostic)")
        }
    }

    @Test("an unknown key inside 'legal' is an error at the key, with the key it was meant to be")
    func unknownKey() {
        let text = Self.legal().replacingOccurrences(of: "    address: \"4 rue", with: "    adress: \"4 rue")
        let (_, diagnostics) = Self.load(text)
        #expect(
            diagnostics.map(\.description) == [
                "site.yaml:7:5: error: missing required key 'address' in 'legal.host'",
                "site.yaml:8:5: error: unknown key 'adress' in 'legal.host'; did you mean 'address'?",
            ])
    }

    @Test(
        "an e-mail address is published as a mailto: link only when it is one",
        arguments: [
            ("contact@example.org", true), ("a.b@sous.example.fr", true), ("pas une adresse", false), ("x@y", false),
            ("x@example.org?cc=autre@example.org", false), ("\"x\"@example.org", false), ("@example.org", false),
        ])
    func email(text: String, accepted: Bool) {
        #expect(LegalInformationLoader.isEmailAddress(text) == accepted)
    }
}
