import Foundation
import Testing
import VigieTestSupport

@Suite("A killed build publishes nothing", .serialized)
struct KilledBuildTests {
    /// A folder holding a published small site (`_site`) and a second content folder (`next`) whose
    /// site differs from it.
    static func publishedSite() throws -> (folder: TemporaryFolder, previous: [String: Data]) {
        let folder = TemporaryFolder()
        _ = SiteTree.withCases(SiteTree.rows(platform: "amazon", count: 10)).write(into: folder)
        let first = try CommandRun.vigie(
            ["build", "--content", "content", "--templates", Repository.templates, "--output", "_site"], in: folder.path)
        #expect(first.status == 0, "\(first.stderr)")
        let next = SiteTree.withCases(SiteTree.rows(platform: "cdiscount", count: 30))
        for (path, text) in next.files { folder.write("next/" + path, text) }
        return (folder, DeterminismTests.tree(folder.path + "/_site"))
    }

    /// `vigie build` of `next` into `_site`, started and not waited for.
    static func startBuild(in folder: TemporaryFolder, pauseSignal: String? = nil) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Repository.binary)
        process.arguments = ["build", "--content", "next", "--templates", Repository.templates, "--output", "_site"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        var environment = ProcessInfo.processInfo.environment
        environment["VIGIE_TEST_PAUSE_BEFORE_SWAP"] = pauseSignal
        process.environment = environment
        try process.run()
        return process
    }

    static func kill(_ process: Process) {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// The next build succeeds and leaves nothing of the killed one beside the output (only the
    /// previous site, which the next build stages in, and the manifest of the two sites).
    static func expectCleanNextBuild(in folder: TemporaryFolder) throws {
        let next = try CommandRun.vigie(
            ["build", "--content", "content", "--templates", Repository.templates, "--output", "_site"], in: folder.path)
        #expect(next.status == 0, "\(next.stderr)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasPrefix(".vigie-") && $0 != ".vigie-previous-_site" && $0 != ".vigie-manifest-_site"
        }
        #expect(leftovers == [])
    }

    @Test("SIGKILL just before the swap, the new site fully staged: the previous site is exactly as it was")
    func killedBeforeSwap() throws {
        let (folder, previous) = try Self.publishedSite()
        let signal = folder.path + "/paused"
        let process = try Self.startBuild(in: folder, pauseSignal: signal)
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: signal), process.isRunning, Date() < deadline { usleep(10_000) }
        #expect(FileManager.default.fileExists(atPath: signal), "the build never reached the swap")
        let staged = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".vigie-staging-") }
        #expect(staged.count == 1, "the new site is staged beside the output")
        #expect(
            !FileManager.default.fileExists(atPath: folder.path + "/.vigie-manifest-_site"), "the manifest is taken while the sites change")
        Self.kill(process)
        #expect(process.terminationReason == .uncaughtSignal)

        #expect(DeterminismTests.tree(folder.path + "/_site") == previous)
        try Self.expectCleanNextBuild(in: folder)
    }

    @Test("SIGKILL at random points: the output is always the previous site or the whole new one")
    func killedAtRandomPoints() throws {
        let (folder, previous) = try Self.publishedSite()
        // How long a whole build of `next` takes here, to spread the kills over it.
        let start = Date()
        let timed = try Self.startBuild(in: folder)
        timed.waitUntilExit()
        let duration = Date().timeIntervalSince(start)
        #expect(timed.terminationStatus == 0)
        let built = DeterminismTests.tree(folder.path + "/_site")
        #expect(built != previous)
        var generator = SystemRandomNumberGenerator()
        for run in 0..<6 {
            try Self.expectCleanNextBuild(in: folder)  // back to the previous site
            #expect(DeterminismTests.tree(folder.path + "/_site") == previous)
            let process = try Self.startBuild(in: folder)
            // The last run kills after the build would have ended: the new site must then be whole.
            let delay = run == 5 ? duration * 1.5 : Double.random(in: 0..<duration, using: &generator)
            usleep(useconds_t(delay * 1_000_000))
            Self.kill(process)
            let after = DeterminismTests.tree(folder.path + "/_site")
            #expect(after == previous || after == built, "killed after \(delay) s of \(duration) s: a mixed site")
        }
        try Self.expectCleanNextBuild(in: folder)
    }
}
