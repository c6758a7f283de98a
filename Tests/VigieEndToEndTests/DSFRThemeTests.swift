// `theme: dsfr` in site.yaml: the default content built with the State design system's templates
// (templates/themes/dsfr/) and its files, which scripts/install-dsfr.sh installs from PyPI.

import Foundation
import Testing
import VigieTestSupport

@Suite("vigie build with theme: dsfr")
struct DSFRThemeTests {
    static let installed = Repository.templates + "/themes/dsfr/assets/dsfr/dsfr.min.css"

    /// The default content with `theme: dsfr` added to its site.yaml, built into `folder/_site`.
    static func build(in folder: TemporaryFolder, templates: String = Repository.templates) throws -> CommandRun {
        let content = folder.path + "/content"
        try FileManager.default.copyItem(atPath: Repository.content, toPath: content)
        let siteYAML = try String(contentsOfFile: content + "/site.yaml", encoding: .utf8)
        try (siteYAML + "theme: dsfr\n").write(toFile: content + "/site.yaml", atomically: true, encoding: .utf8)
        return try CommandRun.vigie(
            ["build", "--content", content, "--templates", templates, "--output", folder.path + "/_site"], in: folder.path)
    }

    /// Every file of the built site, relative to it, sorted.
    static func files(_ site: String) -> [String] {
        (FileManager.default.enumerator(atPath: site)?.compactMap { $0 as? String } ?? [])
            .filter { !FileManager.default.isDirectory(site + "/" + $0) }.sorted()
    }

    @Test("the pages carry the DSFR's header with the République française block, its nav, footer, tables and tags")
    func components() throws {
        try #require(
            FileManager.default.fileExists(atPath: Self.installed), "the DSFR's files are not installed: run bash scripts/install-dsfr.sh")
        let folder = TemporaryFolder()
        let run = try Self.build(in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        let home = try #require(folder.read("_site/index.html"))
        #expect(home.contains("<header class=\"fr-header\">"))
        #expect(home.contains("<p class=\"fr-logo\">République<br>Française</p>"))
        #expect(home.contains("<p class=\"fr-header__service-title\">Vigie — Plateformes en ligne et TPE-PME</p>"))
        #expect(home.contains("<a class=\"fr-nav__link\" href=\"./\" aria-current=\"page\">Accueil</a>"))
        #expect(home.contains("<footer class=\"fr-footer\" id=\"pied-de-page\">"))
        #expect(home.contains("<a class=\"fr-footer__bottom-link\" href=\"mentions-legales/\">Mentions légales</a>"))
        #expect(home.contains("href=\"assets/dsfr/dsfr.min.css\""))
        #expect(home.contains("class=\"fr-tag fr-tag--sm\""))
        let statistics = try #require(folder.read("_site/statistiques/index.html"))
        #expect(statistics.contains("<div class=\"fr-table fr-table--bordered"))
        // The charts, on the pages and as files, in the DSFR's blue-france instead of Vigie's blue.
        let chartFile = try #require(folder.read("_site/statistiques/cases-by-platform/cases-by-platform.svg"))
        for chart in [statistics, chartFile] {
            #expect(chart.contains("fill=\"#000091\""))
            #expect(!chart.contains("#206095"))
        }
        let progress = try #require(folder.read("_site/progres/index.html"))
        #expect(progress.contains("class=\"fr-badge fr-badge--sm fr-badge--no-icon badge-"))
        for page in Self.files(folder.path + "/_site") where page.hasSuffix(".html") {
            let html = try #require(folder.read("_site/" + page))
            #expect(!html.contains("<script"), "\(page) holds a script")
        }
    }

