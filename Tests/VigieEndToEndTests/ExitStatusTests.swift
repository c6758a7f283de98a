import Foundation
import Testing
import VigieTestSupport

@Suite("Exit statuses and the published folder")
struct ExitStatusTests {
    @Test("wrong usage exits 2")
    func usage() throws {
        let folder = TemporaryFolder()
        #expect(try CommandRun.vigie(["build", "--no-such-flag"], in: folder.path).status == 2)
        #expect(try CommandRun.vigie(["publish"], in: folder.path).status == 2)
    }

    @Test("invalid content exits 1, prints every error and a summary, and leaves the previous site as it was")
    func invalidContentKeepsPreviousSite() throws {
        let folder = TemporaryFolder()
        let content = SiteTree.withCases(SiteTree.rows(platform: "amazon", count: 10)).write(into: folder)
        let output = folder.path + "/_site"
        let first = try CommandRun.vigie(["build", "--content", content, "--templates", Repository.templates, "--output", output], in: folder.path)
        #expect(first.status == 0, "\(first.stderr)")
        let before = try #require(folder.read("_site/index.html"))

        folder.write("content/cases/more.csv", SiteTree.header + "\nX-1,2018-13-01,amazon,delisting,micro,11,publishing,,received,,,\nX-2,2018-11-02,amazn,delisting,micro,11,publishing,,received,,,\n")
        let broken = try CommandRun.vigie(["build", "--content", "content", "--templates", Repository.templates, "--output", "_site"], in: folder.path)
        #expect(broken.status == 1)
        #expect(broken.stderrLines == [
            "content/cases/more.csv:2:5: error: reported_on '2018-13-01' is not a day of the calendar; check the month and the day",
            "content/cases/more.csv:3:16: error: unknown platform 'amazn'; did you mean 'amazon'?",
            "2 errors in 1 file; nothing was published",
        ])
        #expect(folder.read("_site/index.html") == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["_site", "content"])
    }

    @Test("check validates and writes nothing")
    func checkWritesNothing() throws {
        let folder = TemporaryFolder()
        let content = SiteTree.withCases(SiteTree.rows(platform: "amazon", count: 10)).write(into: folder)
        let run = try CommandRun.vigie(["check", "--content", content, "--templates", Repository.templates], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["content"])
    }
}
