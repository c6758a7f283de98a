// `vigie serve`: local preview on 127.0.0.1 with rebuild on change and live reload.

import ArgumentParser
import Foundation
import VigieCore
import VigiePreview

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build into a temporary folder, serve it on 127.0.0.1, and rebuild when content or templates change.",
        discussion:
            "The publication folder is never touched. Errors are printed here and shown over every page; the last good build stays served.")

    @OptionGroup var inputs: InputOptions
    @Option(help: "Port on 127.0.0.1 (0 picks a free one).") var port: UInt16 = 8000

    func run() throws {
        let server = PreviewServer(contentDirectory: inputs.content, templatesDirectory: inputs.templates, port: port) { line in
            Console.error(line)
        }
        let signals = SignalWatcher.stopOnInterrupt()
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
        _ = signals
        if let error = failure.error {
            Console.error("serve: error: \(error)")
            throw CommandFailure()
        }
    }
}

/// Ends the process cleanly on SIGINT or SIGTERM (the preview's temporary folder is removed).
enum SignalWatcher {
    static func stopOnInterrupt() -> [DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                Console.error("stopping")
                PreviewCleanup.run()
                exit(0)
            }
            source.resume()
            return source
        }
    }
}

/// The error that ended the server task, read after it finished.
final class FailureBox: @unchecked Sendable {
    var error: Error?
}
