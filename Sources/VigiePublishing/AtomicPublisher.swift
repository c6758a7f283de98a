// Publish stage: writes the site into a staging folder beside the output, then swaps it in, so the
// published folder is either the old site or the new one, never a half-written mix. The site the
// swap retires is kept beside the output and becomes the next build's staging folder, in which
// only the files that changed are written (`StagingSync`), told by the site manifest kept beside the
// output (`SiteManifest`) where it can.

import Foundation
import VigieRendering
import VigieSupport

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
    /// The previous site, kept after a swap for the next build to stage in (`.vigie-previous-_site`).
    static let previousPrefix = ".vigie-previous-"

    /// Writes `files` to `output` atomically (with respect to readers of the folder path).
    /// - Parameter pauseBeforeSwap: test-only (`VIGIE_TEST_PAUSE_BEFORE_SWAP`): once the new site is
    ///   staged, create this file and wait while it exists (at most a minute), so a test can kill the
    ///   build at exactly this point instead of guessing with a sleep.
    /// - Returns: how many files were written: all of them in a new folder, only those whose bytes
    ///   changed when the previous site was staged in.
    @discardableResult
    public static func publish(_ files: [OutputFile], to output: String, pauseBeforeSwap: String? = nil) throws -> Int {
        try publishing(files, to: output, pauseBeforeSwap: pauseBeforeSwap)!.written
    }

    /// `publish`, but the new site, once staged, is swapped in only if `ready()` says so: what decides
    /// (the link check) runs while the files are staged. Nil when it was not swapped in: the published
    /// site is untouched, and the staged folder is kept for the next build as the previous site was.
    public static func publish(
        _ files: [OutputFile], to output: String, pauseBeforeSwap: String? = nil, swapIf ready: () -> Bool
    ) throws -> Int? {
        try publishing(files, to: output, pauseBeforeSwap: pauseBeforeSwap, swapIf: ready)?.written
    }

    /// `publish`, telling what the sync did (a new folder: every file written); nil when `ready` said no.
    static func publishing(
        _ files: [OutputFile], to output: String, pauseBeforeSwap: String? = nil, swapIf ready: () -> Bool = { true }
    ) throws -> StagingSync.Summary? {
        let fm = FileManager.default
        let outputURL = URL(fileURLWithPath: output).standardizedFileURL
        let parent = outputURL.deletingLastPathComponent()
        let name = outputURL.lastPathComponent
        try ensureDirectory(parent.path)
        removeLeftovers(in: parent.path, for: name)

        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent("\(stagingPrefix)\(name)-\(pid)").path
        let previous = parent.appendingPathComponent(previousPrefix + name).path
        let manifestPath = SiteManifest.path(in: parent.path, for: name)
        // Deleted as it is read: until the new one is saved, the folders it describes change.
        let manifest = SiteManifest.take(from: manifestPath)
        try? fm.removeItem(atPath: staging)
        var summary = StagingSync.Summary()
        let record: FolderRecord?
        do {
            if isFolder(previous), rename(previous, staging) == 0 {
                // Rebuilding 1 M cases and 10,000 notes: write stage 2.5–5.3 s into a new folder,
                // 0.5–0.7 s with the previous site staged in (BENCHMARKS.md, issue 20); with its
                // manifest's record, 0.18–0.20 s, and 0.34–0.37 s with a cold page cache (1.1–1.5 s
                // when every file was read back).
                (summary, record) = try StagingSync.sync(files, into: staging, recorded: manifest?.record(describing: staging))
            } else {
                try? fm.removeItem(atPath: previous)
                try ensureDirectory(staging)
                record = try write(files, into: staging)
                summary.written = files.count
            }
        } catch {
            try? fm.removeItem(atPath: staging)
            throw error
        }
        guard ready() else {
            // The published site is as the manifest knew it; the staged one becomes the kept previous
            // site, its record (made for the folder, not its path) still true of it there.
            keep(staging, as: previous)
            saveManifest([manifest?.record(describing: outputURL.path), record], to: manifestPath, staging: staging)
            return nil
        }
        if let pauseBeforeSwap { pause(signalling: pauseBeforeSwap) }

        guard fm.fileExists(atPath: outputURL.path) else {
            guard rename(staging, outputURL.path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? fm.removeItem(atPath: staging)
                throw Failure.io(path: output, reason: "cannot move the new site in place: \(reason)")
            }
            saveManifest([record], to: manifestPath, staging: staging)
            return summary
        }
        // One step where the kernel can: the staging path then holds the previous site, kept for the next build.
        switch FolderExchange.exchange(staging, outputURL.path) {
        case .exchanged:
            keep(staging, as: previous)
        case .failed(let reason):
            try? fm.removeItem(atPath: staging)
            throw Failure.io(path: output, reason: "cannot swap the new site in: \(reason)")
        case .unsupported:
            try swapByRenaming(
                staging, into: outputURL.path, retired: parent.appendingPathComponent("\(retiredPrefix)\(name)-\(pid)").path,
                previous: previous)
        }
        // The site just published, and the one it retired: the manifest's record of the folder that was
        // published until now, if it had one, describes the folder now kept as `previous`.
        saveManifest([record, manifest?.record(describing: previous)], to: manifestPath, staging: staging)
        return summary
    }

    /// Saves the records there are, through a temporary named like a staging leftover (a build killed
    /// while writing it leaves a file `removeLeftovers` deletes).
    private static func saveManifest(_ records: [FolderRecord?], to path: String, staging: String) {
        let records = records.compactMap { $0 }
        guard !records.isEmpty else { return }
        SiteManifest.save(records, to: path, through: staging + ".manifest")
    }

    /// A real folder (not a symbolic link to one: the sync must not write through it).
    private static func isFolder(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }

    /// The retired site becomes the next build's staging folder; deleted when it cannot be moved.
    private static func keep(_ retired: String, as previous: String) {
        if rename(retired, previous) != 0 { try? FileManager.default.removeItem(atPath: retired) }
    }

    /// The fallback swap: the old folder renamed away, the new one renamed in, the old one kept as
    /// `previous`. Between the two renames the output path does not exist; a killed build leaves the
    /// old site retired, and `removeLeftovers` puts it back.
    static func swapByRenaming(_ staging: String, into output: String, retired: String, previous: String? = nil) throws {
        let fm = FileManager.default
        guard rename(output, retired) == 0 else {
            try? fm.removeItem(atPath: staging)
            throw Failure.io(path: output, reason: "cannot move the previous site aside: \(String(cString: strerror(errno)))")
        }
        guard rename(staging, output) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(retired, output)
            try? fm.removeItem(atPath: staging)
            throw Failure.io(path: output, reason: "cannot move the new site in place: \(reason)")
        }
        if let previous { keep(retired, as: previous) } else { try? fm.removeItem(atPath: retired) }
    }

    /// Creates `signal` and waits while it exists, for a minute at most.
    private static func pause(signalling signal: String) {
        FileManager.default.createFile(atPath: signal, contents: Data("\(ProcessInfo.processInfo.processIdentifier)\n".utf8))
        let deadline = ContinuousClock.now + .seconds(60)
        while FileManager.default.fileExists(atPath: signal), ContinuousClock.now < deadline { usleep(10_000) }
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

    /// Folders first, then the files, split over every core. Plain `open`/`write` rather than
    /// `FileManager.createFile`, which writes each file to a temporary beside it, `fsync`s it and renames
    /// it: 20,000 files (100 k cases, 1,000 notes: 1,026 pages and the data) went from 0.9–1.2 s to
    /// 0.2–0.4 s. The site is still swapped in whole by `publish`, so readers and a killed build never
    /// see a half-written file. Each file's SHA-256 is computed by the thread writing it.
    /// - Returns: the record of the folder written, for the site manifest (nil if `root` cannot be read).
    static func write(_ files: [OutputFile], into root: String) throws -> FolderRecord? {
        // Folders holding other folders (`notes/`, `notes/themes/`) are made first; each file's own
        // folder is made by the thread writing the file, just before it. Made up front on one thread,
        // the 10,000 note folders took 0.30–0.33 s of a 0.44–0.58 s write stage while the other core
        // waited (the kernel serialises `mkdir` in one parent anyway, but the files are written meanwhile).
        let folders = files.map { folder(of: $0.path) }
        var created: Set<String> = [root]
        for parent in Set(folders.map(folder(of:))).sorted() where !parent.isEmpty {
            try makeDirectory(root + "/" + parent, created: &created)
        }
        let chunks = ParallelMap.ranges(count: files.count, parts: files.count < 64 ? 1 : ProcessInfo.processInfo.activeProcessorCount)
        let results = ParallelMap.map(chunks) { [created] range -> Result<[(String, FileRecord)], Failure> in
            var previous = ""
            var records: [(String, FileRecord)] = []
            records.reserveCapacity(range.count)
            for index in range {
                let folder = folders[index]
                if folder != previous, !folder.isEmpty, !created.contains(root + "/" + folder) {
                    let path = root + "/" + folder
                    if mkdir(path, 0o777) != 0 && errno != EEXIST { return .failure(.io(path: path, reason: "cannot create the folder")) }
                }
                previous = folder
                let file = files[index]
                let path = root + "/" + file.path
                guard let status = writeFile(path, file.bytes) else { return .failure(.io(path: path, reason: "cannot write the file")) }
                records.append((file.path, FileRecord(status, digest: ContentDigest(of: file.bytes))))
            }
            return .success(records)
        }
        var records: [String: FileRecord] = [:]
        records.reserveCapacity(files.count)
        for result in results {
            switch result {
            case .success(let part): for (path, record) in part { records[path] = record }
            case .failure(let failure): throw failure
            }
        }
        return FolderRecord(of: root, files: records)
    }

    /// The preview rewriting the changed files of the live folder. `FileManager`'s write-then-rename,
    /// so a reader never gets half a file. The site manifest is deleted first: it would describe the
    /// folder as it was (its records would no longer match the files' status, so it could not make a
    /// build publish stale bytes, but a manifest should not describe what is not there).
    package static func writeInPlace(_ files: [OutputFile], into root: String) throws {
        let url = URL(fileURLWithPath: root).standardizedFileURL
        SiteManifest.forget(at: SiteManifest.path(in: url.deletingLastPathComponent().path, for: url.lastPathComponent))
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

    /// The folder part of a relative path (`notes/a` for `notes/a/index.html`), empty at the top.
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// `mkdir` of a folder whose parent is known to exist, else `ensureDirectory` (which also gives its message).
    private static func makeDirectory(_ directory: String, created: inout Set<String>) throws {
        let parent = (directory as NSString).deletingLastPathComponent
        if !created.contains(parent) { try makeDirectory(parent, created: &created) }
        if mkdir(directory, 0o777) != 0 && errno != EEXIST { try ensureDirectory(directory) }
        created.insert(directory)
    }

    /// Writes `bytes` to a file at `path` and returns its status once written (nil on failure): the
    /// site manifest's record of it.
    static func writeFile(_ path: String, _ bytes: [UInt8]) -> stat? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { return nil }
        var ok = true
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    ok = false
                    return
                }
                offset += written
            }
        }
        var status = stat()
        if ok, fstat(fd, &status) != 0 { ok = false }
        return close(fd) == 0 && ok ? status : nil
    }
}
