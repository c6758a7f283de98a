import Foundation
import Testing
import VigieTestSupport

@testable import VigiePublishing
@testable import VigieRendering

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
        // The previous site is kept beside it, to be staged in by the next publish, with the manifest
        // of both.
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
                ".vigie-manifest-_site", ".vigie-previous-_site", "_site",
            ])
    }

    @Test("leftovers of a killed build are cleaned by the next run")
    func leftovers() throws {
        let folder = TemporaryFolder()
        folder.write(".vigie-staging-_site-999/index.html", "half written")
        folder.write(".vigie-staging-_site-999.manifest", "half written")
        try AtomicPublisher.publish([OutputFile(path: "index.html", text: "site")], to: folder.path + "/_site")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".vigie-manifest-_site", "_site"])
    }

    @Test("a site left retired by a swap that was killed is restored")
    func restoresRetired() throws {
        let folder = TemporaryFolder()
        folder.write(".vigie-retired-_site-999/index.html", "previous site")
        AtomicPublisher.removeLeftovers(in: folder.path, for: "_site")
        #expect(folder.read("_site/index.html") == "previous site")
    }

    @Test("a reader polling the output folder never finds it missing while sites are swapped in")
    func neverMissing() throws {
        let folder = TemporaryFolder()
        let output = folder.path + "/_site"
        try AtomicPublisher.publish([OutputFile(path: "index.html", text: "first")], to: output)
        let missing = ManagedCounter()
        let stop = ManagedCounter()
        let reader = Thread {
            var status = stat()
            while stop.value == 0 {
                if stat(output + "/index.html", &status) != 0 { missing.increment() }
            }
        }
        reader.start()
        for round in 0..<200 {
            try AtomicPublisher.publish([OutputFile(path: "index.html", text: "round \(round)")], to: output)
        }
        stop.increment()
        while !reader.isFinished { usleep(1_000) }
        // With two renames (the fallback) the reader saw it missing 11,742 times in 200 swaps.
        #expect(missing.value == 0)
        #expect(folder.read("_site/index.html") == "round 199")
        #expect(folder.read(".vigie-previous-_site/index.html") == "round 198")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
                ".vigie-manifest-_site", ".vigie-previous-_site", "_site",
            ])
    }

    @Test("the two-rename fallback still swaps and cleans up")
    func fallbackSwap() throws {
        let folder = TemporaryFolder()
        folder.write("_site/index.html", "old")
        folder.write("staging/index.html", "new")
        try AtomicPublisher.swapByRenaming(folder.path + "/staging", into: folder.path + "/_site", retired: folder.path + "/retired")
        #expect(folder.read("_site/index.html") == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["_site"])
    }
}

/// A counter shared with a reader thread.
final class ManagedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func increment() { lock.withLock { count += 1 } }
}
