import Foundation
import Testing
import VigieTestSupport

@testable import VigiePublishing
@testable import VigieRendering

/// The manifest beside the output tells the next sync which files of the previous site are unchanged
/// from their `lstat` alone; whenever it may not describe the folder, the sync reads the files back,
/// and the result is always what a publish into a new folder gives.
@Suite("The site manifest")
struct SiteManifestTests {
    static let site = StagingSyncTests.site

    /// A folder where `site` was published twice into `_site`: the first folder is now
    /// `.vigie-previous-_site`, and the manifest describes both.
    static func publishedTwice() throws -> (folder: TemporaryFolder, output: String) {
        let folder = TemporaryFolder()
        let output = folder.path + "/_site"
        try AtomicPublisher.publish(site, to: output)
        try AtomicPublisher.publish(site, to: output)
        return (folder, output)
    }

    /// Rewrites the file at `path` in place (same inode) with `text`, then puts its mtime back: only
    /// its ctime, which no call can set, tells it was changed.
    static func editKeepingStatus(_ path: String, _ text: String) throws {
        var before = stat()
        #expect(lstat(path, &before) == 0)
        let fd = open(path, O_WRONLY | O_TRUNC)
        #expect(fd >= 0)
        let bytes = Array(text.utf8)
        #expect(write(fd, bytes, bytes.count) == bytes.count)
        var times = [before.st_atim, before.st_mtim]
        #expect(futimens(fd, &times) == 0)
        close(fd)
        var after = stat()
        #expect(lstat(path, &after) == 0)
        #expect(after.st_ino == before.st_ino && after.st_size == before.st_size)
        #expect(after.st_mtim.tv_sec == before.st_mtim.tv_sec && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)
    }

    /// The manifest beside `_site` in `folder`, decoded.
    static func manifest(in folder: TemporaryFolder) throws -> SiteManifest {
        let data = try #require(FileManager.default.contents(atPath: folder.path + "/.vigie-manifest-_site"))
        return try #require(SiteManifest(decoding: [UInt8](data)))
    }

    static func replaceManifest(in folder: TemporaryFolder, with bytes: [UInt8]) {
        folder.write(".vigie-manifest-_site", bytes: bytes)
    }

    @Test("an unchanged file is told by the manifest, without being read; a changed one is rewritten without being read")
    func trustsUnchanged() throws {
        let (folder, output) = try Self.publishedTwice()
        // The first folder, staged in with the record the first publish made (kept through the second).
        #expect(try AtomicPublisher.publishing(Self.site, to: output) == StagingSync.Summary(written: 0, trusted: 4, compared: 0))
        var changed = Self.site
        changed[1] = OutputFile(path: "notes/a/index.html", text: "note a, revised")
        #expect(try AtomicPublisher.publishing(changed, to: output) == StagingSync.Summary(written: 1, trusted: 3, compared: 0))
        #expect(try AtomicPublisher.publishing(changed, to: output) == StagingSync.Summary(written: 1, trusted: 3, compared: 0))
        #expect(try AtomicPublisher.publishing(changed, to: output) == StagingSync.Summary(written: 0, trusted: 4, compared: 0))

        try AtomicPublisher.publish(changed, to: folder.path + "/fresh")
        #expect(SiteTree.files(under: output) == SiteTree.files(under: folder.path + "/fresh"))
    }

    @Test("a file edited by hand in the previous site, keeping its size, inode and mtime, is still read and rewritten")
    func handEditCaught() throws {
        let (folder, output) = try Self.publishedTwice()
        try Self.editKeepingStatus(folder.path + "/.vigie-previous-_site/notes/a/index.html", "note X")
        // Not trusted (its ctime moved), read, found to differ, rewritten; the three others trusted.
        #expect(try AtomicPublisher.publishing(Self.site, to: output) == StagingSync.Summary(written: 1, trusted: 3, compared: 0))
        #expect(SiteTree.files(under: output) == StagingSyncTests.siteFiles)
    }

    @Test("a chmod in the previous site is caught: the file is written again with the mode of a fresh build")
    func modeChangeCaught() throws {
        let (folder, output) = try Self.publishedTwice()
        #expect(chmod(folder.path + "/.vigie-previous-_site/index.html", 0o600) == 0)
        #expect(try AtomicPublisher.publishing(Self.site, to: output) == StagingSync.Summary(written: 1, trusted: 3, compared: 0))
        var status = stat()
        #expect(stat(output + "/index.html", &status) == 0 && status.st_mode & 0o777 != 0o600)
    }

    /// Ways a manifest is damaged: cut short, a byte flipped in a record, emptied, or not a manifest.
    enum Damage: String, CaseIterable, Sendable {
        case truncated, byteFlipped, empty, anotherFormat

        func apply(_ bytes: [UInt8]) -> [UInt8] {
            switch self {
            case .truncated: return Array(bytes.prefix(bytes.count / 2))
            case .byteFlipped:
                var out = bytes
                out[bytes.count / 2] ^= 0x01
                return out
            case .empty: return []
            case .anotherFormat: return Array("index.html 4 0644\n".utf8)
            }
        }
    }

