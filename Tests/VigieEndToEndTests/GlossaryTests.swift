import Foundation
import Testing
import VigieTestSupport

@Suite("/glossaire/: one vocabulary for the site, its terms and every key of the data files with the tables' labels")
struct GlossaryTests {
    /// A site with threshold 3 and a platform label set in site.yaml, so the glossary must follow both.
    static func build() throws -> TemporaryFolder {
        let folder = TemporaryFolder()
        let siteYAML =
            SiteTree.siteYAML.replacingOccurrences(of: "disclosure_threshold: 5", with: "disclosure_threshold: 3") + """
                vocabularies:
                  platforms:
                    amazon: "Amazon (place de marché)"
                    other: "Autres plateformes"

                """
        let rows = SiteTree.rows(platform: "amazon", count: 8) + SiteTree.rows(platform: "other", count: 6, startingAt: 50)
        let content = SiteTree.withCases(rows, extra: ["site.yaml": siteYAML]).write(into: folder)
        let run = try CommandRun.vigie(
            ["build", "--content", content, "--templates", Repository.templates, "--output", folder.path + "/_site"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        return folder
    }

    @Test("the terms, with the site's own markers and threshold")
    func terms() throws {
        let folder = try Self.build()
        let page = try #require(folder.read("_site/glossaire/index.html"))
        #expect(page.contains("<dt id=\"dossier\">Dossier</dt>"))
        for id in [
            "transmis", "clos", "resolu", "retire", "mediane", "quartile", "semaine-iso", "mois", "publication", "revision", "masque", "n-p",
        ] {
            #expect(page.contains("<dt id=\"\(id)\">"), "\(id)")
        }
        // "< k" and its range come from the threshold in force (3 here), as the tables label them.
        #expect(page.contains("<dt id=\"moins-de-k\">&lt; 3</dt>"))
        #expect(page.contains("Effectif de 1 à 2 dossiers"))
        #expect(page.contains("<dt id=\"n-p\">n.\u{00A0}p.</dt>") || page.contains("<dt id=\"n-p\">n. p.</dt>"))
        // The one definition of the resolved share.
        #expect(page.contains("dossiers résolus rapportés à l&#39;ensemble des dossiers clos"))
        #expect(!page.contains(" :"))
    }

    @Test("every vocabulary's keys as the CSV files write them, with the labels the tables show")
    func keysAndLabels() throws {
        let folder = try Self.build()
        let page = try #require(folder.read("_site/glossaire/index.html"))
        let statistics = try #require(folder.read("_site/statistiques/index.html"))
        // A label from site.yaml, the same on both pages.
        #expect(page.contains("<th scope=\"row\"><code>amazon</code></th><td>Amazon (place de marché)</td>"))
        #expect(statistics.contains(">Amazon (place de marché)<"))
        #expect(page.contains("<th scope=\"row\"><code>funds_withheld</code></th><td>Fonds bloqués</td>"))
        #expect(page.contains("<th scope=\"row\"><code>micro</code></th><td>TPE (moins de 10 salariés)</td>"))
        #expect(page.contains("<th scope=\"row\"><code>44</code></th><td>Grand Est</td>"))
        #expect(page.contains("<th scope=\"row\"><code>in_mediation</code></th><td>En médiation</td>"))
        #expect(page.contains("<th scope=\"row\"><code>referred_to_closed</code></th><td>De la transmission à la clôture</td>"))
        #expect(page.contains("<th scope=\"row\"><code>done_late</code></th><td>Tenu en retard</td>"))
        for name in ["platforms", "issues", "sizes", "regions", "sectors", "outcomes", "statuses", "paths", "stages", "delays"] {
            #expect(page.contains("id=\"cles-\(name)\""), "\(name)")
        }
    }

    @Test("linked from every page's footer, from /methodologie/ and /donnees/, and listed in sitemap.xml")
    func linked() throws {
        let folder = try Self.build()
        for (page, href) in [
            ("index.html", "glossaire/"), ("methodologie/index.html", "../glossaire/"), ("donnees/index.html", "../glossaire/#cles"),
            ("statistiques/index.html", "../glossaire/"),
        ] {
            let html = try #require(folder.read("_site/" + page))
            #expect(html.contains("href=\"\(href)\""), "\(page)")
        }
        let sitemap = try #require(folder.read("_site/sitemap.xml"))
        #expect(sitemap.contains("<loc>https://essai.example.org/glossaire/</loc>"))
    }
}
