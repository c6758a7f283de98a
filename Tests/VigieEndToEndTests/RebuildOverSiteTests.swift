import Foundation
import Testing
import VigieTestSupport

/// `vigie build` over a site it built before: the previous site is staged in, only the files whose
/// bytes changed are written, and the result is byte-identical to a build into a new folder.
@Suite("Rebuilding over a published site")
struct RebuildOverSiteTests {
    static let longAgo = Date(timeIntervalSince1970: 978_307_200)

    private func build(_ content: String, into output: String, in folder: TemporaryFolder) throws {
        let run = try CommandRun.vigie(
            ["build", "--content", content, "--templates", Repository.templates, "--output", output], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
    }

    /// The default content built twice into `_site`, the retired site dated back to 2001.
    private func publishedTwice() throws -> (folder: TemporaryFolder, content: String) {
        let folder = TemporaryFolder()
        let content = folder.path + "/content"
        try FileManager.default.copyItem(atPath: Repository.content, toPath: content)
        try build(content, into: "_site", in: folder)
        try build(content, into: "_site", in: folder)
        for (relative, _) in SiteTree.files(under: folder.path + "/.vigie-previous-_site") {
            try FileManager.default.setAttributes(
                [.modificationDate: Self.longAgo], ofItemAtPath: folder.path + "/.vigie-previous-_site/" + relative)
        }
        return (folder, content)
    }

    @Test("after one note changes, only the files whose bytes changed are written, and the site is a fresh build's")
    func oneNoteChanged() throws {
        let (folder, content) = try publishedTwice()
        let before = SiteTree.files(under: folder.path + "/_site")
        let note = content + "/notes/" + (try FileManager.default.contentsOfDirectory(atPath: content + "/notes").sorted().first!)
        let text = try String(contentsOfFile: note, encoding: .utf8)
        try (text + "\nUn paragraphe ajouté.\n").write(toFile: note, atomically: true, encoding: .utf8)
        try build(content, into: "_site", in: folder)

        let after = SiteTree.files(under: folder.path + "/_site")
        try build(content, into: "fresh", in: folder)
        #expect(after == SiteTree.files(under: folder.path + "/fresh"))
        var rewritten: [String] = []
        for (relative, bytes) in after {
            let date = try FileManager.default.attributesOfItem(atPath: folder.path + "/_site/" + relative)[.modificationDate] as? Date
            if date != Self.longAgo { rewritten.append(relative) }
            #expect((date == Self.longAgo) == (before[relative] == bytes), "\(relative): written \(date != Self.longAgo)")
        }
        #expect(!rewritten.isEmpty)
        #expect(rewritten.count < after.count / 4, "\(rewritten.count) of \(after.count) files written")
    }

    @Test("a page no longer produced disappears from the rebuilt site")
    func staleFileRemoved() throws {
        let (folder, content) = try publishedTwice()
        try FileManager.default.removeItem(atPath: content + "/milestones.yaml")
        let notes = try FileManager.default.contentsOfDirectory(atPath: content + "/notes").sorted()
        let pagesBefore = Set(SiteTree.files(under: folder.path + "/_site").keys)
        // A note no milestone cites any more, with its English translation (whose translation_of
        // names it, and would be an error without it): their pages must go.
        let note = try #require(notes.last { !$0.hasPrefix("en-") })
        #expect(notes.contains("en-" + note))
        for file in [note, "en-" + note] where notes.contains(file) {
            try FileManager.default.removeItem(atPath: content + "/notes/" + file)
        }
        try build(content, into: "_site", in: folder)
        try build(content, into: "fresh", in: folder)
        let after = SiteTree.files(under: folder.path + "/_site")
        #expect(after == SiteTree.files(under: folder.path + "/fresh"))
        let gone = pagesBefore.subtracting(after.keys)
        #expect(gone.contains { $0.hasPrefix("notes/") } && gone.contains { $0.hasPrefix("en/notes/") })
    }

    @Test("a page edited by hand in the kept previous site, keeping its size and mtime, is rewritten all the same")
    func handEditedPreviousSite() throws {
        let folder = TemporaryFolder()
        let content = folder.path + "/content"
        try FileManager.default.copyItem(atPath: Repository.content, toPath: content)
        try build(content, into: "_site", in: folder)
        try build(content, into: "_site", in: folder)
        #expect(FileManager.default.fileExists(atPath: folder.path + "/.vigie-manifest-_site"))
        // Same length, same inode, mtime put back: only the ctime, which the manifest records, differs.
        let page = folder.path + "/.vigie-previous-_site/index.html"
        var before = stat()
        #expect(lstat(page, &before) == 0)
        var bytes = try #require(FileManager.default.contents(atPath: page))
        let at = try #require(bytes.firstIndex(of: UInt8(ascii: "<")))
        bytes[at + 1] = bytes[at + 1] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
        let handle = try #require(FileHandle(forWritingAtPath: page))
        try handle.write(contentsOf: bytes)
        try handle.close()
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, page, &times, 0) == 0)
        var after = stat()
        #expect(lstat(page, &after) == 0 && after.st_ino == before.st_ino && after.st_size == before.st_size)

        try build(content, into: "_site", in: folder)
        try build(content, into: "fresh", in: folder)
        #expect(SiteTree.files(under: folder.path + "/_site") == SiteTree.files(under: folder.path + "/fresh"))
    }
}
