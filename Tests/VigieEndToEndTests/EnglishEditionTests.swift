// The English edition of the default site (`languages: [fr, en]`): every page pair linked both ways,
// no French interface text on an English page, and a gap in strings.en.yaml reported where it is.

import Foundation
import Testing
import VigieTestSupport
import Yams

@Suite("An English edition from the same data and the same build")
struct EnglishEditionTests {
    /// The default site, built once for the suite's tests.
    static let site: (folder: TemporaryFolder, output: String) = {
        let folder = TemporaryFolder()
        let output = folder.path + "/_site"
        let run = try! CommandRun.vigie(
            ["build", "--content", Repository.content, "--templates", Repository.templates, "--output", output], in: folder.path)
        precondition(run.status == 0, run.stderr)
        return (folder, output)
    }()

    /// Every HTML page of the built site, by path, but the 404 pages (each served at any address of its edition).
    static func pages() throws -> [String: String] {
        var pages: [String: String] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: site.output))
        while let path = enumerator.nextObject() as? String {
            guard path.hasSuffix(".html"), path != "404.html", path != "en/404.html" else { continue }
            pages[path] = try String(contentsOfFile: site.output + "/" + path, encoding: .utf8)
        }
        return pages
    }

    /// The `href` of `<link rel="alternate" hreflang="<language>">`, or nil.
    static func alternate(_ language: String, in page: String) -> String? {
        let marker = "<link rel=\"alternate\" hreflang=\"\(language)\" href=\""
        guard let start = page.range(of: marker)?.upperBound else { return nil }
        return String(page[start...].prefix { $0 != "\"" })
    }

    /// The site path of a page's URL: `https://vigie.example.org/en/` → `en/index.html`.
    static func path(of url: String) -> String {
        String(url.dropFirst("https://vigie.example.org/".count)) + "index.html"
    }

    @Test("every French page finds its English alternate through hreflang, which links back; or says it has none")
    func everyFrenchPageAndBack() throws {
        let pages = try Self.pages()
        let french = pages.filter { !$0.key.hasPrefix("en/") }
        var paired = 0
        for (path, page) in french.sorted(by: { $0.key < $1.key }) {
            #expect(page.contains("<html lang=\"fr\">"), "\(path)")
            guard let english = Self.alternate("en", in: page) else {
                // Pages of the French edition alone (tag pages, notes not translated) say so, in English.
                #expect(page.contains("<span lang=\"en\">This page is not available in English.</span>"), "\(path)")
                continue
            }
            paired += 1
            let englishPath = Self.path(of: english)
            let englishPage = try #require(pages[englishPath], "\(path) → \(englishPath)")
            #expect(englishPage.contains("<html lang=\"en\">"), "\(englishPath)")
            #expect(Self.alternate("fr", in: englishPage).map(Self.path) == path, "\(englishPath) does not link back to \(path)")
            #expect(Self.alternate("x-default", in: englishPage) == Self.alternate("x-default", in: page), "\(path)")
            // The switcher is a visible link to the same page in the other language (an embed view,
            // a frame for other sites, has no header: its alternates only).
            guard !path.hasSuffix("/integrer/index.html") else { continue }
            #expect(page.contains("hreflang=\"en\" lang=\"en\">English version</a>"), "\(path)")
            #expect(englishPage.contains("hreflang=\"fr\" lang=\"fr\">Version française</a>"), "\(englishPath)")
        }
        // Home, statistics and their figures, platforms, notes, progress, methodology, glossary, data, releases, site map.
        #expect(paired > 150)
        let english = pages.filter { $0.key.hasPrefix("en/") }
        #expect(english.count > 150)
        for (path, page) in english {
            let french = Self.alternate("fr", in: page)
            #expect(
                french != nil || page.contains("<span lang=\"fr\">Cette page n’existe pas en français.</span>")
                    || page.contains("<span lang=\"fr\">Cette page n&#39;existe pas en français.</span>"), "\(path)")
            if let french { #expect(pages[Self.path(of: french)] != nil, "\(path) → \(french)") }
        }
    }

    @Test("a translated note links to its translation; /en/notes/ lists the English notes only")
    func notes() throws {
        let pages = try Self.pages()
        let mediation = try #require(pages["notes/mediation/index.html"])
        #expect(Self.alternate("en", in: mediation) == "https://vigie.example.org/en/notes/business-mediation/")
        let list = try #require(pages["en/notes/index.html"])
        #expect(list.contains("How business mediation works"))
        #expect(!list.contains("Comment fonctionne la médiation des entreprises"))
        // The methodology page shows the English methodology note, placeholders filled in English.
        let methodology = try #require(pages["en/methodology/index.html"])
        #expect(methodology.contains("for the release of 29 March 2019, which covers 620 cases"))
        #expect(methodology.contains("The confidentiality threshold in force is <strong>5 cases</strong>"))
    }

    @Test("each stored release has its English pages, linking to the one set of the release's files")
    func storedReleases() throws {
        let pages = try Self.pages()
        let release = try #require(pages["en/publications/2019-01-31/index.html"])
        #expect(release.contains("<h1>Release of 31 January 2019</h1>"))
        #expect(release.contains("href=\"statistics/\"") && release.contains("href=\"data/\""))
        #expect(Self.alternate("fr", in: release) == "https://vigie.example.org/publications/2019-01-31/")
        let statistics = try #require(pages["en/publications/2019-01-31/statistics/index.html"])
        #expect(statistics.contains("href=\"../../../../publications/2019-01-31/donnees/cases_by_platform.csv\""))
        #expect(statistics.contains("Permanent link: https://vigie.example.org/en/publications/2019-01-31/statistics/#cases-by-platform"))
        let data = try #require(pages["en/publications/2019-01-31/data/index.html"])
        #expect(data.contains("href=\"../../../../publications/2019-01-31/donnees/datapackage.json\""))
        #expect(data.contains("href=\"../statistics/#cases-by-platform\""))
        #expect(!FileManager.default.fileExists(atPath: Self.site.output + "/en/publications/2019-01-31/data/cases_by_platform.csv"))
        // The French pages keep their links to the files beside them.
        let french = try #require(pages["publications/2019-01-31/statistiques/index.html"])
        #expect(french.contains("href=\"../donnees/cases_by_platform.csv\""))
        #expect(Self.alternate("en", in: french) == "https://vigie.example.org/en/publications/2019-01-31/statistics/")
        let calendar = try #require(pages["en/publications/index.html"])
        #expect(calendar.contains("href=\"2019-01-31/statistics/\""))
        let feed = try #require(Self.site.folder.read("_site/en/feed.xml"))
        #expect(feed.contains("<id>https://vigie.example.org/en/publications/2019-01-31/</id>"))
    }

    @Test("a platform's figures have English folder names under /en/platforms/, paired with the French ones")
    func platformFigureFolders() throws {
        let pages = try Self.pages()
        let platform = try #require(pages["en/platforms/amazon/index.html"])
        for name in ["issues", "outcome", "delays", "loss", "share"] {
            #expect(platform.contains("href=\"\(name)/\""), "\(name)")
        }
        #expect(!platform.contains("href=\"difficultes/\""))
        let issues = try #require(pages["en/platforms/amazon/issues/index.html"])
        #expect(Self.alternate("fr", in: issues) == "https://vigie.example.org/plateformes/amazon/difficultes/")
        #expect(FileManager.default.fileExists(atPath: Self.site.output + "/en/platforms/amazon/issues/amazon-issues.svg"))
        let share = try #require(pages["plateformes/amazon/part/integrer/index.html"])
        #expect(Self.alternate("en", in: share) == "https://vigie.example.org/en/platforms/amazon/share/embed/")
        #expect(pages.keys.filter { $0.hasPrefix("en/platforms/") && $0.contains("/part/") }.isEmpty)
    }

    @Test("the legal pages are in English too, their facts from site.yaml shown as written and marked French")
    func legalPages() throws {
        let pages = try Self.pages()
        let notice = try #require(pages["en/legal-notice/index.html"])
        #expect(notice.contains("<h1>Legal notice</h1>"))
        #expect(notice.contains("<p lang=\"fr\">Dominique Exemple (nom fictif de démonstration)</p>"))
        #expect(Self.alternate("fr", in: notice) == "https://vigie.example.org/mentions-legales/")
        let french = try #require(pages["mentions-legales/index.html"])
        #expect(french.contains("<p>Dominique Exemple (nom fictif de démonstration)</p>"))
        #expect(Self.alternate("en", in: french) == "https://vigie.example.org/en/legal-notice/")
        let contact = try #require(pages["en/contact/index.html"])
        #expect(contact.contains("<li>Email: <a href=\"mailto:contact@vigie.example.org\">"))
        #expect(try #require(pages["contact/index.html"]).contains("<li>Courriel : <a href=\"mailto:contact@vigie.example.org\">"))
        let accessibility = try #require(pages["en/accessibility/index.html"])
        #expect(accessibility.contains("<h1>Accessibility statement</h1>"))
        #expect(accessibility.contains("<ul lang=\"fr\"><li>Aucun audit de conformité au RGAA"))
        #expect(try #require(pages["en/personal-data/index.html"]).contains("<p lang=\"fr\">Exemple fictif de démonstration"))
        // Every English page's footer leads to the English legal pages.
        let home = try #require(pages["en/index.html"])
        #expect(home.contains("<a href=\"../en/legal-notice/\">Legal notice</a>"))
    }

    @Test("the English edition has its 404 page at /en/404.html, linking from the site root path")
    func notFoundPage() throws {
        let page = try #require(Self.site.folder.read("_site/en/404.html"))
        #expect(page.contains("<html lang=\"en\">"))
        #expect(page.contains("<h1>Page not found</h1>"))
        #expect(page.contains("<link rel=\"canonical\" href=\"https://vigie.example.org/en/404.html\">"))
        #expect(page.contains("href=\"/en/statistics/\""))
        let french = try #require(Self.site.folder.read("_site/404.html"))
        #expect(french.contains("<html lang=\"fr\">") && french.contains("href=\"/statistiques/\""))
        #expect(Self.site.folder.read("_site/sitemap.xml")?.contains("404.html") == false)
    }

    @Test("an English page shows no French interface text: no value of strings.yaml of three words or more")
    func noFrenchInterfaceText() throws {
        let tree = try #require(
            try Yams.load(yaml: String(contentsOfFile: Repository.templates + "/strings.yaml", encoding: .utf8)) as? [String: Any])
        var french: Set<String> = []
        func collect(_ node: Any, _ key: String) {
            // Proper names stay French in English ("Pays de la Loire", the Médiateur des entreprises named
            // beside its English name); the switcher speaks French on purpose, marked lang="fr".
            if key == "regions" || key == "actors" || key == "language" { return }
            if let text = node as? String {
                for part in text.components(separatedBy: CharacterSet(charactersIn: "{}")).enumerated() where part.offset % 2 == 0 {
                    let words = part.element.trimmingCharacters(in: CharacterSet(charactersIn: " .,:;()«»"))
                    if words.split(separator: " ").count >= 3 { french.insert(words) }
                }
            } else if let mapping = node as? [String: Any] {
                for (child, value) in mapping { collect(value, child) }
            } else if let list = node as? [Any] {
                for item in list { collect(item, key) }
            }
        }
        collect(tree, "")
        #expect(french.count > 300)
        for (path, page) in try Self.pages() where path.hasPrefix("en/") {
            let text = page.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "\u{202F}", with: " ")
                .replacingOccurrences(of: "\u{00A0}", with: " ")
            for words in french where text.contains(words) {
                Issue.record("\(path) shows the French text “\(words)”")
            }
        }
    }

    @Test("one Atom feed per edition, one sitemap listing each page with its alternates, one set of data files")
    func feedsSitemapAndData() throws {
        let site = Self.site.folder
        let feed = try #require(site.read("_site/en/feed.xml"))
        #expect(feed.contains("xml:lang=\"en\""))
        #expect(feed.contains("<title>How business mediation works</title>"))
        #expect(!feed.contains("Comment fonctionne"))
        #expect(site.read("_site/feed.xml")?.contains("xml:lang=\"fr\"") == true)
        let sitemap = try #require(site.read("_site/sitemap.xml"))
        #expect(sitemap.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""))
        #expect(
            sitemap.contains(
                """
                  <url><loc>https://vigie.example.org/statistiques/</loc><lastmod>2019-03-29</lastmod>
                    <xhtml:link rel="alternate" hreflang="fr" href="https://vigie.example.org/statistiques/"/>
                    <xhtml:link rel="alternate" hreflang="en" href="https://vigie.example.org/en/statistics/"/>
                    <xhtml:link rel="alternate" hreflang="x-default" href="https://vigie.example.org/statistiques/"/>
                  </url>
                """))
        // The English data page links to the one set of files; no data file is published twice.
        let data = try #require(site.read("_site/en/data/index.html"))
        #expect(data.contains("href=\"../../donnees/cases_by_platform.csv\""))
        #expect(data.contains("href=\"../../donnees/datapackage.json\""))
        #expect(!FileManager.default.fileExists(atPath: Self.site.output + "/en/donnees"))
        #expect(!FileManager.default.fileExists(atPath: Self.site.output + "/en/data/cases_by_platform.csv"))
        // The data package keeps its French titles and gives the English ones beside them.
        let package = try #require(site.read("_site/donnees/datapackage.json"))
        #expect(package.contains("\"title\": \"Dossiers par plateforme\","))
        #expect(
            package.contains(
                "\"vigie:translations\": {\"en\": {\"title\": \"Cases by platform\", \"description\": \"Number of cases, by the online marketplace concerned."
            ))
        #expect(package.contains("\"vigie:translations\": {\"en\": {\"labels\": {\"amazon\": \"Amazon\""))
        // The English charts are files of their own, with English titles.
        let chart = try #require(site.read("_site/en/statistics/cases-by-platform/cases-by-platform.svg"))
        #expect(chart.contains("Cases by platform"))
        #expect(FileManager.default.fileExists(atPath: Self.site.output + "/en/statistics/cases-by-platform/cases-by-platform.png"))
    }
}

