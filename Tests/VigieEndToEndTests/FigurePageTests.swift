import Foundation
import Testing
import VigieTestSupport

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Every figure of /statistiques/ on a page of its own, its embed view, and its chart as SVG and PNG.
@Suite("One page per figure, its embed view and its chart files")
struct FigurePageTests {
    /// The figures of the default site: the slug of each page (the table's anchor) and its title.
    static let figures: [(slug: String, title: String, chart: Bool)] = [
        ("cases-by-platform", "Dossiers par plateforme", true),
        ("platform-issue", "Difficultés par plateforme", false),
        ("days-to-stage", "Délais entre les étapes", true),
    ]

    /// Builds the default site once for the tests that read it.
    static func defaultSite() throws -> (TemporaryFolder, String) {
        let folder = TemporaryFolder()
        let run = try CommandRun.vigie(
            ["build", "--content", Repository.content, "--templates", Repository.templates, "--output", folder.path + "/_site"],
            in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        return (folder, folder.path + "/_site")
    }

    /// The `href`s of links in `html` whose markup starts with `prefix` (`<a href="`).
    static func links(in html: String, after marker: String) -> [String] {
        html.components(separatedBy: marker).dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test("each figure block of /statistiques/ links to its page, which carries every block of the figure and the embed code")
    func everyFigureHasItsPage() throws {
        let (folder, _) = try Self.defaultSite()
        let statistics = try #require(folder.read("_site/statistiques/index.html"))
        let pageLinks = Self.links(in: statistics, after: "<p class=\"figure-page-link\"><a href=\"")
        let sections = statistics.components(separatedBy: "<section class=\"figure\" id=\"").count - 1
        #expect(pageLinks.count == sections && sections >= 15)
        let sitemap = try #require(folder.read("_site/sitemap.xml"))
        let siteMapPage = try #require(folder.read("_site/plan-du-site/index.html"))
        for link in pageLinks {
            // Relative to /statistiques/: `../statistiques/<slug>/`.
            #expect(link.hasPrefix("../statistiques/") && link.hasSuffix("/"), "\(link)")
            let slug = String(link.dropFirst("../statistiques/".count).dropLast())
            let page = try #require(folder.read("_site/statistiques/\(slug)/index.html"), "\(slug)")
            for block in [
                "<h1 id=\"\(slug)-heading\">", "<strong>Définition\u{a0}:</strong>", "<dt>Unité</dt>", "<dt>Source</dt>",
                "<dt>Licence</dt><dd><a href=\"https://www.etalab.gouv.fr/licence-ouverte-open-licence/\">Licence Ouverte / Open Licence 2.0</a>",
                "<dt>Citer ce chiffre</dt>",
                "Lien permanent\u{a0}: https://vigie.example.org/publications/2019-03-29/statistiques/#\(slug)",
                "<caption>", "<textarea id=\"code-integration\"",
                "&lt;iframe src=&quot;https://vigie.example.org/statistiques/\(slug)/integrer/&quot;",
                "<meta property=\"og:url\" content=\"https://vigie.example.org/statistiques/\(slug)/\">",
            ] {
                #expect(page.contains(block), "\(slug): \(block)")
            }
            // The data links resolve to the published files.
            let table = slug.replacingOccurrences(of: "-", with: "_")
            #expect(page.contains("href=\"../../donnees/\(table).csv\" download"), "\(slug)")
            #expect(page.contains("href=\"../../donnees/\(table).json\" download"), "\(slug)")
            #expect(folder.exists("_site/donnees/\(table).csv") && folder.exists("_site/donnees/\(table).json"))
            // The embed view: a page of its own, listed for robots and people alike.
            #expect(folder.exists("_site/statistiques/\(slug)/integrer/index.html"), "\(slug)")
            #expect(sitemap.contains("<loc>https://vigie.example.org/statistiques/\(slug)/</loc>"), "\(slug)")
            #expect(sitemap.contains("<loc>https://vigie.example.org/statistiques/\(slug)/integrer/</loc>"), "\(slug)")
            #expect(siteMapPage.contains("href=\"../statistiques/\(slug)/\""), "\(slug)")
        }
        for figure in Self.figures {
            let page = try #require(folder.read("_site/statistiques/\(figure.slug)/index.html"))
            #expect(page.contains("<title>\(figure.title) — "), "\(figure.slug)")
            // The chart's files are offered where there is a chart; the PNG is the page's preview image.
            #expect(page.contains("href=\"\(figure.slug).svg\" download") == figure.chart, "\(figure.slug)")
            #expect(page.contains("href=\"\(figure.slug).png\" download") == figure.chart, "\(figure.slug)")
            let image = "<meta property=\"og:image\" content=\"https://vigie.example.org/statistiques/\(figure.slug)/\(figure.slug).png\">"
            #expect(page.contains(image) == figure.chart, "\(figure.slug)")
            #expect(page.contains("<meta name=\"twitter:card\" content=\"\(figure.chart ? "summary_large_image" : "summary")\">"))
        }
    }

    @Test(
        "the embed view is a minimal page: the chart, the table, source, licence and a link to the figure's page, no navigation, no script")
    func embedView() throws {
        let (folder, _) = try Self.defaultSite()
        let embed = try #require(folder.read("_site/statistiques/cases-by-platform/integrer/index.html"))
        #expect(embed.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">"))
        #expect(embed.contains("<h1 class=\"embed-title\">Dossiers par plateforme</h1>"))
        #expect(embed.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-bars\" role=\"img\""))
        #expect(embed.contains("<caption>Dossiers par plateforme — tableau des valeurs</caption>"))
        #expect(embed.contains("Source\u{a0}: Vigie — Plateformes en ligne et TPE-PME, dossiers anonymisés, publication du 29 mars 2019."))
        #expect(
            embed.contains("<a href=\"https://www.etalab.gouv.fr/licence-ouverte-open-licence/\">Licence Ouverte / Open Licence 2.0</a>"))
        #expect(embed.contains("<a href=\"https://vigie.example.org/statistiques/cases-by-platform/\" target=\"_top\">"))
        #expect(embed.contains("href=\"../../../assets/style.css\""))
        for absent in ["<script", "<nav", "class=\"site-header\"", "class=\"site-footer\""] {
            #expect(!embed.contains(absent), "\(absent)")
        }
    }

    @Test("a withheld count shows only its marker on the figure page, its embed view and its chart files")
    func withheldCells() throws {
        let folder = TemporaryFolder()
        let site = SiteTree.withCases(
            SiteTree.rows(platform: "amazon", count: 30) + SiteTree.rows(platform: "cdiscount", count: 12, startingAt: 100)
                + SiteTree.rows(platform: "apple", count: 3, startingAt: 200))
        let run = try site.build(in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let cell = "<th scope=\"row\">Apple</th><td class=\"num withheld\">&lt; 5</td>"
        for path in ["statistiques/cases-by-platform/index.html", "statistiques/cases-by-platform/integrer/index.html"] {
            let page = try #require(folder.read("_site/" + path))
            #expect(page.contains(cell), "\(path)")
            #expect(page.contains("class=\"bar withheld\" data-key=\"apple\""), "\(path)")
        }
        let svg = try #require(folder.read("_site/statistiques/cases-by-platform/cases-by-platform.svg"))
        let apple = svg.components(separatedBy: "data-key=\"apple\"").dropFirst().map { String($0.prefix(400)) }
        #expect(!apple.isEmpty)
        #expect(svg.contains("class=\"bar withheld\" data-key=\"apple\""))
        #expect(apple.contains { $0.contains(">&lt; 5</text>") })
        // No value text of Apple's row holds its count.
        #expect(!apple.contains { $0.hasPrefix(">3<") || $0.contains(">3</text>") })
        let png = try PNGDecoder.decode(folder.path + "/_site/statistiques/cases-by-platform/cases-by-platform.png")
        #expect(png.width == 2 * 672)
    }

    @Test("each chart file is an SVG that parses, names the figure and its source, and a PNG of twice its size that decodes")
    func chartFiles() throws {
        let (folder, output) = try Self.defaultSite()
        let names = try FileManager.default.subpathsOfDirectory(atPath: output + "/statistiques").filter { $0.hasSuffix(".svg") }.sorted()
        #expect(names.count >= 10)
        for name in names {
            let svg = try #require(folder.read("_site/statistiques/" + name))
            let reader = SVGReader()
            let parser = XMLParser(data: Data(svg.utf8))
            parser.delegate = reader
            #expect(parser.parse(), "\(name): \(parser.parserError.map { "\($0)" } ?? "")")
            let slug = String(name.split(separator: "/").first ?? "")
            let page = try #require(folder.read("_site/statistiques/\(slug)/index.html"))
            let title = try #require(reader.texts["title"]?.first)
            let escaped = title.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "'", with: "&#39;")
            #expect(page.contains("<h1 id=\"\(slug)-heading\">\(escaped)</h1>"), "\(name)")
            // Title drawn as text (on one line, or on several tspans), then source, publication date,
            // licence and address at the foot.
            let drawn = reader.texts["text"] ?? []
            #expect(drawn.contains(title) || (reader.texts["tspan"] ?? []).joined(separator: " ").contains(title), "\(name)")
            // The foot's lines wrap at spaces: read them as one text.
            let foot = drawn.joined(separator: " ")
            for phrase in [
                "Source\u{a0}: Vigie — Plateformes en ligne et TPE-PME, dossiers anonymisés, publication du 29 mars 2019.",
                "Publication du 29 mars 2019", "Données publiées sous Licence Ouverte / Open Licence 2.0.",
            ] {
                #expect(foot.contains(phrase), "\(name): \(phrase)")
            }
            #expect(drawn.contains("https://vigie.example.org/statistiques/\(slug)/"), "\(name)")
            let width = try #require(reader.rootAttributes["width"].flatMap { Int($0) })
            let height = try #require(reader.rootAttributes["height"].flatMap { Int($0) })
            #expect(width == 672)
            #expect(reader.rootAttributes["font-family"] == "DejaVu Sans, sans-serif")
            // The PNG: its header says twice the SVG's size; the first one is decoded completely.
            let pngPath = output + "/statistiques/" + String(name.dropLast(3)) + "png"
            let bytes = try #require(FileManager.default.contents(atPath: pngPath))
            #expect(bytes.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "\(name)")
            let ihdr = [UInt8](bytes[16..<24])
            let pngWidth = ihdr[0..<4].reduce(0) { $0 << 8 | Int($1) }, pngHeight = ihdr[4..<8].reduce(0) { $0 << 8 | Int($1) }
            #expect(pngWidth == 2 * width && pngHeight == 2 * height, "\(name): \(pngWidth)×\(pngHeight) for \(width)×\(height)")
            if name == names.first {
                let decoded = try PNGDecoder.decode(pngPath)
                #expect(decoded.width == 2 * width && decoded.height == 2 * height)
                #expect(decoded.colourCount > 10, "a picture, not a blank")
            }
        }
    }

    @Test("without rsvg-convert the build stops with an error that says what to install, and publishes nothing")
    func rasterizerMissing() throws {
        let folder = TemporaryFolder()
        let empty = folder.path + "/no-programs"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let run = try CommandRun.vigie(
            ["build", "--content", Repository.content, "--templates", Repository.templates, "--output", folder.path + "/_site"],
            in: folder.path, environment: ["PATH": empty])
        #expect(run.status == 1)
        #expect(
            run.stderrLines.first { $0.hasPrefix("rsvg-convert: error: not found on PATH") }?.contains("librsvg2-bin") == true,
            "\(run.stderr)")
        #expect(!folder.exists("_site"))
    }

    /// Collects the text of each element and the root's attributes.
    final class SVGReader: NSObject, XMLParserDelegate {
        var texts: [String: [String]] = [:]
        var rootAttributes: [String: String] = [:]
        private var stack: [String] = []
        private var buffers: [String] = []

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]
        ) {
            if stack.isEmpty { rootAttributes = attributes }
            stack.append(name)
            buffers.append("")
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if !buffers.isEmpty { buffers[buffers.count - 1] += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            let text = buffers.removeLast()
            stack.removeLast()
            texts[name, default: []].append(text)
            // A tspan's text is its text element's too.
            if !buffers.isEmpty { buffers[buffers.count - 1] += text }
        }
    }
}