    @Test("every url() of every stylesheet reaches a file of the site, so the fonts and icons are served by it")
    func stylesheetReferences() throws {
        try #require(
            FileManager.default.fileExists(atPath: Self.installed), "the DSFR's files are not installed: run bash scripts/install-dsfr.sh")
        let folder = TemporaryFolder()
        let run = try Self.build(in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let site = folder.path + "/_site"
        let sheets = Self.files(site).filter { $0.hasSuffix(".css") }
        #expect(sheets == ["assets/dsfr-theme.css", "assets/dsfr/dsfr.min.css", "assets/style.css"])
        var references = 0
        for sheet in sheets {
            let css = try #require(folder.read("_site/" + sheet))
            for url in CSSReferences.urls(in: css) where !url.hasPrefix("data:") {
                references += 1
                #expect(!url.contains(":") && !url.hasPrefix("/"), "\(sheet) loads \(url), outside the site")
                let target = URL(fileURLWithPath: site + "/" + sheet).deletingLastPathComponent().appendingPathComponent(url).standardized
                    .path
                #expect(
                    target.hasPrefix(site + "/") && FileManager.default.fileExists(atPath: target), "\(sheet): url(\(url)) reaches no file")
            }
        }
        // The Marianne faces and the icons the DSFR's components draw.
        #expect(references > 50)
        #expect(folder.exists("_site/assets/dsfr/fonts/Marianne-Regular.woff2"))
        #expect(folder.exists("_site/assets/dsfr/LICENSE.txt"))
    }

    @Test("no page and no stylesheet loads anything from another host")
    func noExternalRequest() throws {
        try #require(
            FileManager.default.fileExists(atPath: Self.installed), "the DSFR's files are not installed: run bash scripts/install-dsfr.sh")
        let folder = TemporaryFolder()
        let run = try Self.build(in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        for file in Self.files(folder.path + "/_site") {
            guard let text = folder.read("_site/" + file) else { continue }
            if file.hasSuffix(".html") {
                for url in CSSReferences.loadedByPage(text) {
                    #expect(!CSSReferences.isOtherHost(url), "\(file) loads \(url)")
                }
            } else if file.hasSuffix(".css") {
                for url in CSSReferences.urls(in: text) where !url.hasPrefix("data:") {
                    #expect(!CSSReferences.isOtherHost(url), "\(file) loads \(url)")
                }
                #expect(!text.contains("@import"), "\(file) imports a stylesheet")
            }
        }
    }

    @Test("without the DSFR's files installed the build fails at the theme key and names the command to run")
    func notInstalled() throws {
        let folder = TemporaryFolder()
        let templates = folder.path + "/templates"
        try FileManager.default.copyItem(atPath: Repository.templates, toPath: templates)
        try? FileManager.default.removeItem(atPath: templates + "/themes/dsfr/assets/dsfr")
        let run = try Self.build(in: folder, templates: templates)
        #expect(run.status == 1)
        let lines = run.stderrLines
        #expect(lines.count == 2, "\(run.stderr)")
        #expect(lines.first?.hasPrefix(folder.path + "/content/site.yaml:") == true, "\(run.stderr)")
        #expect(lines.first?.hasSuffix("run `bash scripts/install-dsfr.sh --templates \(templates)`") == true, "\(run.stderr)")
        #expect(!folder.exists("_site"))
    }

    @Test("the neutral theme publishes nothing of the DSFR's")
    func neutralUntouched() throws {
        let folder = TemporaryFolder()
        let run = try CommandRun.vigie(
            ["build", "--content", Repository.content, "--templates", Repository.templates, "--output", folder.path + "/_site"],
            in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!folder.exists("_site/assets/dsfr"))
        #expect(!folder.exists("_site/assets/dsfr-theme.css"))
        let home = try #require(folder.read("_site/index.html"))
        #expect(!home.contains("fr-"))
        #expect(!home.contains("République"))
    }
}

/// What a page or a stylesheet asks the browser to load.
enum CSSReferences {
    /// The targets of `url(…)` in a stylesheet, quotes removed.
    static func urls(in css: String) -> [String] {
        let pattern = #/url\(\s*(['"]?)([^'")]*)\1\s*\)/#
        return css.matches(of: pattern).map { String($0.output.2) }
    }

    /// What a page loads: every `src`, the `href` of its `<link>`s (stylesheets, icons), and the
    /// `url()`s of its `style` attributes. `<a href>` is a link the reader may follow, not a load.
    static func loadedByPage(_ html: String) -> [String] {
        var loaded = html.matches(of: #/\ssrc="([^"]*)"/#).map { String($0.output.1) }
        for tag in html.matches(of: #/<link\s[^>]*>/#) {
            guard let href = tag.output.firstMatch(of: #/\shref="([^"]*)"/#) else { continue }
            // The canonical and alternate addresses name the page; a browser does not fetch them.
            if tag.output.contains("rel=\"canonical\"") || tag.output.contains("rel=\"alternate\"") { continue }
            loaded.append(String(href.output.1))
        }
        loaded += urls(in: html)
        return loaded
    }

    static func isOtherHost(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("http:") || lower.hasPrefix("https:") || lower.hasPrefix("//")
    }
}

extension FileManager {
    func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