@Suite("templates/strings.en.yaml holds exactly the keys of strings.yaml")
struct EnglishStringsKeyTests {
    /// The default content with the repository's templates copied beside it, strings.en.yaml changed by `edit`.
    static func check(editing edit: (String) -> String) throws -> CommandRun {
        let folder = TemporaryFolder()
        try FileManager.default.copyItem(atPath: Repository.templates, toPath: folder.path + "/templates")
        try FileManager.default.copyItem(atPath: Repository.content, toPath: folder.path + "/content")
        let strings = try #require(folder.read("templates/strings.en.yaml"))
        folder.write("templates/strings.en.yaml", edit(strings))
        return try CommandRun.vigie(["check"], in: folder.path, timeout: 120)
    }

    /// The 1-based line of the first line of `file` (in the repository's templates) that starts with `prefix`.
    static func line(of prefix: String, in file: String) throws -> Int {
        let text = try String(contentsOfFile: Repository.templates + "/" + file, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return try #require(lines.firstIndex { $0.hasPrefix(prefix) }) + 1
    }

    @Test("a missing English string is an error at strings.en.yaml's nearest key, naming the key and its line in strings.yaml")
    func missingKey() throws {
        let run = try Self.check { $0.replacingOccurrences(of: "  statistics: \"Statistics\"\n", with: "") }
        #expect(run.status == 1)
        let nav = try Self.line(of: "nav:", in: "strings.en.yaml")
        let french = try Self.line(of: "  statistics: \"Statistiques\"", in: "strings.yaml")
        #expect(
            run.stderrLines == [
                "templates/strings.en.yaml:\(nav):1: error: missing key 'nav.statistics' (present in templates/strings.yaml:\(french))",
                "1 error in 1 file",
            ])
    }

