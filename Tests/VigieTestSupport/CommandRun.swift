// Runs the real `vigie` binary and captures what it printed and how it exited.

import Foundation

public struct CommandRun: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    /// True when the run was killed for taking longer than its timeout.
    public var timedOut = false

    public var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }

    /// Runs `vigie` with `arguments` in `directory`; waits for it to exit, or kills it after
    /// `timeout` seconds, so that a test of an input that once hung Vigie fails instead of hanging.
    /// - Parameter environment: replaces the variables it names in the inherited environment.
    public static func vigie(
        _ arguments: [String], in directory: String, timeout: Double? = nil, environment: [String: String] = [:]
    ) throws -> CommandRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Repository.binary)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let watchdog = DispatchWorkItem { [process] in
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        if let timeout { DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog) }
        // Read both pipes fully before waiting, so a chatty child cannot block on a full pipe.
        let errReader = PipeReader(err)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = errReader.finish()
        process.waitUntilExit()
        watchdog.cancel()
        let killed = process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
        return CommandRun(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self), timedOut: timeout != nil && killed)
    }
}

/// Drains a pipe on a background thread.
final class PipeReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ pipe: Pipe) {
        let handle = pipe.fileHandleForReading
        DispatchQueue.global().async {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }
    }

    func finish() -> Data {
        done.wait()
        return data
    }
}