    @Test("a damaged manifest is ignored: every file is read back, and the site is still right", arguments: Damage.allCases)
    func damagedIgnored(damage: Damage) throws {
        let (folder, output) = try Self.publishedTwice()
        let bytes = try #require(FileManager.default.contents(atPath: folder.path + "/.vigie-manifest-_site"))
        Self.replaceManifest(in: folder, with: damage.apply([UInt8](bytes)))
        try Self.editKeepingStatus(folder.path + "/.vigie-previous-_site/index.html", "HOME")
        #expect(try AtomicPublisher.publishing(Self.site, to: output) == StagingSync.Summary(written: 1, trusted: 0, compared: 3))
        #expect(SiteTree.files(under: output) == StagingSyncTests.siteFiles)
    }

    @Test("a manifest whose records describe other folders is ignored, even if every file's status matches")
    func otherFolderIgnored() throws {
        let (folder, output) = try Self.publishedTwice()
        var manifest = try Self.manifest(in: folder)
        #expect(manifest.records.count == 2)
        for index in manifest.records.indices { manifest.records[index].inode &+= 1 }
        Self.replaceManifest(in: folder, with: manifest.encoded())
        #expect(try AtomicPublisher.publishing(Self.site, to: output) == StagingSync.Summary(written: 0, trusted: 0, compared: 4))
    }

    @Test("a manifest written in another boot is ignored: the files were not synced to the disk")
    func otherBootIgnored() throws {
        let (folder, output) = try Self.publishedTwice()
        var manifest = try Self.manifest(in: folder)
        manifest.bootID = Array("another boot\n".utf8)
        Self.replaceManifest(in: folder, with: manifest.encoded())
        #expect(try AtomicPublisher.publishing(Self.site, to: output) == StagingSync.Summary(written: 0, trusted: 0, compared: 4))
    }

    @Test("an entry whose ctime is not before the seal (written in the seal's clock tick) is not trusted")
    func racyEntryNotTrusted() throws {
        let (folder, _) = try Self.publishedTwice()
        let manifest = try Self.manifest(in: folder)
        let previous = folder.path + "/.vigie-previous-_site"
        var record = try #require(manifest.record(describing: previous))
        var status = stat()
        #expect(lstat(previous + "/index.html", &status) == 0)
        let mode = status.st_mode & 0o7777
        #expect(record.digest(of: "index.html", status: status, mode: mode) == ContentDigest(of: Array("home".utf8)))
        record.seal = record.files["index.html"]!.changed
        #expect(record.digest(of: "index.html", status: status, mode: mode) == nil)
    }

    @Test("the manifest is decoded as it was encoded, and sits beside the output, never inside")
    func roundTrip() throws {
        let (folder, output) = try Self.publishedTwice()
        let manifest = try Self.manifest(in: folder)
        let again = try #require(SiteManifest(decoding: manifest.encoded()))
        #expect(again.bootID == manifest.bootID)
        #expect(again.records.map(\.files) == manifest.records.map(\.files))
        #expect(again.records.map(\.seal) == manifest.records.map(\.seal))
        #expect(manifest.record(describing: output)?.files.keys.sorted() == Self.site.map(\.path).sorted())
        #expect(SiteTree.files(under: output) == StagingSyncTests.siteFiles)
    }

    @Test("the preview, writing in place, deletes the manifest; the next publish reads the files back")
    func inPlaceForgets() throws {
        let (folder, output) = try Self.publishedTwice()
        try AtomicPublisher.writeInPlace([OutputFile(path: "index.html", text: "home, live")], into: output)
        #expect(!folder.exists(".vigie-manifest-_site"))
        #expect(try AtomicPublisher.publishing(Self.site, to: output) == StagingSync.Summary(written: 0, trusted: 0, compared: 4))
        #expect(try AtomicPublisher.publishing(Self.site, to: output) == StagingSync.Summary(written: 1, trusted: 0, compared: 3))
        #expect(try AtomicPublisher.publishing(Self.site, to: output) == StagingSync.Summary(written: 0, trusted: 4, compared: 0))
    }

    @Test("a site staged but not swapped in leaves the published site as it was, and is kept with its record for the next build")
    func stagedButNotSwapped() throws {
        let (folder, output) = try Self.publishedTwice()
        let published = SiteTree.files(under: output)
        var changed = Self.site
        changed[1] = OutputFile(path: "notes/a/index.html", text: "note a, revised")
        var asked = false
        let refused = try AtomicPublisher.publishing(changed, to: output) {
            asked = true
            return false
        }
        #expect(refused == nil && asked)
        #expect(SiteTree.files(under: output) == published)
        #expect(folder.exists(".vigie-previous-_site"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".vigie-staging-") }.isEmpty)
        // The kept folder holds what was staged, and the manifest describes it and the published site.
        #expect(try AtomicPublisher.publishing(changed, to: output) == StagingSync.Summary(written: 0, trusted: 4, compared: 0))
        #expect(try AtomicPublisher.publishing(changed, to: output) == StagingSync.Summary(written: 1, trusted: 3, compared: 0))
        try AtomicPublisher.publish(changed, to: folder.path + "/fresh")
        #expect(SiteTree.files(under: output) == SiteTree.files(under: folder.path + "/fresh"))
    }
}
