// Publish stage, on a rebuild: the previous site (kept beside the output after the last swap) is
// brought up to date as the next staging folder, so only the files whose bytes changed are written.

import Foundation
import VigieRendering
import VigieSupport

/// Turns a folder holding an earlier site into exactly `files`: unchanged files are left as they
/// are, changed ones are written as new files, and whatever is not part of the site is removed.
/// Whether a file changed is told by the site manifest's record when its `lstat` proves the record
/// still describes it (`FolderRecord.digest(of:status:mode:)`), else by reading it back. On the
/// 1 M-case site (209 MB) with a cold page cache, reading made the write stage 1.1–1.5 s; the
/// record, 0.34–0.37 s (BENCHMARKS.md, issue 20).
///
/// The folder is a staging folder, never the published one: a build killed half-way leaves the
/// published site whole, and the next run deletes the half-synced folder like any staging leftover.
enum StagingSync {
    /// What a sync did, for the report and the tests.
    struct Summary: Equatable, Sendable {
        var written = 0
        /// Files left as they were: `trusted` ones told unchanged by the manifest's record from their
        /// `lstat` alone, `compared` ones read back and compared byte for byte.
        var trusted = 0
        var compared = 0
        var removed = 0

        var unchanged: Int { trusted + compared }
    }

    /// Syncs `root` to `files` and returns what it did with the record of the folder it leaves, for the
    /// manifest. `recorded` is the manifest's record of `root`, if it has one: a file whose `lstat`
    /// matches it is compared by digest, without being read.
    static func sync(_ files: [OutputFile], into root: String, recorded: FolderRecord? = nil) throws -> (
        summary: Summary, record: FolderRecord?
    ) {
        // With each file's status when there is a record to check it against.
        let existing = FolderWalk.entries(under: root, withStatus: recorded != nil)
        let wanted = Set(files.map(\.path))
        var folders: Set<String> = []
        for path in wanted {
            var folder = AtomicPublisher.folder(of: path)
            while !folder.isEmpty, folders.insert(folder).inserted { folder = AtomicPublisher.folder(of: folder) }
        }
        var summary = Summary()
        // Removed first, in path order, so a folder that goes takes what it holds with it.
        var removedFolders: Set<String> = []
        for (path, entry) in existing.sorted(by: { $0.key < $1.key }) {
            if isInside(path, removedFolders) { continue }
            let keep: Bool
            switch entry {
            case .file: keep = wanted.contains(path)
            case .directory: keep = folders.contains(path)
            case .other: keep = false
            }
            guard !keep else { continue }
            let full = root + "/" + path
            if case .directory = entry {
                removedFolders.insert(path)
                try remove(full)
            } else {
                guard unlink(full) == 0 || errno == ENOENT else {
                    throw AtomicPublisher.Failure.io(
                        path: full, reason: "cannot remove the stale file: \(String(cString: strerror(errno)))")
                }
            }
            summary.removed += 1
        }
        for folder in folders.sorted() {
            if case .directory = existing[folder] { continue }
            let full = root + "/" + folder
            if mkdir(full, 0o777) != 0 && errno != EEXIST {
                throw AtomicPublisher.Failure.io(path: full, reason: "cannot create the folder: \(String(cString: strerror(errno)))")
            }
        }
        let fileMode = defaultFileMode()
        // Shares of about one size in bytes (a file costs its digest, and some fixed work besides),
        // four a core: two of one count each left a core alone with the large pages at the end.
        let chunks = ParallelMap.ranges(
            weights: files.map { $0.bytes.count + 4096 }, parts: files.count < 64 ? 1 : ProcessInfo.processInfo.activeProcessorCount * 4)
        // SHA-256 of every new file, on every core: the record of the new site needs them all, and a
        // file whose status matches the recorded one is compared by them instead of being read.
        let results = ParallelMap.map(chunks) { range -> Result<Chunk, AtomicPublisher.Failure> in
            var chunk = Chunk()
            var buffer: [UInt8] = []
            for index in range {
                let file = files[index]
                let path = root + "/" + file.path
                let digest = ContentDigest(of: file.bytes)
                if case .file(let status) = existing[file.path] {
                    if let recorded, let status, let before = recorded.digest(of: file.path, status: status, mode: fileMode) {
                        if before == digest {
                            chunk.trusted += 1
                            chunk.records.append((file.path, FileRecord(status, digest: digest)))
                            continue
                        }
                        // Known to differ: rewritten without reading it.
                    } else if let status = holds(path, file.bytes, mode: fileMode, buffer: &buffer) {
                        chunk.compared += 1
                        chunk.records.append((file.path, FileRecord(status, digest: digest)))
                        continue
                    }
                    // A new file, not the old one rewritten: a hard link to it elsewhere (a backup
                    // made with `cp -l` or `rsync --link-dest`) keeps the bytes it had.
                    unlink(path)
                }
                guard let status = AtomicPublisher.writeFile(path, file.bytes) else {
                    return .failure(.io(path: path, reason: "cannot write the file"))
                }
                chunk.written += 1
                chunk.records.append((file.path, FileRecord(status, digest: digest)))
            }
            return .success(chunk)
        }
        var records: [String: FileRecord] = [:]
        records.reserveCapacity(files.count)
        for result in results {
            switch result {
            case .success(let chunk):
                summary.written += chunk.written
                summary.trusted += chunk.trusted
                summary.compared += chunk.compared
                for (path, record) in chunk.records { records[path] = record }
            case .failure(let failure): throw failure
            }
        }
        return (summary, FolderRecord(of: root, files: records))
    }

    /// What one core did with its share of the files.
    private struct Chunk: Sendable {
        var written = 0
        var trusted = 0
        var compared = 0
        var records: [(String, FileRecord)] = []
    }

    /// True when one of the folders holding `path` is in `folders`.
    private static func isInside(_ path: String, _ folders: Set<String>) -> Bool {
        guard !folders.isEmpty else { return false }
        var folder = AtomicPublisher.folder(of: path)
        while !folder.isEmpty {
            if folders.contains(folder) { return true }
            folder = AtomicPublisher.folder(of: folder)
        }
        return false
    }

    /// The status of the file at `path` when it is a regular file of `mode` holding exactly `bytes`,
    /// else nil; read into `buffer`, kept from file to file (a fresh zeroed array per file was a third
    /// of the comparing).
    private static func holds(_ path: String, _ bytes: [UInt8], mode: mode_t, buffer: inout [UInt8]) -> stat? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_mode & 0o7777 == mode,
            Int(status.st_size) == bytes.count
        else { return nil }
        guard !bytes.isEmpty else { return status }
        if buffer.count < bytes.count { buffer = [UInt8](repeating: 0, count: bytes.count) }
        var done = 0
        let complete = buffer.withUnsafeMutableBytes { target -> Bool in
            while done < bytes.count {
                let n = read(fd, target.baseAddress! + done, bytes.count - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return false }
                done += n
            }
            return true
        }
        guard complete else { return nil }
        let same = buffer.withUnsafeBytes { onDisk in
            bytes.withUnsafeBytes { memcmp(onDisk.baseAddress!, $0.baseAddress!, bytes.count) == 0 }
        }
        return same ? status : nil
    }

    /// The mode a file written now gets (0666 less the umask): a kept file with another mode (a
    /// `chmod` since) is written again, so a rebuild gives what a fresh build gives.
    private static func defaultFileMode() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return 0o666 & ~mask
    }

    private static func remove(_ path: String) throws {
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw AtomicPublisher.Failure.io(path: path, reason: "cannot remove the stale folder: \(error.localizedDescription)")
        }
    }
}
