import Foundation
import Testing
import VigieTestSupport

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Feed and sitemap")
struct FeedAndSitemapTests {
    /// Collects element names and the text of chosen elements.
    final class Collector: NSObject, XMLParserDelegate {
        var names: [String] = []
        var namespaces: Set<String> = []
        var texts: [String: [String]] = [:]
        var attributes: [(String, [String: String])] = []
        private var current = ""
        private var buffer = ""

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]
        ) {
            names.append(name)
            if let namespaceURI { namespaces.insert(namespaceURI) }
            self.attributes.append((name, attributes))
            current = name
            buffer = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { buffer += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            texts[name, default: []].append(buffer)
            buffer = ""
        }
    }

    static func parse(_ text: String) -> Collector? {
        let parser = XMLParser(data: Data(text.utf8))
        parser.shouldProcessNamespaces = true
        let collector = Collector()
        parser.delegate = collector
        return parser.parse() ? collector : nil
    }

    static func buildDefault(into folder: TemporaryFolder) throws {
        let run = try CommandRun.vigie(
            ["build", "--content", Repository.content, "--templates", Repository.templates, "--output", folder.path + "/_site"],
            in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test("the feed is Atom: one entry per note and per stored release, newest first, each pointing at a published page")
    func atom() throws {
        let folder = TemporaryFolder()
        try Self.buildDefault(into: folder)
        let feedText = try #require(folder.read("_site/feed.xml"))
        let feed = try #require(Self.parse(feedText))
        #expect(feed.namespaces.contains("http://www.w3.org/2005/Atom"))
        // The French notes: the English ones (`en-*.md`, lang: en) are in /en/feed.xml.
        let notes = try FileManager.default.contentsOfDirectory(atPath: Repository.content + "/notes").filter {
            $0.hasSuffix(".md") && !$0.hasPrefix("en-")
        }
        let releases = try FileManager.default.contentsOfDirectory(atPath: Repository.content + "/publications").filter {
            !$0.hasPrefix(".")
        }
        #expect(feed.texts["entry"]?.count == notes.count + releases.count)
        let links = feed.attributes.filter { $0.0 == "link" && $0.1["rel"] == "alternate" }.compactMap { $0.1["href"] }
        for link in links {
            let path = link.replacingOccurrences(of: "https://vigie.example.org/", with: "")
            #expect(folder.exists("_site/" + path + (path.isEmpty || path.hasSuffix("/") ? "index.html" : "")), "\(link)")
        }
        let updated = feed.texts["updated"] ?? []
        #expect(updated.allSatisfy { $0.hasSuffix("T00:00:00Z") })
        let entryDates = Array(updated.dropFirst())
        #expect(entryDates == entryDates.sorted(by: >))
    }

    @Test("the feed holds the newest notes only, while the sitemap lists every note")
    func feedLimit() throws {
        let folder = TemporaryFolder()
        let generate = try CommandRun.vigie(["generate", "--cases", "300", "--notes", "60", "--output", "big"], in: folder.path)
        #expect(generate.status == 0, "\(generate.stderr)")
        let build = try CommandRun.vigie(
            ["build", "--content", "big", "--templates", Repository.templates, "--output", "_site"], in: folder.path)
        #expect(build.status == 0, "\(build.stderr)")
        let feedText = try #require(folder.read("_site/feed.xml"))
        let feed = try #require(Self.parse(feedText))
        #expect(feed.texts["entry"]?.count == 50)
        let entryDates = Array((feed.texts["published"] ?? []))
        #expect(entryDates.count == 50)
        let sitemap = try #require(folder.read("_site/sitemap.xml"))
        let notePages = sitemap.components(separatedBy: "<loc>").filter { $0.contains("/notes/note-") }
        #expect(notePages.count == 60)
        // The newest note is in the feed; the oldest dates are left out.
        let allDates = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/big/notes").compactMap { name in
            folder.read("big/notes/" + name)?.split(separator: "\n").first { $0.hasPrefix("date:") }
                .map { String($0.dropFirst("date:".count)).trimmingCharacters(in: .whitespaces) + "T00:00:00Z" }
        }
        #expect(entryDates.max() == allDates.max())
        #expect(entryDates.min()! >= allDates.sorted(by: >)[49])
    }

    @Test("the sitemap lists exactly the published HTML pages, the 404 pages excepted")
    func sitemap() throws {
        let folder = TemporaryFolder()
        try Self.buildDefault(into: folder)
        let sitemapText = try #require(folder.read("_site/sitemap.xml"))
        let sitemap = try #require(Self.parse(sitemapText))
        #expect(sitemap.namespaces.contains("http://www.sitemaps.org/schemas/sitemap/0.9"))
        let listed = Set(
            (sitemap.texts["loc"] ?? []).map { $0.replacingOccurrences(of: "https://vigie.example.org/", with: "") + "index.html" })
        var published: Set<String> = []
        let enumerator = FileManager.default.enumerator(atPath: folder.path + "/_site")
        while let path = enumerator?.nextObject() as? String {
            // Each edition's 404 page: /404.html, /en/404.html.
            if path.hasSuffix(".html") && path != "404.html" && path != "en/404.html" { published.insert(path) }
        }
        #expect(listed == published)
    }
}
