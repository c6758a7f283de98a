import Foundation
import Testing
import VigieTestSupport

@testable import VigieCore

@Suite("Atomic publishing")
struct AtomicPublisherTests {
    @Test("a publish replaces the whole folder and leaves no staging folder behind")
    func replaces() throws {
        let folder = TemporaryFolder()
        let output = folder.path + "/_site"
        try AtomicPublisher.publish([OutputFile(path: "a/index.html", text: "old"), OutputFile(path: "gone.txt", text: "x")], to: output)
        try AtomicPublisher.publish([OutputFile(path: "a/index.html", text: "new")], to: output)
        #expect(folder.read("_site/a/index.html") == "new")
        #expect(!folder.exists("_site/gone.txt"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["_site"])
    }

    @Test("leftovers of a killed build are cleaned by the next run")
    func leftovers() throws {
        let folder = TemporaryFolder()
        folder.write(".vigie-staging-_site-999/index.html", "half written")
        try AtomicPublisher.publish([OutputFile(path: "index.html", text: "site")], to: folder.path + "/_site")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["_site"])
    }

    @Test("a site left retired by a swap that was killed is restored")
    func restoresRetired() throws {
        let folder = TemporaryFolder()
        folder.write(".vigie-retired-_site-999/index.html", "previous site")
        AtomicPublisher.removeLeftovers(in: folder.path, for: "_site")
        #expect(folder.read("_site/index.html") == "previous site")
    }
}
