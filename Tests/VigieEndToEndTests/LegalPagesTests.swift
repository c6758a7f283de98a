import Foundation
import Testing
import VigieTestSupport

@Suite("The mandatory pages: their facts come from site.yaml, never from the templates")
struct LegalPagesTests {
    /// `legal` with distinctive facts, each of which must appear on its page and nowhere in the templates.
    static func legal(director: String, host: String, email: String, status: String = "partially_compliant", percent: Int = 72) -> String {
        """
        legal:
          publisher_address: "3 rue du Test, 00000 Essai-sur-Vigie"
          publication_director: "\(director)"
          host:
            name: "\(host)"
            address: "4 allée de l'Hôte, 00000 Essai-sur-Vigie"
          contact:
            email: "\(email)"
            postal_address: "Boîte postale 42, 00000 Essai-sur-Vigie"
          server_logs: "Les journaux de l'hôte d'essai sont gardés 17 jours."
          accessibility:
            status: \(status)
            criteria_met_percent: \(percent)
            statement_date: 2019-03-01
            audited_pages: [/, /statistiques/]
            tools: ["Inspection d'essai numéro 7"]
            results: ["Résultat d'essai : 3 anomalies relevées"]
            non_conformities: ["Le graphique d'essai n'a pas d'alternative"]

        """
    }

