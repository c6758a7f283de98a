import Foundation
import Testing
import VigieTestSupport

@Suite("A killed build publishes nothing")
struct KilledBuildTests {
    @Test("SIGKILL in the middle of a build leaves the previous site exactly as it was; the next build cleans up")
    func killedMidway() throws {
        let folder = TemporaryFolder()
        // A small site is published first.
        let small = SiteTree.withCases(SiteTree.rows(platform: "amazon", count: 10)).write(into: folder)
        let first = try CommandRun.vigie(
            ["build", "--content", small, "--templates", Repository.templates, "--output", "_site"], in: folder.path)
        #expect(first.status == 0, "\(first.stderr)")
        let before = DeterminismTests.tree(folder.path + "/_site")

        // A content set large enough to take seconds, built into the same folder and killed.
        let generate = try CommandRun.vigie(["generate", "--cases", "150000", "--notes", "20", "--output", "big"], in: folder.path)
        #expect(generate.status == 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Repository.binary)
        process.arguments = ["build", "--content", "big", "--templates", Repository.templates, "--output", "_site"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 1.0)
        #expect(process.isRunning, "the build should still be running when it is killed")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let after = DeterminismTests.tree(folder.path + "/_site")
        #expect(after.keys.sorted() == before.keys.sorted())
        for (path, data) in before { #expect(after[path] == data, "\(path) changed") }

        // The next build succeeds and leaves no staging folder behind.
        let next = try CommandRun.vigie(
            ["build", "--content", small, "--templates", Repository.templates, "--output", "_site"], in: folder.path)
        #expect(next.status == 0, "\(next.stderr)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".vigie-") }
        #expect(leftovers == [])
    }
}
