// Runs the real `vigie` binary and captures what it printed and how it exited.

import Foundation

public struct CommandRun: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }

    /// Runs `vigie` with `arguments` in `directory`; waits for it to exit.
    public static func vigie(_ arguments: [String], in directory: String) throws -> CommandRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Repository.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes fully before waiting, so a chatty child cannot block on a full pipe.
        let errReader = PipeReader(err)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = errReader.finish()
        process.waitUntilExit()
        return CommandRun(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
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
