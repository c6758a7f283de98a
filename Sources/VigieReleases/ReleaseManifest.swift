// manifest.json of a stored release: its date, threshold, the Vigie and format versions, and the
// SHA-256 of every other file, one file per line so that a problem points at its own line.

import Foundation
import VigieInput
import VigieSupport

/// What `vigie release` wrote about a release, and what the loader checks its files against.
public struct ReleaseManifest: Sendable, Equatable {
    public var date: Day
    public var threshold: Int
    public var vigieVersion: String
    public var formatVersion: Int
    /// Path relative to the release folder → lower-case hexadecimal SHA-256, sorted by path.
    public var files: [String: String]

    public init(date: Day, threshold: Int, vigieVersion: String, formatVersion: Int = StoredRelease.formatVersion, files: [String: String])
    {
        self.date = date
        self.threshold = threshold
        self.vigieVersion = vigieVersion
        self.formatVersion = formatVersion
        self.files = files
    }

    static let keys = ["format_version", "date", "threshold", "vigie_version", "files"]

    /// The manifest's text: fixed key order, one file per line, sorted by path.
    public var text: String {
        let lines = files.keys.sorted().map { "    \(JSON.string($0)): \(JSON.string(files[$0]!))" }
        return """
            {
              "format_version": \(formatVersion),
              "date": \(JSON.string(date.iso)),
              "threshold": \(threshold),
              "vigie_version": \(JSON.string(vigieVersion)),
              "files": {
            \(lines.joined(separator: ",\n"))
              }
            }

            """
    }

    /// Reads a manifest; nil when it is unusable. Every problem is located at its line of `path`.
    public static func parse(_ bytes: [UInt8], path: String, into diagnostics: inout [Diagnostic]) -> (
        manifest: ReleaseManifest, lines: [String: Int]
    )? {
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        /// The first line that holds `"key":`, for locating a key or a file entry.
        func line(of key: String) -> Int {
            let needle = JSON.string(key) + ":"
            return (lines.firstIndex { $0.contains(needle) } ?? 0) + 1
        }
        func error(_ message: String, line: Int = 1) {
            diagnostics.append(.error(message, at: SourceLocation(path: path, line: line, column: 1)))
        }
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
                error("manifest.json must be a JSON object with the keys \(keys.joined(separator: ", "))")
                return nil
            }
            object = parsed
        } catch {
            let index = (error as NSError).userInfo["NSJSONSerializationErrorIndex"] as? Int
            let line = index.map { offset in bytes.prefix(offset).filter { $0 == 0x0A }.count + 1 } ?? suspectLine(lines)
            diagnostics.append(
                .error(
                    "manifest.json is not valid JSON; a stored release is written by `vigie release` and never edited",
                    at: SourceLocation(path: path, line: line, column: 1)))
            return nil
        }
        var usable = true
        for key in object.keys.sorted() where !keys.contains(key) {
            error(
                "unknown key \(CellPreview.namingKey(key)) in manifest.json; expected \(keys.joined(separator: ", "))", line: line(of: key))
        }
        for key in keys where object[key] == nil {
            error("manifest.json has no '\(key)'")
            usable = false
        }
        let format = object["format_version"] as? Int
        if object["format_version"] != nil && !(format.map(StoredRelease.readableFormats.contains) ?? false) {
            error(
                "manifest.json has format_version \(object["format_version"].map { "\($0)" } ?? "?"); this Vigie reads formats 1 to \(StoredRelease.formatVersion)",
                line: line(of: "format_version"))
            usable = false
        }
        let date = (object["date"] as? String).flatMap { Day(iso: $0) }
        if object["date"] != nil && date == nil {
            error("expected 'date' to be a date YYYY-MM-DD", line: line(of: "date"))
            usable = false
        }
        let threshold = object["threshold"] as? Int
        if object["threshold"] != nil && !(threshold.map { (2...1000).contains($0) } ?? false) {
            error("expected 'threshold' to be a whole number from 2 to 1000", line: line(of: "threshold"))
            usable = false
        }
        let version = object["vigie_version"] as? String
        if object["vigie_version"] != nil && version == nil {
            error("expected 'vigie_version' to be text", line: line(of: "vigie_version"))
            usable = false
        }
        var files: [String: String] = [:]
        var fileLines: [String: Int] = [:]
        if let entries = object["files"] {
            if let entries = entries as? [String: Any] {
                for (file, digest) in entries.sorted(by: { $0.key < $1.key }) {
                    let at = line(of: file)
                    guard let digest = digest as? String, digest.count == 64, digest.utf8.allSatisfy(isLowerHex) else {
                        error("expected the SHA-256 of \(file) as 64 lower-case hexadecimal digits", line: at)
                        usable = false
                        continue
                    }
                    files[file] = digest
                    fileLines[file] = at
                }
            } else {
                error("expected 'files' to map each file of the release to its SHA-256", line: line(of: "files"))
                usable = false
            }
        }
        guard usable, let format, let date, let threshold, let version else { return nil }
        fileLines[""] = line(of: "files")
        fileLines["date"] = line(of: "date")
        return (ReleaseManifest(date: date, threshold: threshold, vigieVersion: version, formatVersion: format, files: files), fileLines)
    }

    /// Where one-entry-per-line JSON most likely breaks (Foundation on Linux gives no position): the
    /// first entry not followed by a comma before another entry, or followed by one before a `}`.
    static func suspectLine(_ lines: [Substring]) -> Int {
        let trimmed = lines.map { $0.trimmingCharacters(in: .whitespaces) }
        for i in trimmed.indices where !trimmed[i].isEmpty {
            guard let next = trimmed[(i + 1)...].first(where: { !$0.isEmpty }) else { break }
            let closes = next.hasPrefix("}")
            if trimmed[i].hasSuffix(",") && closes { return i + 1 }
            if !trimmed[i].hasSuffix(",") && !trimmed[i].hasSuffix("{") && !closes { return i + 1 }
        }
        return 1
    }

    private static func isLowerHex(_ c: UInt8) -> Bool { (c >= 48 && c <= 57) || (c >= 97 && c <= 102) }
}
