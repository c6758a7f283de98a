// A file that is there but cannot be read is an error at its path, never a gap in the site.

import Foundation
import Testing
import VigieTestSupport

@Suite("Files that cannot be read")
struct UnreadableInputTests {
    /// A valid site, then `breakIt` on its folder, then `vigie check` (killed after a minute).
    static func check(_ breakIt: (TemporaryFolder) throws -> Void) throws -> CommandRun {
        let folder = TemporaryFolder()
        SiteTree.withCases(SiteTree.rows(platform: "amazon", count: 6)).write(into: folder)
        try breakIt(folder)
        return try CommandRun.vigie(["check", "--templates", Repository.templates], in: folder.path, timeout: 60)
    }

    static func replace(_ relative: String, in folder: TemporaryFolder, with make: (String) throws -> Void) throws {
        let path = folder.path + "/" + relative
        try FileManager.default.removeItem(atPath: path)
        try make(path)
    }

    @Test("site.yaml that is a folder, a link to /dev/zero, a named pipe or a link to nothing")
    func siteYAMLNotAFile() throws {
        let cases: [(String, (String) throws -> Void)] = [
            (
                "expected a file, found a folder",
                { try FileManager.default.createDirectory(atPath: $0, withIntermediateDirectories: false) }
            ),
            (
                "expected a regular file, found a device, a pipe or a socket; put the file itself here",
                { try FileManager.default.createSymbolicLink(atPath: $0, withDestinationPath: "/dev/zero") }
            ),
            ("expected a regular file, found a device, a pipe or a socket; put the file itself here", { _ = mkfifo($0, 0o644) }),
            (
                "the file is a link to a file that does not exist",
                { try FileManager.default.createSymbolicLink(atPath: $0, withDestinationPath: "/nonexistent/site.yaml") }
            ),
        ]
        for (message, make) in cases {
            let run = try Self.check { try Self.replace("content/site.yaml", in: $0, with: make) }
            #expect(!run.timedOut)
            #expect(run.status == 1)
            #expect(run.stderrLines == ["content/site.yaml: error: \(message)", "1 error in 1 file"])
        }
    }

    @Test("a note that is a folder, and a milestones.yaml that is a folder, are errors; the other notes load")
    func noteAndMilestonesFolders() throws {
        let run = try Self.check { folder in
            try FileManager.default.createDirectory(atPath: folder.path + "/content/notes/dossier.md", withIntermediateDirectories: false)
            try FileManager.default.createDirectory(atPath: folder.path + "/content/milestones.yaml", withIntermediateDirectories: false)
        }
        #expect(run.status == 1)
        #expect(
            run.stderrLines == [
                "content/milestones.yaml: error: expected a file, found a folder",
                "content/notes/dossier.md: error: expected a file, found a folder",
                "2 errors in 2 files",
            ])
    }

    @Test("a note without read permission is an error", .enabled(if: getuid() != 0, "root reads any file"))
    func noteWithoutPermission() throws {
        let run = try Self.check { folder in
            folder.write("content/notes/privee.md", "---\ntitle: \"Privée\"\ndate: 2019-01-15\n---\n")
            chmod(folder.path + "/content/notes/privee.md", 0)
        }
        #expect(run.status == 1)
        #expect(run.stderrLines == ["content/notes/privee.md: error: cannot read the file: permission denied", "1 error in 1 file"])
    }

    @Test("a note larger than 10 MB is refused before it is read")
    func noteTooLarge() throws {
        let run = try Self.check { folder in
            let path = folder.path + "/content/notes/enorme.md"
            folder.write("content/notes/enorme.md", "---\ntitle: \"Énorme\"\ndate: 2019-01-15\n---\n")
            truncate(path, 10 << 20 + 1)
        }
        #expect(run.status == 1)
        #expect(
            run.stderrLines == [
                "content/notes/enorme.md: error: the file is larger than 10 MB, the most Vigie reads from a text file", "1 error in 1 file",
            ])
    }

    @Test("a case file that is a folder is an error at its path, without :0:0")
    func caseFileFolder() throws {
        let run = try Self.check { folder in
            try FileManager.default.createDirectory(atPath: folder.path + "/content/cases/dossier.csv", withIntermediateDirectories: false)
        }
        #expect(run.status == 1)
        #expect(run.stderrLines == ["content/cases/dossier.csv: error: expected a file, found a folder", "1 error in 1 file"])
    }

    @Test("a missing content folder is named by its path alone")
    func missingContentFolder() throws {
        let folder = TemporaryFolder()
        let run = try CommandRun.vigie(["check", "--content", "nulle-part", "--templates", Repository.templates], in: folder.path)
        #expect(run.status == 1)
        #expect(run.stderrLines == ["nulle-part: error: content folder not found", "1 error in 1 file"])
    }

    @Test("a strings.yaml saved as UTF-16 is an error at its first line")
    func utf16Strings() throws {
        let folder = TemporaryFolder()
        SiteTree.withCases(SiteTree.rows(platform: "amazon", count: 6)).write(into: folder)
        try FileManager.default.copyItem(atPath: Repository.templates, toPath: folder.path + "/templates")
        let text = try #require(folder.read("templates/strings.yaml"))
        folder.write("templates/strings.yaml", bytes: [0xFF, 0xFE] + Array(text.data(using: .utf16LittleEndian)!))
        let run = try CommandRun.vigie(["check"], in: folder.path)
        #expect(run.status == 1)
        #expect(run.stderrLines == ["templates/strings.yaml:1:1: error: the file is in UTF-16; save it as UTF-8", "1 error in 1 file"])
    }
}
