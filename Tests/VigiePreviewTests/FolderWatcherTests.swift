import Foundation
import Testing
import VigieTestSupport

@testable import VigiePreview

/// Waits for `watcher` to report changes (at least once) until `seen` holds for every path
/// reported so far, for at most `seconds` (generous: the machine may be busy). Returns the paths,
/// or nil on timeout.
private func reported(
    by watcher: FolderWatcher, within seconds: Double = 20, until seen: @escaping @Sendable (Set<String>) -> Bool
) async throws -> Set<String>? {
    try await withThrowingTaskGroup(of: Set<String>?.self) { group in
        group.addTask {
            var paths: Set<String> = []
            repeat { paths.formUnion(try await watcher.nextChange()) } while !seen(paths)
            return paths
        }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            return nil
        }
        let first = try await group.next() ?? nil
        group.cancelAll()
        return first
    }
}

/// Runs `change` once the watcher is waiting (a moment later, from another task).
private func after(_ change: @escaping @Sendable () -> Void) {
    Task.detached {
        try? await Task.sleep(for: .milliseconds(100))
        change()
    }
}

@Suite("The preview's folder watcher")
struct FolderWatcherTests {
    @Test("a file written in a watched folder is reported, through the kernel's notifications")
    func notifiesAWrite() async throws {
        let folder = TemporaryFolder()
        folder.write("notes/premiere.md", "avant")
        let watcher = FolderWatcher(folders: [folder.path])
        #expect(watcher.method == .notifications)
        after { folder.write("notes/premiere.md", "après") }
        let paths = try await reported(by: watcher) { $0.contains(folder.path + "/notes/premiere.md") }
        #expect(paths != nil)
        #expect(watcher.method == .notifications)
    }

    @Test("a file in a folder made after the watch started is reported, and so are later edits in it")
    func watchesNewFolders() async throws {
        let folder = TemporaryFolder()
        let watcher = FolderWatcher(folders: [folder.path])
        let file = folder.path + "/cases/2019/export.csv"
        after { folder.write("cases/2019/export.csv", "case_id\n") }
        #expect(try await reported(by: watcher) { $0.contains(file) } != nil)
        // The new folder is watched now: an edit in it alone is noticed.
        after { folder.write("cases/2019/export.csv", "case_id\nA1\n") }
        #expect(try await reported(by: watcher) { $0.contains(file) } != nil)
        #expect(watcher.method == .notifications)
    }

    @Test("hidden files (editors' swap files) are not reported; the real file is")
    func ignoresHiddenFiles() async throws {
        let folder = TemporaryFolder()
        let watcher = FolderWatcher(folders: [folder.path])
        after {
            folder.write(".note.md.swp", "x")
            folder.write("note.md", "y")
        }
        let paths = try #require(try await reported(by: watcher) { $0.contains(folder.path + "/note.md") })
        #expect(!paths.contains(folder.path + "/.note.md.swp"))
    }

    @Test("a burst of writes is reported as one change once it settles")
    func debouncesBursts() async throws {
        let folder = TemporaryFolder()
        folder.write("notes/.keep", "")
        // A long settling time, so that the burst below cannot be split by a busy machine.
        let watcher = FolderWatcher(folders: [folder.path], settle: .seconds(1), longestBurst: .seconds(30))
        let names = (1...20).map { "notes/note-\($0).md" }
        after { for name in names { folder.write(name, name) } }
        let first = try await reported(by: watcher) { !$0.isEmpty }
        #expect(first == Set(names.map { folder.path + "/" + $0 }))
    }

    @Test("when the kernel's queue overflows, the whole tree is reported again")
    func rescansOnOverflow() async throws {
        let folder = TemporaryFolder()
        let queueLength = (try? String(contentsOfFile: "/proc/sys/fs/inotify/max_queued_events", encoding: .utf8))
            .flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        let limit = try #require(queueLength)
        try #require(limit <= 1_000_000, "the queue holds \(limit) events: too many writes to make here")
        folder.write("a.md", "")
        folder.write("b.md", "")
        folder.write("untouched/c.md", "never written again")
        let watcher = FolderWatcher(folders: [folder.path])
        // Before the watcher reads anything, more writes than the queue holds (alternating two
        // files, as the kernel merges a repeated event into the one before).
        let a = try #require(FileHandle(forWritingAtPath: folder.path + "/a.md"))
        let b = try #require(FileHandle(forWritingAtPath: folder.path + "/b.md"))
        for _ in 0...(limit / 2) {
            try a.write(contentsOf: [0x61])
            try b.write(contentsOf: [0x62])
        }
        try a.close()
        try b.close()
        // Only a rescan reports the file that no event named.
        let paths = try await reported(by: watcher, within: 60) { $0.contains(folder.path + "/untouched/c.md") }
        #expect(paths?.isSuperset(of: [folder.path + "/a.md", folder.path + "/b.md"]) == true)
        #expect(watcher.method == .notifications, "an overflow rescans, it does not give up")
    }

    @Test("forced polling scans the folders and still reports a write and a new folder's file")
    func pollsWhenAsked() async throws {
        let folder = TemporaryFolder()
        folder.write("site.yaml", "title: a")
        let watcher = FolderWatcher(folders: [folder.path], forcePolling: true)
        #expect(watcher.method == .polling(reason: "asked for"))
        after { folder.write("site.yaml", "title: bb") }
        #expect(try await reported(by: watcher) { $0.contains(folder.path + "/site.yaml") } != nil)
        after { folder.write("notes/neuve/note.md", "z") }
        #expect(try await reported(by: watcher) { $0.contains(folder.path + "/notes/neuve/note.md") } != nil)
    }

    @Test("at the watch limit, a new folder turns the watcher to polling, and its files are still seen")
    func fallsBackAtTheWatchLimit() async throws {
        let folder = TemporaryFolder()
        folder.write("notes/a.md", "a")
        // Two watches: the root and notes/. A third folder is refused, as ENOSPC would.
        let watcher = FolderWatcher(folders: [folder.path], watchLimit: 2)
        #expect(watcher.method == .notifications)
        after { folder.write("notes/plus/b.md", "b") }
        _ = try await reported(by: watcher) { _ in true }
        #expect(watcher.method != .notifications)
        if case .polling(let reason) = watcher.method { #expect(reason.contains("limit")) }
        after { folder.write("notes/plus/b.md", "bb") }
        #expect(try await reported(by: watcher) { $0.contains(folder.path + "/notes/plus/b.md") } != nil)
    }

    @Test("a folder that cannot be watched (missing) makes the watcher poll from the start")
    func pollsWhenAFolderIsMissing() async throws {
        let folder = TemporaryFolder()
        let watcher = FolderWatcher(folders: [folder.path, folder.path + "/absent"])
        guard case .polling(let reason) = watcher.method else {
            Issue.record("expected polling, got \(watcher.method)")
            return
        }
        #expect(reason.contains("absent"))
        after { folder.write("absent/site.yaml", "title: x") }
        #expect(try await reported(by: watcher) { $0.contains(folder.path + "/absent/site.yaml") } != nil)
    }

    @Test("cancelling the task stops the wait", arguments: [false, true])
    func stopsOnCancel(forcePolling: Bool) async throws {
        let folder = TemporaryFolder()
        let watcher = FolderWatcher(folders: [folder.path], forcePolling: forcePolling)
        let task = Task { try await watcher.nextChange() }
        try await Task.sleep(for: .milliseconds(100))
        task.cancel()
        let outcome = await task.result
        #expect(throws: CancellationError.self) { try outcome.get() }
    }
}
