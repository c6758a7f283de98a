import Foundation
import Testing
import VigieTestSupport

@Suite("Links between the pages of the site, checked at build")
struct InternalLinkTests {
    static let note = """
        ---
        title: "Deuxième note"
        date: 2019-02-01
        ---

        Voir [la première](../premiere-note/), [les chiffres](/statistiques/),
        [l'adresse complète](https://essai.example.org/notes/premiere-note/) et [ailleurs](https://www.example.com/x/).

        """

    @Test("a site whose notes link to existing pages builds")
    func validLinksBuild() throws {
        let folder = TemporaryFolder()
        let content = SiteTree.withCases(SiteTree.rows(platform: "amazon", count: 10), extra: ["notes/deuxieme.md": Self.note])
            .write(into: folder)
        let run = try CommandRun.vigie(
            ["build", "--content", content, "--templates", Repository.templates, "--output", "_site"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test("a link to a missing page fails the build at the link, and nothing is published")
    func brokenLinkPublishesNothing() throws {
        let folder = TemporaryFolder()
        let broken = Self.note.replacingOccurrences(of: "../premiere-note/", with: "/notes/nexiste-pas/")
        SiteTree.withCases(SiteTree.rows(platform: "amazon", count: 10), extra: ["notes/deuxieme.md": broken]).write(into: folder)
        let run = try CommandRun.vigie(
            ["build", "--content", "content", "--templates", Repository.templates, "--output", "_site"], in: folder.path)
        #expect(run.status == 1)
        #expect(
            run.stderrLines == [
                "content/notes/deuxieme.md:6:6: error: link to /notes/nexiste-pas/: no such page on the site",
                "1 error in 1 file; nothing was published",
            ])
        #expect(!folder.exists("_site"))
    }
}
