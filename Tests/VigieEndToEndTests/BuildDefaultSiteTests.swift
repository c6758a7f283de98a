import Foundation
import Testing
import VigieTestSupport

@Suite("vigie build on the default content")
struct BuildDefaultSiteTests {
    static let pages = [
        "index.html", "statistiques/index.html", "notes/index.html", "notes/mediation/index.html", "progres/index.html",
        "methodologie/index.html", "donnees/index.html", "plateformes/amazon/index.html", "404.html", "feed.xml",
        "sitemap.xml", "robots.txt", "donnees/datapackage.json", "donnees/cases_by_platform.csv", "donnees/cases_by_week.json",
        "assets/style.css",
    ]

    @Test("publishes every page of the SPEC and prints one summary line")
    func publishesEveryPage() throws {
        let folder = TemporaryFolder()
        let run = try CommandRun.vigie(
            ["build", "--content", Repository.content, "--templates", Repository.templates, "--output", folder.path + "/_site"],
            in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.hasPrefix("built "))
        #expect(run.stdout.split(separator: "\n").count == 1)
        for page in Self.pages { #expect(folder.exists("_site/" + page), "missing \(page)") }
        let home = try #require(folder.read("_site/index.html"))
        #expect(home.contains("<html lang=\"fr\">"))
        #expect(home.contains("29 mars 2019"))
        #expect(!home.contains("<script"))
    }

    @Test("the published counts by platform are the counts of the input")
    func countsMatchInput() throws {
        let folder = TemporaryFolder()
        let run = try CommandRun.vigie(
            ["build", "--content", Repository.content, "--templates", Repository.templates, "--output", folder.path + "/_site"],
            in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        let input = try #require(FileManager.default.contents(atPath: Repository.content + "/cases/signalements.csv"))
        var expected: [String: Int] = [:]
        for line in String(decoding: input, as: UTF8.self).split(separator: "\n").dropFirst() {
            expected[String(line.split(separator: ",", omittingEmptySubsequences: false)[2]), default: 0] += 1
        }
        let published = try #require(folder.read("_site/donnees/cases_by_platform.csv"))
        var seen = 0
        for line in published.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields[2] == "published" else { continue }
            #expect(Int(fields[1]) == expected[fields[0], default: 0], "\(fields[0])")
            seen += 1
        }
        #expect(seen >= 8)
    }
}
