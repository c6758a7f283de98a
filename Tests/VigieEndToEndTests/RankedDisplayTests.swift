import Foundation
import Testing
import VigieTestSupport

@Suite("Every ranked display is sorted by value")
struct RankedDisplayTests {
    /// amazon 30, leboncoin 16, manomano 12 (declared before leboncoin in the vocabulary), other 40
    /// (the largest, still drawn last), apple 3 and google 2 (withheld: their sum, 5, leaves each
    /// anywhere from 1 to 4, so no third cell needs masking), the other platforms 0.
    static func build() throws -> TemporaryFolder {
        let folder = TemporaryFolder()
        let content = SiteTree.withCases(
            SiteTree.rows(platform: "amazon", count: 30) + SiteTree.rows(platform: "manomano", count: 12, startingAt: 100)
                + SiteTree.rows(platform: "leboncoin", count: 16, startingAt: 200)
                + SiteTree.rows(platform: "other", count: 40, startingAt: 300)
                + SiteTree.rows(platform: "apple", count: 3, startingAt: 400) + SiteTree.rows(platform: "google", count: 2, startingAt: 500)
        ).write(into: folder)
        let run = try CommandRun.vigie(
            ["build", "--content", content, "--templates", Repository.templates, "--output", folder.path + "/_site"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        return folder
    }

    /// The `data-key`s of the first chart after `marker`, each once, in drawing order.
    static func chartKeys(after marker: String, in page: String) -> [String] {
        guard let start = page.range(of: marker), let end = page.range(of: "</svg>", range: start.upperBound..<page.endIndex) else {
            return []
        }
        var keys: [String] = []
        var rest = page[start.upperBound..<end.lowerBound]
        while let hit = rest.range(of: "data-key=\"") {
            let tail = rest[hit.upperBound...]
            guard let close = tail.firstIndex(of: "\"") else { break }
            let key = String(tail[..<close])
            if !keys.contains(key) { keys.append(key) }
            rest = tail[close...]
        }
        return keys
    }

    /// The row headers of the table whose caption contains `caption`, in order.
    static func rowHeaders(caption: String, in page: String) -> [String] {
        guard let start = page.range(of: "<caption>" + caption),
            let end = page.range(of: "</table>", range: start.upperBound..<page.endIndex)
        else { return [] }
        return page[start.upperBound..<end.lowerBound].components(separatedBy: "<th scope=\"row\">").dropFirst().map {
            String($0.prefix { $0 != "<" })
        }
    }

    func csv(_ folder: TemporaryFolder) -> String { folder.read("_site/donnees/cases_by_platform.csv") ?? "" }

    @Test("bars and table of cases by platform on /statistiques/ are ranked; the CSV keeps the key order")
    func statisticsPage() throws {
        let folder = try Self.build()
        let page = try #require(folder.read("_site/statistiques/index.html"))
        // Published values first (zeros tied, by label), then the withheld ones by label, "other", the total.
        #expect(
            Self.chartKeys(after: "id=\"cases-by-platform-chart-title\"", in: page) == [
                "amazon", "leboncoin", "manomano", "cdiscount", "ebay", "fnac-darty", "rakuten", "apple", "google", "other",
            ])
        #expect(
            Self.rowHeaders(caption: "Dossiers par plateforme", in: page) == [
                "Amazon", "leboncoin", "ManoMano", "Cdiscount", "eBay", "Fnac Darty", "Rakuten", "Apple", "Google", "Autres plateformes",
                "Total",
            ])
        #expect(csv(folder).contains("\ngoogle,,below_threshold,,small_group,true\n"))
        let keys = csv(folder).split(separator: "\n").dropFirst().map { String($0.prefix { $0 != "," }) }
        #expect(
            keys == ["amazon", "cdiscount", "fnac-darty", "rakuten", "ebay", "manomano", "leboncoin", "google", "apple", "other"])
    }

    @Test("a platform page compares platforms by value, and the platforms index lists them so")
    func platformPages() throws {
        let folder = try Self.build()
        let page = try #require(folder.read("_site/plateformes/manomano/index.html"))
        let headers = Self.rowHeaders(caption: "Part dans l&#39;ensemble des dossiers — tableau des valeurs", in: page)
        #expect(headers.prefix(3) == ["Amazon", "leboncoin", "ManoMano"])
        #expect(headers.suffix(2) == ["Autres plateformes", "Total"])
        let expected = ["amazon", "leboncoin", "manomano", "other"]
        #expect(Self.chartKeys(after: "id=\"part-chart-title\"", in: page).filter(expected.contains) == expected)
        let index = try #require(folder.read("_site/plateformes/index.html"))
        let cards = index.components(separatedBy: "<span class=\"card-title\">").dropFirst().map { String($0.prefix { $0 != "<" }) }
        #expect(cards.prefix(3) == ["Amazon", "leboncoin", "ManoMano"])
        #expect(cards.last == "Autres plateformes")
        #expect(cards.count == 10)
    }

    @Test("on the default site: leboncoin 28 above ManoMano 26, and the platform × issue grid ranked on both axes")
    func defaultSite() throws {
        let folder = TemporaryFolder()
        let run = try CommandRun.vigie(
            ["build", "--content", Repository.content, "--templates", Repository.templates, "--output", folder.path + "/_site"],
            in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        let platform = try #require(folder.read("_site/plateformes/manomano/index.html"))
        let compared = Self.rowHeaders(caption: "Part dans l&#39;ensemble des dossiers — tableau des valeurs", in: platform)
        #expect(compared.prefix(8) == ["Amazon", "Cdiscount", "Fnac Darty", "Rakuten", "eBay", "leboncoin", "ManoMano", "Google"])
        let statistics = try #require(folder.read("_site/statistiques/index.html"))
        let issues = Self.rowHeaders(caption: "Difficultés par plateforme", in: statistics)
        #expect(issues.prefix(2) == ["Déréférencement", "Service client injoignable"])
        #expect(issues.last == "Autre difficulté")
        let grid = try #require(statistics.range(of: "<caption>Difficultés par plateforme").map { String(statistics[$0.upperBound...]) })
        let columns = grid.components(separatedBy: "</thead>")[0]
        #expect(
            columns.contains(
                "<th scope=\"col\" class=\"num\">eBay</th><th scope=\"col\" class=\"num\">leboncoin</th><th scope=\"col\" class=\"num\">ManoMano</th>"
            ))
        #expect(columns.hasSuffix("Autres plateformes</th><th scope=\"col\" class=\"num\">Total</th></tr>"))
    }
}
