// `vigie serve`: builds into a private temporary folder (never the publication folder), serves it
// on 127.0.0.1, watches content and templates, and rebuilds after changes settle.

import Foundation
import VigieCore

public final class PreviewServer: @unchecked Sendable {
    public let options: BuildOptions
    public let port: UInt16
    let state: PreviewState
    let workFolder: String
    let forcePolling: Bool
    let log: @Sendable (String) -> Void
    private let session: BuildSession

    /// - Parameter log: receives one line per build or error (stderr in the CLI).
    /// - Throws: when the temporary folder cannot be made.
    /// - Parameter forcePolling: scan the folders instead of waiting for the kernel's notifications.
    /// - Parameter cacheFolder: where the charts' PNG files and the notes' rendered Markdown are kept between sessions (nil: not kept).
    public init(
        contentDirectory: String, templatesDirectory: String, port: UInt16, forcePolling: Bool = false,
        cacheFolder: String? = nil, log: @escaping @Sendable (String) -> Void
    ) throws {
        let temporary = FileManager.default.temporaryDirectory.path
        PreviewFolder.removeStale(in: temporary)
        workFolder = try PreviewFolder.create(in: temporary)
        PreviewCleanup.register(workFolder)
        options = BuildOptions(
            contentDirectory: contentDirectory, templatesDirectory: templatesDirectory, outputDirectory: workFolder + "/site",
            incrementalWrites: true, cacheFolder: cacheFolder)
        self.port = port
        self.forcePolling = forcePolling
        self.log = log
        state = PreviewState(siteFolder: workFolder + "/site")
        session = BuildSession(options: options)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: workFolder)
    }

    /// Builds once, then serves until the task is cancelled. `ready` receives the bound port.
    public func run(ready: @escaping @Sendable (UInt16) -> Void) async throws {
        // Watching starts before the first build reads the folders: an edit saved while it runs,
        // or before the watch loop starts, is then seen (it was lost when the watcher started
        // after the server: `vigie serve --poll` under AddressSanitizer missed the first edit).
        let watcher = FolderWatcher(folders: [options.contentDirectory, options.templatesDirectory], forcePolling: forcePolling)
        rebuild(reason: "initial build")
        let server = try PreviewHTTPServer(handler: PreviewHandler(state: state), port: port)
        ready(server.port)
        let serverTask = Task { try await server.run() }
        defer { serverTask.cancel() }
        try await watch(watcher)
    }

    /// Waits for changes (file notifications, or a scan where they are not available) and
    /// rebuilds once each burst of them has settled.
    func watch(_ watcher: FolderWatcher) async throws {
        var method = watcher.method
        log("watching \(options.contentDirectory) and \(options.templatesDirectory) with \(method)")
        while !Task.isCancelled {
            let changed = try await watcher.nextChange()
            if watcher.method != method {
                method = watcher.method
                log("now watching with \(method)")
            }
            rebuild(reason: changed.count == 1 ? changed[0] : changed.isEmpty ? "changes" : "\(changed.count) files")
        }
    }

    func rebuild(reason: String) {
        let start = ContinuousClock.now
        do {
            let report = try session.rebuild()
            let errors = report.diagnostics.sorted.map(\.description)
            state.record(succeeded: report.succeeded, errors: report.succeeded ? [] : errors + [report.diagnostics.summary])
            let elapsed = ContinuousClock.now - start
            let ms = Int(elapsed.components.seconds * 1000) + Int(elapsed.components.attoseconds / 1_000_000_000_000_000)
            if report.succeeded {
                log(
                    "rebuilt (\(reason)): \(report.pageCount) pages, \(report.writtenFileCount) files written in \(ms) ms [\(report.scope)]"
                )
            } else {
                for line in errors { log(line) }
                log("\(report.diagnostics.summary) — still serving the last good build (\(ms) ms)")
            }
        } catch {
            state.record(succeeded: false, errors: ["\(error)"])
            log("\(error)")
        }
    }
}