    static func build(_ legal: String?) throws -> TemporaryFolder {
        let folder = TemporaryFolder()
        let run = try SiteTree.withCases(
            SiteTree.rows(platform: "amazon", count: 6), extra: ["site.yaml": SiteTree.siteYAML + (legal ?? "")]
        ).build(in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        return folder
    }

    @Test("each fact is on its page, and the footer of every page links the four pages with the declared status")
    func factsOnTheirPages() throws {
        let folder = try Self.build(Self.legal(director: "Camille Exemple-Test", host: "Hôte Essai SAS", email: "ecrire@essai.example.org"))
        let notice = try #require(folder.read("_site/mentions-legales/index.html"))
        #expect(notice.contains("<p>Camille Exemple-Test</p>"))
        #expect(notice.contains("Hôte Essai SAS<br>4 allée de l&#39;Hôte, 00000 Essai-sur-Vigie"))
        #expect(notice.contains("3 rue du Test, 00000 Essai-sur-Vigie"))
        let accessibility = try #require(folder.read("_site/accessibilite/index.html"))
        #expect(accessibility.contains("Ce site est partiellement conforme avec le référentiel général"))
        #expect(accessibility.contains("72\u{00A0}% des critères du RGAA sont respectés"))
        #expect(accessibility.contains("Cette déclaration a été établie le 1er mars 2019."))
        #expect(accessibility.contains("<li><a href=\"../statistiques/\">/statistiques/</a></li>"))
        #expect(accessibility.contains("Inspection d&#39;essai numéro 7"))
        #expect(accessibility.contains("3 anomalies relevées"))
        #expect(accessibility.contains("Le graphique d&#39;essai n&#39;a pas d&#39;alternative"))
        #expect(accessibility.contains("href=\"mailto:ecrire@essai.example.org\""))
        let personal = try #require(folder.read("_site/donnees-personnelles/index.html"))
        #expect(personal.contains("gardés 17 jours"))
        let contact = try #require(folder.read("_site/contact/index.html"))
        #expect(contact.contains("Boîte postale 42"))
        #expect(contact.contains("ecrire@essai.example.org"))
        // Listed on the site map and in sitemap.xml, like every page.
        let map = try #require(folder.read("_site/plan-du-site/index.html"))
        for heading in ["Déclaration d&#39;accessibilité", "Mentions légales", "Données personnelles", "Contact"] {
            #expect(map.contains(">\(heading)</a>"), "\(heading)")
        }
        let sitemap = try #require(folder.read("_site/sitemap.xml"))
        for path in ["accessibilite/", "mentions-legales/", "donnees-personnelles/", "contact/"] {
            #expect(sitemap.contains("https://essai.example.org/\(path)</loc>"), "\(path)")
            #expect(map.contains("href=\"../\(path)\""), "\(path)")
        }
        let home = try #require(folder.read("_site/index.html"))
        #expect(home.contains("<a href=\"accessibilite/\">Accessibilité\u{00A0}: partiellement conforme</a>"))
        #expect(home.contains("<a href=\"mentions-legales/\">Mentions légales</a>"))
        #expect(home.contains("<a href=\"donnees-personnelles/\">Données personnelles</a>"))
        #expect(home.contains("<a href=\"contact/\">Contact</a>"))
    }

    @Test("changing the content changes the pages: nothing is kept from the templates")
    func factsFollowTheContent() throws {
        let first = try Self.build(Self.legal(director: "Camille Exemple-Test", host: "Hôte Essai SAS", email: "ecrire@essai.example.org"))
        let second = try Self.build(
            Self.legal(
                director: "Alix Autre-Essai", host: "Autre Hôte SARL", email: "autre@essai.example.org", status: "fully_compliant",
                percent: 100))
        let notice = try #require(second.read("_site/mentions-legales/index.html"))
        #expect(notice.contains("Alix Autre-Essai") && notice.contains("Autre Hôte SARL"))
        #expect(!notice.contains("Camille") && !notice.contains("Hôte Essai SAS"))
        let accessibility = try #require(second.read("_site/accessibilite/index.html"))
        #expect(accessibility.contains("Ce site est totalement conforme"))
        #expect(accessibility.contains("autre@essai.example.org") && !accessibility.contains("ecrire@"))
        #expect(second.read("_site/index.html")?.contains("Accessibilité\u{00A0}: totalement conforme</a>") == true)
        #expect(first.read("_site/contact/index.html") != second.read("_site/contact/index.html"))
        // None of these facts is written in the templates.
        let templates = try FileManager.default.subpathsOfDirectory(atPath: Repository.templates).compactMap {
            try? String(contentsOfFile: Repository.templates + "/" + $0, encoding: .utf8)
        }.joined()
        for fact in ["Camille", "Alix", "Hôte Essai", "essai.example.org", "Essai-sur-Vigie", "17 jours"] {
            #expect(!templates.contains(fact), "\(fact)")
        }
    }

    @Test("without 'legal' the four pages say what the publisher has not provided, and invent nothing")
    func withoutLegal() throws {
        let folder = try Self.build(nil)
        for path in ["accessibilite/", "mentions-legales/", "donnees-personnelles/", "contact/"] {
            let page = try #require(folder.read("_site/\(path)index.html"), "\(path)")
            #expect(page.contains("Non renseigné par l&#39;éditeur du site."), "\(path)")
            // The default content's demo facts do not leak into another site.
            #expect(!page.contains("Dominique Exemple") && !page.contains("vigie.example.org"), "\(path)")
        }
        let accessibility = try #require(folder.read("_site/accessibilite/index.html"))
        #expect(accessibility.contains("n&#39;a pas renseigné l&#39;état de conformité"))
        #expect(!accessibility.contains("Ce site est "))
        #expect(folder.read("_site/index.html")?.contains("Accessibilité\u{00A0}: état non renseigné</a>") == true)
    }

    @Test("a 'legal' mapping with a fact missing stops the build at that mapping, and nothing is published")
    func missingFactStopsTheBuild() throws {
        let folder = TemporaryFolder()
        let legal = Self.legal(director: "Camille Exemple-Test", host: "Hôte", email: "ecrire@essai.example.org")
            .replacingOccurrences(of: "  publication_director: \"Camille Exemple-Test\"\n", with: "")
        let run = try SiteTree.withCases(
            SiteTree.rows(platform: "amazon", count: 6), extra: ["site.yaml": SiteTree.siteYAML + legal]
        ).build(in: folder)
        #expect(run.status == 1)
        #expect(
            run.stderrLines.first?.hasSuffix("content/site.yaml:6:3: error: missing required key 'publication_director' in 'legal'") == true
        )
        #expect(folder.read("_site/index.html") == nil)
    }

    @Test("an audited page that the site does not have is an error at its line of site.yaml, not at the template")
    func auditedPageMustExist() throws {
        let folder = TemporaryFolder()
        let legal = Self.legal(director: "Camille Exemple-Test", host: "Hôte", email: "ecrire@essai.example.org")
            .replacingOccurrences(of: "audited_pages: [/, /statistiques/]", with: "audited_pages:\n      - /\n      - /statistique/")
        let run = try SiteTree.withCases(
            SiteTree.rows(platform: "amazon", count: 6), extra: ["site.yaml": SiteTree.siteYAML + legal]
        ).build(in: folder)
        #expect(run.status == 1)
        let lines = run.stderrLines.filter { $0.contains("error:") }
        #expect(lines.count == 1, "\(run.stderr)")
        #expect(
            lines.first?.contains("content/site.yaml:") == true
                && lines.first?.contains("link to /statistique/ on /accessibilite/") == true, "\(run.stderr)")
        #expect(folder.read("_site/index.html") == nil)
    }
}
