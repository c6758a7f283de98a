// Publish stage: writes the site into a fresh folder beside the output, then swaps it in, so the
// published folder is either the old site or the new one, never a half-written mix.

import Foundation

public enum AtomicPublisher {
    public enum Failure: Error, CustomStringConvertible {
        case io(path: String, reason: String)

        public var description: String {
            switch self {
            case let .io(path, reason): return "\(path): error: \(reason)"
            }
        }
    }

    /// Prefix of the staging and retired folders, beside the output; leftovers of a killed build
    /// carry it and are removed by the next run.
    static let stagingPrefix = ".vigie-staging-"
    static let retiredPrefix = ".vigie-retired-"

    /// Writes `files` to `output` atomically (with respect to readers of the folder path).
    public static func publish(_ files: [OutputFile], to output: String) throws {
        let fm = FileManager.default
        let outputURL = URL(fileURLWithPath: output).standardizedFileURL
        let parent = outputURL.deletingLastPathComponent()
        let name = outputURL.lastPathComponent
        try ensureDirectory(parent.path)
        removeLeftovers(in: parent.path, for: name)

        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent("\(stagingPrefix)\(name)-\(pid)").path
        try? fm.removeItem(atPath: staging)
        try ensureDirectory(staging)
        do {
            try write(files, into: staging)
        } catch {
            try? fm.removeItem(atPath: staging)
            throw error
        }

        // Swap: rename the old folder away, rename the new one in, then delete the old one.
        let retired = parent.appendingPathComponent("\(retiredPrefix)\(name)-\(pid)").path
        let hadOutput = fm.fileExists(atPath: outputURL.path)
        if hadOutput {
            guard rename(outputURL.path, retired) == 0 else {
                try? fm.removeItem(atPath: staging)
                throw Failure.io(path: output, reason: "cannot move the previous site aside: \(String(cString: strerror(errno)))")
            }
        }
        guard rename(staging, outputURL.path) == 0 else {
            let reason = String(cString: strerror(errno))
            if hadOutput { _ = rename(retired, outputURL.path) }
            try? fm.removeItem(atPath: staging)
            throw Failure.io(path: output, reason: "cannot move the new site in place: \(reason)")
        }
        if hadOutput { try? fm.removeItem(atPath: retired) }
    }

    /// Removes staging folders left by a build that was killed, and restores a site that a killed
    /// swap left retired.
    static func removeLeftovers(in parent: String, for name: String) {
        let fm = FileManager.default
        guard let entries = try? fm.contentsOfDirectory(atPath: parent) else { return }
        for entry in entries.sorted() {
            let path = parent + "/" + entry
            if entry.hasPrefix("\(stagingPrefix)\(name)-") {
                try? fm.removeItem(atPath: path)
            } else if entry.hasPrefix("\(retiredPrefix)\(name)-") {
                if !fm.fileExists(atPath: parent + "/" + name) {
                    _ = rename(path, parent + "/" + name)
                } else {
                    try? fm.removeItem(atPath: path)
                }
            }
        }
    }

    static func ensureDirectory(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw Failure.io(path: path, reason: "cannot create the folder: \(error.localizedDescription)")
        }
    }

    static func write(_ files: [OutputFile], into root: String) throws {
        var created: Set<String> = [root]
        for file in files {
            let path = root + "/" + file.path
            let directory = (path as NSString).deletingLastPathComponent
            if !created.contains(directory) {
                try ensureDirectory(directory)
                created.insert(directory)
            }
            let ok = file.bytes.withUnsafeBufferPointer { buffer in
                FileManager.default.createFile(atPath: path, contents: Data(buffer: buffer))
            }
            if !ok { throw Failure.io(path: path, reason: "cannot write the file") }
        }
    }
}
