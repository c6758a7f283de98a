import Foundation
import Testing
import VigieTestSupport

@Suite("/plan-du-site/: every page for people, linked from every footer")
struct SiteMapPageTests {
    @Test("the default site's map links every HTML page (but the 404 page and itself), named by its heading; each footer links to it")
    func everyPage() throws {
        let folder = TemporaryFolder()
        let output = folder.path + "/_site"
        let run = try CommandRun.vigie(
            ["build", "--content", Repository.content, "--templates", Repository.templates, "--output", output], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        let map = try #require(folder.read("_site/plan-du-site/index.html"))
        // Links to folders (pages), not to the feed or the style sheet.
        let linked = Set(
            map.components(separatedBy: "href=\"../").dropFirst().map { String($0.prefix { $0 != "\"" }) }.filter {
                $0.isEmpty || $0.hasSuffix("/")
            }.map { $0 + "index.html" }.filter { !$0.hasPrefix("en/") })  // the language switch leads to /en/site-map/
        var pages: Set<String> = []
        let enumerator = try #require(FileManager.default.enumerator(atPath: output))
        while let path = enumerator.nextObject() as? String {
            // An embed view is a frame for other sites, without footer, reached from its figure's page.
            // The English edition's pages are in its own map, /en/site-map/.
            guard path.hasSuffix("index.html"), path != "plan-du-site/index.html", !path.hasSuffix("/integrer/index.html"),
                !path.hasPrefix("en/")
            else { continue }
            pages.insert(path)
            // The footer points at the page for people, not at the robots' XML.
            let page = try #require(folder.read("_site/" + path))
            #expect(page.contains("plan-du-site/\">Plan du site</a>"), "\(path)")
            #expect(!page.contains("sitemap.xml\">"), "\(path)")
        }
        #expect(pages.count > 40)
        // The map's own nav and footer links are pages too: every link is a page, every page is linked.
        #expect(linked.subtracting(["plan-du-site/index.html"]) == pages)
        // Named by the page's heading, sections in the navigation's order.
        #expect(map.contains(">Comment fonctionne la médiation des entreprises</a></li>"))
        #expect(map.contains(">Statistiques — publication du 31 janvier 2019</a></li>"))
        let statistics = try #require(map.range(of: "id=\"plan-statistiques\""))
        let glossary = try #require(map.range(of: "id=\"plan-glossaire\""))
        #expect(statistics.lowerBound < glossary.lowerBound)
        // robots keep sitemap.xml, which lists the map too.
        #expect(folder.read("_site/sitemap.xml")?.contains("plan-du-site/</loc>") == true)
    }
}
