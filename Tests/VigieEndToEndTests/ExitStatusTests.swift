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
        let first = try CommandRun.vigie(
            ["build", "--content", content, "--templates", Repository.templates, "--output", output], in: folder.path)
        #expect(first.status == 0, "\(first.stderr)")
        let before = try #require(folder.read("_site/index.html"))

        folder.write(
            "content/cases/more.csv",
            SiteTree.header
                + "\nX-1,2018-13-01,amazon,delisting,micro,11,publishing,,received,,,\nX-2,2018-11-02,amazn,delisting,micro,11,publishing,,received,,,\n"
        )
        let broken = try CommandRun.vigie(
            ["build", "--content", "content", "--templates", Repository.templates, "--output", "_site"], in: folder.path)
        #expect(broken.status == 1)
        #expect(
            broken.stderrLines == [
                "content/cases/more.csv:2:5: error: reported_on '2018-13-01' is not a day of the calendar; check the month and the day",
                "content/cases/more.csv:3:16: error: unknown platform 'amazn'; did you mean 'amazon'?",
                "2 errors in 1 file; nothing was published",
            ])
        #expect(folder.read("_site/index.html") == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".vigie-manifest-_site", "_site", "content"])
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

@Suite("One mistake, one error")
struct CascadeTests {
    @Test("a note with broken front matter cited by a milestone gives one error, not two")
    func brokenCitedNote() throws {
        let folder = TemporaryFolder()
        let milestones = """
            milestones:
              - id: appel
                title: "Appel"
                actor: government
                due: 2018-11-30
                status: done
                done_on: 2018-11-30
                source: notes/premiere-note

            """
        SiteTree.withCases(SiteTree.rows(platform: "amazon", count: 6), extra: ["milestones.yaml": milestones]).write(into: folder)
        let note = try #require(folder.read("content/notes/premiere-note.md"))
        folder.write("content/notes/premiere-note.md", note.replacingOccurrences(of: "date: 2019-01-15", with: "date: hier"))
        let run = try CommandRun.vigie(["check", "--templates", Repository.templates], in: folder.path)
        #expect(run.status == 1)
        #expect(run.stderrLines.count == 2, "\(run.stderr)")
        #expect(run.stderrLines.first?.hasPrefix("content/notes/premiere-note.md:3:7: error:") == true)
    }
}
