// `vigie serve`: local preview on 127.0.0.1 with rebuild on change and live reload.

import ArgumentParser
import Foundation
import VigiePreview

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build into a temporary folder, serve it on 127.0.0.1, and rebuild when content or templates change.",
        discussion:
            "The publication folder is never touched. Errors are printed here and shown over every page; the last good build stays served.")

    @OptionGroup var inputs: InputOptions
    @Option(help: "Port on 127.0.0.1 (0 picks a free one).") var port: UInt16 = 8000
    @Flag(
        help:
            "Scan the folders for changes instead of waiting for the kernel's file notifications (for network or shared folders, where they may not arrive)."
    )
    var poll = false

    func run() throws {
        // First, before any thread starts: see `SignalWatcher`.
        SignalWatcher.stopOnInterrupt()
        let server = try PreviewServer(
            contentDirectory: inputs.content, templatesDirectory: inputs.templates, port: port, forcePolling: poll,
            cacheFolder: inputs.cacheFolder
        ) { line in
            Console.error(line)
        }
        let finished = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task.detached {
            do {
                try await server.run { boundPort in
                    // Written unbuffered: scripts and tests wait for this line.
                    FileHandle.standardOutput.write(Data("serving http://127.0.0.1:\(boundPort)/ (Ctrl-C to stop)\n".utf8))
                }
            } catch {
                failure.error = error
            }
            finished.signal()
        }
        finished.wait()
        if let error = failure.error {
            Console.error("serve: error: \(error)")
            throw CommandFailure()
        }
    }
}

/// Ends the process cleanly on SIGINT or SIGTERM (the preview's temporary folder is removed).
///
/// The two signals are blocked in the main thread before any other thread starts, so every thread
/// inherits the mask and they stay pending until one thread takes them with `sigwait`. A dispatch
/// signal source missed them: on Linux it reads a `signalfd`, which only sees a signal that no
/// thread lets through, and a thread started earlier took SIGTERM to the ignored disposition —
/// `kill` left the server running.
enum SignalWatcher {
    static func stopOnInterrupt() {
        var blocked = stopSignals()
        pthread_sigmask(SIG_BLOCK, &blocked, nil)
        let thread = Thread {
            var waited = stopSignals()
            var received: Int32 = 0
            sigwait(&waited, &received)
            Console.error("stopping")
            PreviewCleanup.run()
            exit(0)
        }
        thread.start()
    }

    private static func stopSignals() -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        return set
    }
}

/// The error that ended the server task, read after it finished.
final class FailureBox: @unchecked Sendable {
    var error: Error?
}
