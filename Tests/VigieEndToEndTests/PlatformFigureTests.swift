import Foundation
import Testing
import VigieTestSupport

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A platform page's own figures, the platform's share among them: the blocks of a figure of
/// /statistiques/, a page and an embed view each, their charts as files, and the share in the data files.
@Suite("A platform's figures and its share, with their pages and files")
struct PlatformFigureTests {
    /// The figures of every platform page of the default site, in page order, and whether each has a chart there.
    static let figures: [(slug: String, table: String, chart: Bool)] = [
        ("difficultes", "platform_issue", true), ("suite", "resolution_by_platform", false),
        ("delais", "days_to_stage_by_platform", true), ("perte", "revenue_loss_by_platform", false),
        ("part", "cases_by_platform", true),
    ]

    /// The platform folders of the default site (`amazon`, `autres`, …).
    static func platformSlugs(_ output: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: output + "/plateformes").filter {
            FileManager.default.fileExists(atPath: output + "/plateformes/\($0)/index.html")
        }.sorted()
    }

    /// `folder/relative` with `../` resolved: where a relative link of a page in `folder` points.
    static func resolve(_ relative: String, from folder: String) -> String {
        var parts = folder.split(separator: "/").map(String.init)
        for part in relative.split(separator: "/", omittingEmptySubsequences: false).map(String.init) {
            if part == ".." { parts.removeLast() } else if !part.isEmpty { parts.append(part) }
        }
        return parts.joined(separator: "/")
    }

    /// The `href`s of the links of `html` written right after `marker`.
    static func links(in html: String, after marker: String) -> [String] {
        html.components(separatedBy: marker).dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test("each platform page has its figure blocks, each linking to its data, its citation and its page with an embed view")
    func figureBlocks() throws {
        let (folder, output) = try FigurePageTests.defaultSite()
        let slugs = try Self.platformSlugs(output)
        #expect(slugs.count == 10)
        let sitemap = try #require(folder.read("_site/sitemap.xml"))
        let siteMapPage = try #require(folder.read("_site/plan-du-site/index.html"))
        for slug in slugs {
            let pageFolder = "plateformes/\(slug)"
            let page = try #require(folder.read("_site/\(pageFolder)/index.html"))
            let sections = Self.links(in: page, after: "<section class=\"figure\" id=\"")
            #expect(sections == Self.figures.map(\.slug), "\(slug)")
            for figure in Self.figures {
                let block = try #require(
                    page.components(separatedBy: "<section class=\"figure\" id=\"\(figure.slug)\"").dropFirst().first?
                        .components(separatedBy: "</section>").first, "\(slug)/\(figure.slug)")
                for part in [
                    "<strong>Définition\u{a0}:</strong>", "<dt>Unité</dt>", "<dt>Source</dt>", "<dt>Citer ce chiffre</dt>", "<caption>",
                ] {
                    #expect(block.contains(part), "\(slug)/\(figure.slug): \(part)")
                }
                // The citation names the figure's page, where its latest numbers are.
                #expect(
                    block.contains(", https://vigie.example.org/plateformes/\(slug)/\(figure.slug)/")
                        || block.contains(
                            "chiffres les plus récents\u{a0}: https://vigie.example.org/plateformes/\(slug)/\(figure.slug)/"),
                    "\(slug)/\(figure.slug)")
                // CSV and JSON of the table the figure reads, and the figure's page: all resolve.
                let hrefs = Self.links(in: block, after: "<a href=\"")
                #expect(hrefs.contains("../../donnees/\(figure.table).csv") && hrefs.contains("../../donnees/\(figure.table).json"))
                #expect(hrefs.contains("\(figure.slug)/"), "\(slug)/\(figure.slug)")
                for href in hrefs where !href.hasPrefix("https://") {
                    let target = Self.resolve(href, from: pageFolder)
                    #expect(folder.exists("_site/" + (href.hasSuffix("/") ? target + "/index.html" : target)), "\(slug): \(href)")
                }
                // The figure's page: every block, the chart's files where it has a chart, the embed code.
                let figureFolder = "\(pageFolder)/\(figure.slug)"
                let figurePage = try #require(folder.read("_site/\(figureFolder)/index.html"), "\(figureFolder)")
                #expect(figurePage.contains("<h1 id=\"\(figure.slug)-heading\">"))
                #expect(figurePage.contains("<a href=\"../#\(figure.slug)\">Toute la page "))
                #expect(figurePage.contains("&lt;iframe src=&quot;https://vigie.example.org/\(figureFolder)/integrer/&quot;"))
                #expect(figurePage.contains("href=\"../../../donnees/\(figure.table).csv\" download"))
                let chartFile = "\(slug)-\(figure.slug)"
                let hasChart = figurePage.contains("href=\"\(chartFile).svg\" download")
                // The delays chart is left out where every delay of the platform is withheld.
                #expect(hasChart == figure.chart || (figure.slug == "delais" && !hasChart), "\(figureFolder)")
                #expect(hasChart == folder.exists("_site/\(figureFolder)/\(chartFile).svg"), "\(figureFolder)")
                #expect(hasChart == folder.exists("_site/\(figureFolder)/\(chartFile).png"), "\(figureFolder)")
                #expect(figurePage.contains("<meta property=\"og:image\"") == hasChart, "\(figureFolder)")
                let embed = try #require(folder.read("_site/\(figureFolder)/integrer/index.html"))
                #expect(embed.contains("<a href=\"https://vigie.example.org/\(figureFolder)/\" target=\"_top\">"))
                #expect(sitemap.contains("<loc>https://vigie.example.org/\(figureFolder)/</loc>"))
                #expect(sitemap.contains("<loc>https://vigie.example.org/\(figureFolder)/integrer/</loc>"))
                #expect(siteMapPage.contains("href=\"../\(figureFolder)/\""))
                #expect(!siteMapPage.contains("href=\"../\(figureFolder)/integrer/\""))
            }
        }
        // A stored release holds the tables but not the share, added after it: no dated permalink for the share.
        let amazon = try #require(folder.read("_site/plateformes/amazon/index.html"))
        #expect(amazon.contains("Lien permanent\u{a0}: https://vigie.example.org/publications/2019-03-29/statistiques/#platform-issue"))
        #expect(amazon.contains("ce chiffre a été ajouté après son archivage"))
    }

    @Test("the share on a platform page is the `share` of cases_by_platform, in its CSV, JSON, database and data package")
    func shareIsInTheDataFiles() throws {
        let (folder, output) = try FigurePageTests.defaultSite()
        let csv = try #require(folder.read("_site/donnees/cases_by_platform.csv"))
        let rows = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.first == ["platform", "cases", "cases_status", "share", "share_status", "suppressed"])
        let slugs = ["other": "autres"]
        let database = output + "/donnees/vigie.sqlite"
        var published = 0
        for row in rows.dropFirst() {
            let page = try #require(folder.read("_site/plateformes/\(slugs[row[0]] ?? row[0])/index.html"), "\(row[0])")
            let headline = "<span class=\"headline-meaning\">"
            if row[4] == "published" {
                published += 1
                // 48.9 in the file, "48,9 %" on the page.
                let text = row[3].replacingOccurrences(of: ".", with: ",") + "\u{a0}%"
                #expect(page.contains(headline + text + " de l&#39;ensemble des dossiers</span>"), "\(row[0]): \(text)")
                #expect(page.contains("<p class=\"key-figure\">"), "\(row[0])")
                #expect(page.contains("\u{a0}: \(text) de l&#39;ensemble des dossiers (\(row[1]) sur "), "\(row[0])")
            } else {
                #expect(row[3].isEmpty && !page.contains(headline), "\(row[0])")
            }
            let stored = try DataFilesTests.sqlite(
                database, "SELECT share, share_status FROM cases_by_platform WHERE platform = '\(row[0])'")
            #expect(stored.count == 2 && DataFilesTests.same(csv: row[3], sqlite: stored[1][0]) && stored[1][1] == row[4], "\(row[0])")
        }
        #expect(published == 8)
        #expect(rows.contains(["amazon", "303", "published", "48.9", "published", "false"]))
        let amazon = try #require(folder.read("_site/plateformes/amazon/index.html"))
        #expect(amazon.contains("Amazon\u{a0}: 48,9\u{a0}% de l&#39;ensemble des dossiers (303 sur 620)."))
        let json = try #require(folder.read("_site/donnees/cases_by_platform.json"))
        #expect(
            json.contains(
                "\"platform\": \"amazon\", \"cases\": 303, \"cases_status\": \"published\", \"share\": 48.9, \"share_status\": \"published\""
            ))
        let package = try #require(folder.read("_site/donnees/datapackage.json"))
        #expect(package.contains("\"version\": \"2.2.0+2019-03-29\""))
        #expect(
            package.contains(
                "\"name\": \"share\", \"type\": \"number\", \"description\": \"Part des dossiers — dossiers de la plateforme rapportés"))
        // A stored release made before the share keeps its files as they were.
        let frozen = try #require(folder.read("_site/publications/2019-03-29/donnees/cases_by_platform.csv"))
        #expect(frozen.hasPrefix("platform,cases,cases_status,suppressed\n"))
    }

    @Test("a withheld count has no share anywhere: not on the pages, in the files, the charts or the database")
    func withheldCountHasNoShare() throws {
        let folder = TemporaryFolder()
        // 30 + 12 + 3 = 45 cases: Apple's 3 is under 5, and one other count is masked so that it cannot be subtracted.
        let site = SiteTree.withCases(
            SiteTree.rows(platform: "amazon", count: 30) + SiteTree.rows(platform: "cdiscount", count: 12, startingAt: 100)
                + SiteTree.rows(platform: "apple", count: 3, startingAt: 200))
        let run = try site.build(in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let csv = try #require(folder.read("_site/donnees/cases_by_platform.csv"))
        let rows = csv.split(separator: "\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let withheld = rows.filter { $0[2] != "published" }
        #expect(withheld.map(\.[0]).contains("apple") && withheld.count >= 2, "\(csv)")
        let database = folder.path + "/_site/donnees/vigie.sqlite"
        for row in withheld {
            let key = row[0]
            let trueCount = ["amazon": 30, "cdiscount": 12, "apple": 3][key] ?? 0
            // The share a reader must not see, as the files and the pages would write it.
            let share = (Double(trueCount) / 45 * 1000).rounded() / 10
            let fileText = share == share.rounded() ? String(Int(share)) : String(share)
            let pageText = fileText.replacingOccurrences(of: ".", with: ",") + "\u{a0}%"
            #expect(row[3].isEmpty && row[4] != "published", "\(key)")
            let stored = try DataFilesTests.sqlite(database, "SELECT share FROM cases_by_platform WHERE platform = '\(key)'")
            #expect(stored.count == 2 && stored[1][0].isEmpty, "\(key): \(stored)")
            let json = try #require(folder.read("_site/donnees/cases_by_platform.json"))
            #expect(json.contains("\"platform\": \"\(key)\", \"cases\": null, \"cases_status\": \"\(row[2])\", \"share\": null"), "\(key)")
            for path in [
                "plateformes/\(key)/index.html", "plateformes/\(key)/part/index.html", "plateformes/\(key)/part/integrer/index.html",
                "plateformes/amazon/part/index.html", "statistiques/index.html", "statistiques/cases-by-platform/index.html",
                "plateformes/\(key)/part/\(key)-part.svg", "plateformes/amazon/part/amazon-part.svg",
                "statistiques/cases-by-platform/cases-by-platform.svg",
            ] {
                let text = try #require(folder.read("_site/" + path), "\(path)")
                #expect(!Self.containsNumber(pageText, in: text) && !text.contains(">\(fileText)<"), "\(path): \(key)'s share \(pageText)")
            }
            let page = try #require(folder.read("_site/plateformes/\(key)/index.html"))
            #expect(!page.contains("<span class=\"headline-meaning\">"), "\(key)")
            #expect(page.contains("part de l&#39;ensemble des dossiers non publiée"), "\(key)")
            // The PNG is made from that SVG, whose bar is the hatched mark of a withheld value.
            let svg = try #require(folder.read("_site/plateformes/\(key)/part/\(key)-part.svg"))
            #expect(svg.contains("class=\"bar withheld\" data-key=\"\(key)\""), "\(key)")
            #expect(folder.exists("_site/plateformes/\(key)/part/\(key)-part.png"))
        }
    }

    /// True when `text` holds `number` not as the end of a longer one ("6,7 %" is not in "66,7 %").
    static func containsNumber(_ number: String, in text: String) -> Bool {
        var rest = text[...]
        while let hit = rest.range(of: number) {
            if hit.lowerBound == text.startIndex || !"0123456789,.".contains(text[text.index(before: hit.lowerBound)]) { return true }
            rest = text[hit.upperBound...]
        }
        return false
    }

    @Test("each platform chart file is an SVG that parses and names its figure, its source and its address")
    func chartFiles() throws {
        let (folder, output) = try FigurePageTests.defaultSite()
        let names = try FileManager.default.subpathsOfDirectory(atPath: output + "/plateformes").filter { $0.hasSuffix(".svg") }.sorted()
        #expect(names.count >= 20)
        for name in names {
            let svg = try #require(folder.read("_site/plateformes/" + name))
            let reader = FigurePageTests.SVGReader()
            let parser = XMLParser(data: Data(svg.utf8))
            parser.delegate = reader
            #expect(parser.parse(), "\(name): \(parser.parserError.map { "\($0)" } ?? "")")
            let parts = name.split(separator: "/").map(String.init)
            let figureFolder = "plateformes/\(parts[0])/\(parts[1])/"
            let page = try #require(folder.read("_site/\(figureFolder)index.html"))
            let title = try #require(reader.texts["title"]?.first)
            #expect(page.contains("<h1 id=\"\(parts[1])-heading\">\(title.replacingOccurrences(of: "'", with: "&#39;"))</h1>"), "\(name)")
            let foot = (reader.texts["text"] ?? []).joined(separator: " ")
            #expect(
                foot.contains("Source\u{a0}: Vigie — Plateformes en ligne et TPE-PME, dossiers anonymisés, publication du 29 mars 2019."))
            #expect(foot.contains("Données publiées sous Licence Ouverte / Open Licence 2.0."))
            #expect((reader.texts["text"] ?? []).contains("https://vigie.example.org/\(figureFolder)"), "\(name)")
            let png = try #require(FileManager.default.contents(atPath: output + "/" + figureFolder + parts[2].dropLast(3) + "png"))
            #expect(png.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]), "\(name)")
        }
    }

    @Test("two builds give the same platform pages, figure pages and chart files, byte for byte")
    func byteIdentical() throws {
        let (first, one) = try FigurePageTests.defaultSite()
        let (second, two) = try FigurePageTests.defaultSite()
        let a = DeterminismTests.tree(one + "/plateformes"), b = DeterminismTests.tree(two + "/plateformes")
        #expect(a.count > 100 && a.keys.contains("amazon/part/amazon-part.png"))
        #expect(a == b)
        _ = (first, second)
    }
}
