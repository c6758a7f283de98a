import Foundation
import Testing
import VigieTestSupport

@Suite("French slugs for French pages: /plateformes/autres/, while the data keep the key 'other'")
struct PlatformSlugTests {
    static func build(templates: String = Repository.templates) throws -> (TemporaryFolder, CommandRun) {
        let folder = TemporaryFolder()
        let rows = SiteTree.rows(platform: "amazon", count: 8) + SiteTree.rows(platform: "other", count: 6, startingAt: 50)
        let content = SiteTree.withCases(rows).write(into: folder)
        let run = try CommandRun.vigie(
            ["build", "--content", content, "--templates", templates, "--output", folder.path + "/_site"], in: folder.path)
        return (folder, run)
    }

    @Test("the catch-all platform's page is /plateformes/autres/, linked as such; the CSV and JSON say 'other'")
    func frenchSlug() throws {
        let (folder, run) = try Self.build()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(folder.exists("_site/plateformes/autres/index.html"))
        #expect(!folder.exists("_site/plateformes/other/index.html"))
        #expect(folder.exists("_site/plateformes/amazon/index.html"))
        let index = try #require(folder.read("_site/plateformes/index.html"))
        #expect(index.contains("href=\"../plateformes/autres/\""))
        #expect(!index.contains("plateformes/other/"))
        let sitemap = try #require(folder.read("_site/sitemap.xml"))
        #expect(sitemap.contains("/plateformes/autres/</loc>"))
        let csv = try #require(folder.read("_site/donnees/cases_by_platform.csv"))
        #expect(csv.contains("\nother,6,published,"))
        let json = try #require(folder.read("_site/donnees/cases_by_platform.json"))
        #expect(json.contains("\"platform\": \"other\""))
    }

    @Test("two platforms in one folder is an error at strings.yaml, and nothing is published")
    func collidingSlug() throws {
        let templates = TemporaryFolder()
        try FileManager.default.copyItem(atPath: Repository.templates, toPath: templates.path + "/templates")
        let strings = templates.path + "/templates/strings.yaml"
        let text = try String(contentsOfFile: strings, encoding: .utf8)
        try text.replacingOccurrences(of: "    other: \"autres\"\n", with: "    other: \"amazon\"\n").write(
            toFile: strings, atomically: true, encoding: .utf8)
        let (folder, run) = try Self.build(templates: templates.path + "/templates")
        #expect(run.status == 1)
        #expect(
            run.stderr.contains("strings.yaml: error: platforms 'amazon' and 'other' would share the page /plateformes/amazon/"),
            "\(run.stderr)")
        #expect(!folder.exists("_site/index.html"))
    }
}
