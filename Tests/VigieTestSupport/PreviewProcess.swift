// Starts `vigie serve --port 0` as a child process and reads the port it announces.

import Foundation

public final class PreviewProcess: @unchecked Sendable {
    public let process = Process()
    public private(set) var port: UInt16 = 0
    private let output = Pipe()
    private let errors = Pipe()

    /// - Parameter environment: variables set for the server on top of this process's (`TMPDIR`).
    public init(arguments: [String], in directory: String, environment: [String: String] = [:]) throws {
        process.executableURL = URL(fileURLWithPath: Repository.binary)
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.arguments = ["serve", "--port", "0"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // The first line on stdout is "serving http://127.0.0.1:PORT/ …".
        var line = Data()
        let handle = output.fileHandleForReading
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        if let range = text.range(of: "127.0.0.1:"), let end = text[range.upperBound...].firstIndex(of: "/") {
            port = UInt16(text[range.upperBound..<end]) ?? 0
        }
    }

    /// Asks the server to stop (SIGTERM) and waits; returns its exit status.
    @discardableResult
    public func stop() -> Int32 {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        return process.terminationStatus
    }

    /// Sends `signal` and waits up to `seconds` for the server to end: its exit status, or nil when
    /// it was still running (it is then killed, so a test never hangs on it).
    public func stop(signal: Int32, within seconds: Double) -> Int32? {
        kill(process.processIdentifier, signal)
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        guard !process.isRunning else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        return process.terminationStatus
    }

    deinit { if process.isRunning { process.terminate() } }

    /// Polls until `predicate` holds for the page at `path`, or `seconds` elapse.
    public func waitFor(_ path: String, seconds: Double = 8, _ predicate: (RawHTTP.Response) -> Bool) -> RawHTTP.Response? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let response = try? RawHTTP.get(port: port, path: path), predicate(response) { return response }
            Thread.sleep(forTimeInterval: 0.2)
        }
        return nil
    }
}
