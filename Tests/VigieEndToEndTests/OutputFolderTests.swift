import Foundation
import Testing
import VigieTestSupport

/// Publishing replaces the output folder whole, so `--output` must never name the project, an input
/// folder or a folder of someone's files: each such run exits 2 and leaves every file as it was.
@Suite("The output folder never destroys what it should not")
struct OutputFolderTests {
    /// A project folder: content, templates reference, a `.git` folder and a file of the user's.
    private func project() -> (TemporaryFolder, String) {
        let folder = TemporaryFolder()
        let content = SiteTree.withCases(SiteTree.rows(platform: "amazon", count: 10)).write(into: folder)
        folder.write(".git/HEAD", "ref: refs/heads/main\n")
        folder.write("notes-perso.txt", "à garder\n")
        return (folder, content)
    }

    private func snapshot(_ folder: TemporaryFolder) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        return (enumerator?.allObjects as? [String] ?? []).sorted()
    }

    @Test(
        "an output folder that holds the project or overlaps an input is refused before anything is built",
        arguments: [".", "..", "content", "content/site", "./"])
    func refusedOutputs(output: String) throws {
        let (folder, _) = project()
        let before = snapshot(folder)
        let run = try CommandRun.vigie(
            ["build", "--content", "content", "--templates", Repository.templates, "--output", output], in: folder.path)
        #expect(run.status == 2)
        #expect(run.stderr.contains("refusing to publish into '\(output)'"), "\(run.stderr)")
        #expect(snapshot(folder) == before)
        #expect(folder.read("notes-perso.txt") == "à garder\n")
    }

    @Test("a non-empty folder that is not a Vigie site is never replaced; a site Vigie built is")
    func foreignFolder() throws {
        let (folder, _) = project()
        folder.write("public/cv.pdf", "%PDF")
        let refused = try CommandRun.vigie(
            ["build", "--content", "content", "--templates", Repository.templates, "--output", "public"], in: folder.path)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("is not a site Vigie built"), "\(refused.stderr)")
        #expect(folder.read("public/cv.pdf") == "%PDF")

        for _ in 0..<2 {
            let built = try CommandRun.vigie(
                ["build", "--content", "content", "--templates", Repository.templates, "--output", "_site"], in: folder.path)
            #expect(built.status == 0, "\(built.stderr)")
        }
        #expect(folder.exists("_site/index.html"))
        #expect(folder.read("notes-perso.txt") == "à garder\n")
    }
}
