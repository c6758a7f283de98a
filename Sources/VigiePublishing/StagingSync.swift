// Publish stage, on a rebuild: the previous site (kept beside the output after the last swap) is
// brought up to date as the next staging folder, so only the files whose bytes changed are written.

import Foundation
import VigieRendering
import VigieSupport

/// Turns a folder holding an earlier site into exactly `files`: unchanged files are left as they
/// are, changed ones are written as new files, and whatever is not part of the site is removed.
///
/// The folder is a staging folder, never the published one: a build killed half-way leaves the
/// published site whole, and the next run deletes the half-synced folder like any staging leftover.
enum StagingSync {
    /// What a sync did, for the report and the tests.
    struct Summary: Equatable, Sendable {
        var written = 0
        var unchanged = 0
        var removed = 0
    }

    /// What is in the folder, by relative path, as `lstat` sees it (symbolic links are not followed).
    private enum Entry {
        case file(size: Int, mode: mode_t)
        case directory
        /// A symbolic link, a socket, a device: never part of a site, always removed.
        case other
    }

    static func sync(_ files: [OutputFile], into root: String) throws -> Summary {
        let existing = entries(under: root)
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
        let chunkCount = files.count < 64 ? 1 : ProcessInfo.processInfo.activeProcessorCount
        let chunkSize = max((files.count + chunkCount - 1) / max(chunkCount, 1), 1)
        let chunks = stride(from: 0, to: files.count, by: chunkSize).map { $0..<min($0 + chunkSize, files.count) }
        let results = ParallelMap.map(chunks) { range -> Result<Int, AtomicPublisher.Failure> in
            var written = 0
            for index in range {
                let file = files[index]
                let path = root + "/" + file.path
                if case .file(let size, let mode) = existing[file.path] {
                    if size == file.bytes.count && mode == fileMode && holds(path, file.bytes) { continue }
                    // A new file, not the old one rewritten: a hard link to it elsewhere (a backup
                    // made with `cp -l` or `rsync --link-dest`) keeps the bytes it had.
                    unlink(path)
                }
                guard AtomicPublisher.writeFile(path, file.bytes) else {
                    return .failure(.io(path: path, reason: "cannot write the file"))
                }
                written += 1
            }
            return .success(written)
        }
        for result in results {
            switch result {
            case .success(let written): summary.written += written
            case .failure(let failure): throw failure
            }
        }
        summary.unchanged = files.count - summary.written
        return summary
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

    /// Every entry under `root`, by path relative to it, without following symbolic links.
    private static func entries(under root: String) -> [String: Entry] {
        var found: [String: Entry] = [:]
        var pending = [""]
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? root : root + "/" + relative
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names {
                let path = relative.isEmpty ? name : relative + "/" + name
                var status = stat()
                guard lstat(root + "/" + path, &status) == 0 else { continue }
                switch status.st_mode & S_IFMT {
                case S_IFREG: found[path] = .file(size: Int(status.st_size), mode: status.st_mode & 0o7777)
                case S_IFDIR:
                    found[path] = .directory
                    pending.append(path)
                default: found[path] = .other
                }
            }
        }
        return found
    }

    /// True when the file at `path` holds exactly `bytes` (its size is already known to match).
    private static func holds(_ path: String, _ bytes: [UInt8]) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        guard !bytes.isEmpty else { return true }
        var onDisk = [UInt8](repeating: 0, count: bytes.count)
        var done = 0
        let complete = onDisk.withUnsafeMutableBytes { buffer -> Bool in
            while done < buffer.count {
                let n = read(fd, buffer.baseAddress! + done, buffer.count - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return false }
                done += n
            }
            return true
        }
        return complete && onDisk == bytes
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
