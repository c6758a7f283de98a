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

    /// The new site is staged while its links are checked: a broken one leaves the published site as it
    /// was, and the next build, once the link is fixed, publishes what a build into a new folder gives.
    @Test("a broken link leaves the published site untouched, and the fixed build publishes the whole site")
    func brokenLinkLeavesThePublishedSite() throws {
        let folder = TemporaryFolder()
        let cases = SiteTree.rows(platform: "amazon", count: 10)
        SiteTree.withCases(cases, extra: ["notes/deuxieme.md": Self.note]).write(into: folder)
        func build(into output: String = "_site") -> [String] {
            ["build", "--content", "content", "--templates", Repository.templates, "--output", output]
        }
        #expect(try CommandRun.vigie(build(), in: folder.path).status == 0)
        let published = SiteTree.files(under: folder.path + "/_site")

        let broken = Self.note.replacingOccurrences(of: "../premiere-note/", with: "/notes/nexiste-pas/")
        folder.write("content/notes/deuxieme.md", broken.replacingOccurrences(of: "Deuxième note", with: "Deuxième note, revue"))
        let failed = try CommandRun.vigie(build(), in: folder.path)
        #expect(failed.status == 1)
        #expect(failed.stderrLines.last == "1 error in 1 file; nothing was published")
        #expect(SiteTree.files(under: folder.path + "/_site") == published)

        folder.write("content/notes/deuxieme.md", Self.note.replacingOccurrences(of: "Deuxième note", with: "Deuxième note, revue"))
        #expect(try CommandRun.vigie(build(), in: folder.path).status == 0)
        #expect(try CommandRun.vigie(build(into: "fresh"), in: folder.path).status == 0)
        #expect(SiteTree.files(under: folder.path + "/_site") == SiteTree.files(under: folder.path + "/fresh"))
        #expect(SiteTree.files(under: folder.path + "/_site") != published)
    }

    @Test("a template's broken link fails the build at the template, once for all the pages that show it")
    func brokenTemplateLink() throws {
        let folder = TemporaryFolder()
        SiteTree.withCases(SiteTree.rows(platform: "amazon", count: 10), extra: ["notes/deuxieme.md": Self.note]).write(into: folder)
        try FileManager.default.copyItem(atPath: Repository.templates, toPath: folder.path + "/templates")
        let layout = try #require(folder.read("templates/layouts/base.mustache"))
        let data = try #require(folder.read("templates/pages/data.mustache"))
        folder.write("templates/layouts/base.mustache", layout.replacingOccurrences(of: "{{paths.site_map}}", with: "{{root}}plan/"))
        folder.write(
            "templates/pages/data.mustache", data.replacingOccurrences(of: "{{paths.glossary}}#cles", with: "{{paths.glossary}}#clefs"))
        let lines = { (text: String, needle: String) -> (Int, Int) in
            let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) }!
            let row = text.split(separator: "\n", omittingEmptySubsequences: false)[line]
            return (line + 1, row.distance(from: row.startIndex, to: row.range(of: needle)!.lowerBound) + 1)
        }
        let (layoutLine, layoutColumn) = lines(layout, "{{paths.site_map}}")
        let (dataLine, dataColumn) = lines(data, "{{paths.glossary}}#cles")
        let run = try CommandRun.vigie(["build", "--output", "_site"], in: folder.path)
        #expect(run.status == 1)
        let pages = try #require(run.stderrLines.first).firstMatch(of: /and (\d+) other pages/).map { Int($0.1)! } ?? 0
        #expect(pages > 10)
        #expect(
            run.stderrLines == [
                "templates/layouts/base.mustache:\(layoutLine):\(layoutColumn): error: link to /plan/ on /404.html and \(pages) other pages: no such page on the site",
                "templates/pages/data.mustache:\(dataLine):\(dataColumn): error: link to /glossaire/#clefs on /donnees/: no element with id 'clefs' on /glossaire/",
                "2 errors in 2 files; nothing was published",
            ])
        #expect(!folder.exists("_site"))
    }
}
