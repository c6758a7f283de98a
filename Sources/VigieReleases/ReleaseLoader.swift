// Loading stage for content/publications/<YYYY-MM-DD>/: every stored release, its files checked
// against its manifest and its tables rebuilt, every problem located and collected.

import Foundation
import VigieInput
import VigieStatistics
import VigieSupport

public enum ReleaseLoader {
    /// The folder of the stored releases under a content folder.
    public static func folder(root: String) -> String { root + "/" + StoredRelease.folderName }

    /// Loads every stored release, oldest first. A release with any problem is left out and its
    /// problems appended to `diagnostics` (the build then fails: nothing is published).
    public static func load(root: String, config: SiteConfig, into diagnostics: inout [Diagnostic]) -> [StoredRelease] {
        let folder = folder(root: root)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        var releases: [StoredRelease] = []
        // Hidden entries are skipped: `vigie release` stages a release in `.<date>.partial` beside it.
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = folder + "/" + name
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            guard exists, isDirectory.boolValue, let date = Day(iso: name), date.iso == name else {
                diagnostics.append(
                    .error(
                        "\(StoredRelease.folderName)/ holds only release folders named by their date YYYY-MM-DD, written by `vigie release`",
                        at: .wholeFile(path)))
                continue
            }
            if let release = loadRelease(folder: path, date: date, config: config, into: &diagnostics) {
                releases.append(release)
            }
        }
        return releases
    }

    /// One release folder; nil when anything is wrong with it.
    static func loadRelease(folder: String, date: Day, config: SiteConfig, into diagnostics: inout [Diagnostic]) -> StoredRelease? {
        let manifestPath = folder + "/" + StoredRelease.manifestName
        let before = diagnostics.count
        guard let manifestBytes = ContentLoader.readBytes(manifestPath) else {
            diagnostics.append(
                .error(
                    "stored release has no manifest.json; a release folder is written whole by `vigie release`",
                    at: .wholeFile(manifestPath)))
            return nil
        }
        guard let (manifest, lines) = ReleaseManifest.parse(manifestBytes, path: manifestPath, into: &diagnostics) else { return nil }
        func error(_ message: String, line: Int) {
            diagnostics.append(.error(message, at: SourceLocation(path: manifestPath, line: line, column: 1)))
        }
        if manifest.date != date {
            error("manifest.json is dated \(manifest.date) but its folder is \(date.iso)", line: lines["date"] ?? 1)
        }
        if date > config.publicationDate {
            error(
                "release \(date.iso) is dated after publication_date \(config.publicationDate.iso); a stored release is made by `vigie release` on its own date",
                line: lines["date"] ?? 1)
        }
        for expected in StoredRelease.expectedFiles(format: manifest.formatVersion) where manifest.files[expected] == nil {
            error("manifest.json does not list \(expected), which every release holds", line: lines[""] ?? 1)
        }
        // A table newer than the format: a release holds both its files or neither.
        for id in TableID.allCases where id.introducedInFormat > 1 {
            let files = StoredRelease.dataFiles(id)
            for (held, missing) in [(files[0], files[1]), (files[1], files[0])]
            where manifest.files[held] != nil && manifest.files[missing] == nil {
                error("manifest.json lists \(held) but not \(missing)", line: lines[""] ?? 1)
            }
        }
        // The files on disk, every one listed, every listed one present and unchanged.
        var onDisk: Set<String> = []
        if let enumerator = FileManager.default.enumerator(atPath: folder) {
            while let relative = enumerator.nextObject() as? String {
                var isDirectory: ObjCBool = false
                // A link that leads nowhere is not a folder: it counts as a file, which the manifest must list.
                _ = FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isDirectory)
                if !isDirectory.boolValue && relative != StoredRelease.manifestName { onDisk.insert(relative) }
            }
        }
        for extra in onDisk.sorted() where manifest.files[extra] == nil {
            diagnostics.append(
                .error(
                    "file not listed in manifest.json; a stored release holds only what `vigie release` wrote (remove this file)",
                    at: .wholeFile(folder + "/" + extra)))
        }
        var files: [(path: String, bytes: [UInt8])] = []
        for (path, digest) in manifest.files.sorted(by: { $0.key < $1.key }) {
            guard onDisk.contains(path), let bytes = ContentLoader.readBytes(folder + "/" + path) else {
                error(
                    "\(path) is listed in manifest.json but missing; restore it from version control (a stored release is never rewritten)",
                    line: lines[path] ?? 1)
                continue
            }
            if FileDigest.sha256(bytes) != digest {
                error(
                    "\(path) does not match its SHA-256 in manifest.json; a stored release is never edited: restore the file from version control",
                    line: lines[path] ?? 1)
                continue
            }
            files.append((path, bytes))
        }
        guard diagnostics.count == before else { return nil }
        guard
            let statistics = ReleaseTableReader.read(
                files: files, folder: folder, date: date, threshold: manifest.threshold, format: manifest.formatVersion, config: config,
                into: &diagnostics),
            diagnostics.count == before
        else { return nil }
        return StoredRelease(manifest: manifest, path: folder, statistics: statistics, files: files)
    }
}
