import Foundation
import Testing
import VigieTestSupport

@Suite("Primary suppression in the published files")
struct SuppressionTests {
    @Test("a platform with 3 cases is published as suppressed in CSV, JSON and HTML")
    func smallPlatformIsSuppressed() throws {
        let folder = TemporaryFolder()
        let site = SiteTree.withCases(
            SiteTree.rows(platform: "amazon", count: 30) + SiteTree.rows(platform: "cdiscount", count: 12, startingAt: 100)
                + SiteTree.rows(platform: "apple", count: 3, startingAt: 200))
        let content = site.write(into: folder)
        let run = try CommandRun.vigie(
            ["build", "--content", content, "--templates", Repository.templates, "--output", folder.path + "/_site"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        let csv = try #require(folder.read("_site/donnees/cases_by_platform.csv"))
        #expect(csv.contains("\napple,,below_threshold,,small_group,true\n"))
        #expect(!csv.split(separator: "\n").contains { $0.hasPrefix("apple,3") })
        let json = try #require(folder.read("_site/donnees/cases_by_platform.json"))
        #expect(
            json.contains(
                "{\"platform\": \"apple\", \"cases\": null, \"cases_status\": \"below_threshold\", \"share\": null, \"share_status\": \"small_group\", \"suppressed\": true}"
            ))
        let page = try #require(folder.read("_site/plateformes/apple/index.html"))
        #expect(page.contains("&lt; 5"))
    }
}
