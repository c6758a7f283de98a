import Foundation
import Testing
import VigieTestSupport

@Suite("One vocabulary: the case is a dossier, the categories have one name, French typography everywhere")
struct VocabularyTests {
    static let note = """
        ---
        title: "Méthode"
        date: 2019-03-01
        ---

        Les difficultés : {{labels.issues}}. Les issues : {{labels.outcomes}}. La part résolue : {{share_resolved_definition}}.

        """

    static func build() throws -> TemporaryFolder {
        let folder = TemporaryFolder()
        let rows = SiteTree.rows(platform: "amazon", count: 8) + SiteTree.rows(platform: "other", count: 6, startingAt: 50)
        let content = SiteTree.withCases(rows, extra: ["notes/methode.md": note]).write(into: folder)
        let run = try CommandRun.vigie(
            ["build", "--content", content, "--templates", Repository.templates, "--output", folder.path + "/_site"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        return folder
    }

    @Test("the unit is the dossier: no 'cas', no 'entreprises ayant signalé' for a count of cases")
    func theUnitIsTheDossier() throws {
        let folder = try Self.build()
        let home = try #require(folder.read("_site/index.html"))
        #expect(home.contains("dossiers reçus"))
        #expect(!home.contains("entreprises ayant signalé"))
        #expect(!home.contains("signalements reçus"))
        let statistics = try #require(folder.read("_site/statistiques/index.html"))
        #expect(statistics.contains("<th scope=\"col\" class=\"num\">Dossiers</th>"))
        #expect(!statistics.contains(">Cas</th>"))
        #expect(!statistics.contains(" cas "))
    }

    @Test("the catch-all platform has a sentence of its own, not 'concernant Autres plateformes'")
    func otherPlatformsReadsWell() throws {
        let folder = try Self.build()
        let page = try #require(folder.read("_site/plateformes/autres/index.html"))
        #expect(!page.contains("concernant Autres plateformes"))
        #expect(!page.contains("avec Autres plateformes"))
        #expect(page.contains("une plateforme qui n&#39;est pas suivie à part"))
    }

    @Test("interface text gets the notes' French spacing: before ':' and inside « », no ordinary space left")
    func interfaceTypography() throws {
        let folder = try Self.build()
        let statistics = try #require(folder.read("_site/statistiques/index.html"))
        #expect(statistics.contains("<strong>Définition\u{00A0}:</strong>"))
        #expect(statistics.contains("«\u{00A0}&lt; 5\u{00A0}»\u{00A0}: effectif de 1 à 4"))
        #expect(!statistics.contains(" :"))
        #expect(!statistics.contains("« "))
        #expect(!statistics.contains(" »"))
        let home = try #require(folder.read("_site/index.html"))
        #expect(!home.contains(" :"))
        #expect(!home.contains(" ;"))
    }

    @Test("a note lists the categories with the labels the tables use, through placeholders")
    func notePlaceholdersUseTheTableLabels() throws {
        let folder = try Self.build()
        let note = try #require(folder.read("_site/notes/methode/index.html"))
        #expect(note.contains("«\u{00A0}Fonds bloqués\u{00A0}»"))
        #expect(
            note.contains("«\u{00A0}Pas d’accord\u{00A0}»") || note.contains("«\u{00A0}Pas d&#39;accord\u{00A0}»")
                || note.contains("«\u{00A0}Pas d'accord\u{00A0}»"))
        #expect(
            note.contains("dossiers résolus rapportés à l’ensemble des dossiers clos")
                || note.contains("dossiers résolus rapportés à l'ensemble des dossiers clos"))
        let issues = try #require(folder.read("_site/statistiques/index.html"))
        #expect(issues.contains(">Fonds bloqués<"))
    }
}
