import Foundation
import Testing
import VigieTestSupport

@testable import VigieCore
@testable import VigiePublishing

@Suite("Output folder guard")
struct OutputFolderGuardTests {
    @Test("new, empty and previously built folders are accepted")
    func accepted() throws {
        let folder = TemporaryFolder()
        let inputs = [folder.path + "/content", folder.path + "/templates"]
        #expect(OutputFolderGuard.problem(output: "_site", inputs: inputs, workingDirectory: folder.path) == nil)
        folder.write("empty/.keep", "")
        try FileManager.default.removeItem(atPath: folder.path + "/empty/.keep")
        #expect(OutputFolderGuard.problem(output: "empty", inputs: inputs, workingDirectory: folder.path) == nil)
        for file in OutputFolderGuard.siteSignature { folder.write("built/" + file, "x") }
        #expect(OutputFolderGuard.problem(output: "built", inputs: inputs, workingDirectory: folder.path) == nil)
    }

    @Test("the working folder, its ancestors, the inputs, a file and a foreign folder are refused")
    func refused() throws {
        let folder = TemporaryFolder()
        folder.write("content/site.yaml", "title: x\n")
        folder.write("other/photo.jpg", "x")
        folder.write("afile", "x")
        for file in OutputFolderGuard.siteSignature { folder.write("repo/" + file, "x") }
        folder.write("repo/.git/HEAD", "x")
        let inputs = ["content", "templates"]
        for output in [".", "..", "/", folder.path, "content", "content/out", "templates", "other", "afile", "repo"] {
            #expect(
                OutputFolderGuard.problem(output: output, inputs: inputs, workingDirectory: folder.path) != nil, "\(output)")
        }
    }

    @Test("a link to the working folder is seen through")
    func symlink() throws {
        let folder = TemporaryFolder()
        folder.write("project/content/site.yaml", "title: x\n")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/alias", withDestinationPath: folder.path + "/project")
        #expect(
            OutputFolderGuard.problem(output: folder.path + "/alias", inputs: ["content"], workingDirectory: folder.path + "/project")
                != nil)
    }

    @Test("the library refuses too, so no caller of the pipeline can replace its own content")
    func pipelineRefuses() throws {
        let folder = TemporaryFolder()
        let content = SiteTree.withCases(SiteTree.rows(platform: "amazon", count: 10)).write(into: folder)
        let options = BuildOptions(contentDirectory: content, templatesDirectory: Repository.templates, outputDirectory: content)
        #expect(throws: AtomicPublisher.Failure.self) { try SiteBuilder.run(options) }
        #expect(FileManager.default.fileExists(atPath: content + "/site.yaml"))
    }
}
