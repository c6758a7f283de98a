// Tells the preview when the content or templates folders change: the kernel's notifications
// (inotify) where it can, else a scan of every file every 250 ms. A burst of events (an editor's
// save, a `git checkout`) is reported once, after it settles.

import Foundation

#if canImport(Glibc)
    import Glibc
#endif

public final class FolderWatcher: @unchecked Sendable {
    /// How changes are noticed.
    public enum Method: Equatable, Sendable, CustomStringConvertible {
        /// Linux inotify on every folder: nothing runs while nothing changes.
        case notifications
        /// A scan of the whole tree every `pollInterval`, with the reason notifications are not used.
        case polling(reason: String)

        public var description: String {
            switch self {
            case .notifications: "file notifications (inotify)"
            case .polling(let reason): "a scan of every file (\(reason))"
            }
        }
    }

    public let folders: [String]
    let pollInterval: Duration
    let settle: Duration
    let longestBurst: Duration
    /// Guards `method`, `inotify` and `lastScan`; `nextChange` itself runs one call at a time.
    private let lock = NSLock()
    private var currentMethod: Method
    #if os(Linux)
        private var inotify: InotifyWatch?
    #endif
    private var lastScan: [String: String] = [:]
    private let wake: WakePipe

    /// - Parameters:
    ///   - forcePolling: scan instead of using notifications (folders on a network or shared mount,
    ///     where changes made elsewhere raise no notification; and tests of the fallback).
    ///   - watchLimit: for tests, act as if the kernel refused inotify watches beyond this many.
    ///   - settle: a burst is over when nothing moved for this long…
    ///   - longestBurst: …or when it has lasted this long (a file written non-stop still rebuilds).
    public init(
        folders: [String], forcePolling: Bool = false, watchLimit: Int? = nil, pollInterval: Duration = .milliseconds(250),
        settle: Duration = .milliseconds(200), longestBurst: Duration = .seconds(2)
    ) {
        self.folders = folders
        self.pollInterval = pollInterval
        self.settle = settle
        self.longestBurst = longestBurst
        wake = WakePipe()
        #if os(Linux)
            if forcePolling {
                currentMethod = .polling(reason: "asked for")
            } else {
                do {
                    inotify = try InotifyWatch(roots: folders, watchLimit: watchLimit)
                    currentMethod = .notifications
                } catch {
                    currentMethod = .polling(reason: error.description)
                }
            }
        #else
            currentMethod = .polling(reason: forcePolling ? "asked for" : "inotify is Linux only")
        #endif
        if currentMethod != .notifications { lastScan = FolderScan(folders: folders).signature() }
    }

    /// How changes are noticed now (notifications fall back to polling when they fail later,
    /// e.g. at the watch limit on a new folder).
    public var method: Method { lock.withLock { currentMethod } }

    /// Waits for the next burst of changes and returns the paths it touched (sorted; possibly
    /// empty when notifications failed and the watcher turned to scanning). Throws
    /// `CancellationError` when the task is cancelled; a cancelled watcher stays stopped.
    public func nextChange() async throws -> [String] {
        let result: [String]? = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                // Waiting blocks a thread in `poll`: a thread of its own, not one of the
                // cooperative pool that the HTTP server also needs.
                let thread = Thread { continuation.resume(returning: self.waitForChange()) }
                thread.start()
            }
        } onCancel: {
            wake.signal()
        }
        guard let result else { throw CancellationError() }
        return result
    }

    /// Blocks until a burst of changes settled (its paths) or the watcher was woken (nil).
    private func waitForChange() -> [String]? {
        if wake.isSignalled { return nil }
        #if os(Linux)
            if let inotify = lock.withLock({ inotify }) {
                do {
                    return try waitForNotifications(inotify)
                } catch {
                    // From now on, scan. Whatever happened before the failure is rebuilt from: the
                    // build reads the whole tree, so nothing is missed.
                    lock.withLock {
                        self.inotify = nil
                        currentMethod = .polling(reason: error.description)
                        lastScan = FolderScan(folders: folders).signature()
                    }
                    return []
                }
            }
        #endif
        return waitForScanChange()
    }

    #if os(Linux)
        private func waitForNotifications(_ inotify: InotifyWatch) throws(InotifyWatch.Unavailable) -> [String]? {
            var paths: Set<String> = []
            var overflowed = false
            while paths.isEmpty && !overflowed {
                guard wake.wait(for: inotify.descriptor, timeout: nil) == .readable else { return nil }
                let batch = try inotify.read()
                paths.formUnion(batch.paths)
                overflowed = overflowed || batch.overflowed
            }
            let burstEnd = ContinuousClock.now + longestBurst
            while ContinuousClock.now < burstEnd {
                switch wake.wait(for: inotify.descriptor, timeout: settle) {
                case .woken: return nil
                case .timedOut: return paths.sorted()
                case .readable:
                    let batch = try inotify.read()
                    paths.formUnion(batch.paths)
                }
            }
            return paths.sorted()
        }
    #endif

    private func waitForScanChange() -> [String]? {
        let scan = FolderScan(folders: folders)
        let last = lock.withLock { lastScan }
        var current = last
        while current == last {
            guard wake.wait(for: -1, timeout: pollInterval) == .timedOut else { return nil }
            current = scan.signature()
        }
        // Debounce: editors save in several steps.
        let burstEnd = ContinuousClock.now + longestBurst
        while ContinuousClock.now < burstEnd {
            guard wake.wait(for: -1, timeout: settle) == .timedOut else { return nil }
            let settled = scan.signature()
            if settled == current { break }
            current = settled
        }
        lock.withLock { lastScan = current }
        return FolderScan.changedPaths(last, current)
    }
}

/// A pipe whose write end wakes a thread blocked in `poll`: how a cancelled preview stops waiting.
final class WakePipe: @unchecked Sendable {
    enum Outcome { case readable, timedOut, woken }

    private let readEnd: Int32
    private let writeEnd: Int32

    init() {
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) != 0 { ends = [-1, -1] }
        readEnd = ends[0]
        writeEnd = ends[1]
        for end in ends where end >= 0 { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    }

    deinit {
        if readEnd >= 0 { close(readEnd) }
        if writeEnd >= 0 { close(writeEnd) }
    }

    /// Wakes the waiter, now and at every later wait.
    func signal() {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    var isSignalled: Bool { wait(for: -1, timeout: .zero) == .woken }

    /// Waits until `descriptor` is readable (ignored when negative), the pipe is signalled, or
    /// `timeout` elapsed (nil: no timeout).
    func wait(for descriptor: Int32, timeout: Duration?) -> Outcome {
        var fds = [
            pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0),
            pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
        ]
        let milliseconds: Int32 =
            timeout.map { Int32(clamping: $0.components.seconds * 1000 + $0.components.attoseconds / 1_000_000_000_000_000) } ?? -1
        while true {
            let ready = poll(&fds, nfds_t(fds.count), milliseconds)
            if ready < 0 && errno == EINTR { continue }
            if ready <= 0 { return .timedOut }
            if fds[0].revents != 0 { return .woken }
            return .readable
        }
    }
}