    @Test("a key strings.yaml does not have is an error at its line")
    func extraKey() throws {
        let run = try Self.check {
            $0.replacingOccurrences(of: "  home: \"Home\"\n", with: "  home: \"Home\"\n  homepage: \"Home page\"\n")
        }
        #expect(run.status == 1)
        let extra = try Self.line(of: "  home: \"Home\"", in: "strings.en.yaml") + 1
        #expect(
            run.stderrLines == [
                "templates/strings.en.yaml:\(extra):3: error: unknown key 'nav.homepage': templates/strings.yaml has no such key, so no page would show it",
                "1 error in 1 file",
            ])
    }

    @Test("without strings.en.yaml, a site with languages: [fr, en] does not build")
    func missingFile() throws {
        let folder = TemporaryFolder()
        try FileManager.default.copyItem(atPath: Repository.templates, toPath: folder.path + "/templates")
        try FileManager.default.copyItem(atPath: Repository.content, toPath: folder.path + "/content")
        try FileManager.default.removeItem(atPath: folder.path + "/templates/strings.en.yaml")
        let run = try CommandRun.vigie(["check"], in: folder.path, timeout: 120)
        #expect(run.status == 1)
        #expect(run.stderr.contains("templates/strings.en.yaml: error: strings.en.yaml is missing: it holds the site's wording"))
    }
}
