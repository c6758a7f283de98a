// Publish stage, on a rebuild: what the previous site's folder holds, for `StagingSync` to compare
// with the new site.

import Foundation

/// Every entry under a folder, by path relative to it, without following symbolic links. With
/// `readdir`'s entry types, not an `lstat` per entry (nor `FileManager`): the walk of a site of 10,000
/// notes (10,322 files in 10,164 folders) took 0.25 s of a 0.52 s write stage with `FileManager` and
/// `lstat`, 0.14–0.21 s with `readdir` on one core.
enum FolderWalk {
    enum Entry: Sendable {
        /// A regular file, with its status when it was asked for (`fstatat` on the open folder, by the
        /// thread that lists it); else its size and mode are read by the thread that compares it.
        case file(stat?)
        case directory
        /// A symbolic link, a socket, a device: never part of a site, always removed.
        case other
    }

    /// Threads listing folders at once. With a cold page cache the walk waits on the disk, one folder
    /// (and its files' inodes) at a time per thread, and the virtual disk serves many at once. The
    /// 1 M-case site's walk with the files' status, cold, under a load of 3.5: 0.54–0.71 s on 2
    /// threads, 0.29–0.48 s on 8, 0.23–0.41 s on 16; warm it is CPU work, 0.06–0.11 s whatever the count.
    static let threads = 16

    /// The entries under `root`; `withStatus`: each regular file's `lstat` too (a site manifest's record
    /// is checked against it), read on the walking threads, which wait on the disk in parallel.
    static func entries(under root: String, withStatus: Bool) -> [String: Entry] {
        var found: [String: Entry] = [:]
        var pending = [""]
        // Breadth first on one thread until there are folders enough to share (`notes/` alone holds 10,000).
        while !pending.isEmpty && pending.count < 256 {
            let level = pending
            pending = []
            for folder in level { list(folder, under: root, withStatus: withStatus, into: &found, subfolders: &pending) }
        }
        guard !pending.isEmpty else { return found }
        // Each thread takes the next pending folder and lists everything under it, until none is left.
        let queue = SharedQueue(pending)
        let parts = SharedParts(count: min(threads, pending.count))
        let group = DispatchGroup()
        for index in 0..<parts.count {
            group.enter()
            Thread {
                var entries: [String: Entry] = [:]
                var stack: [String] = []
                while let folder = queue.next() {
                    stack.append(folder)
                    while let next = stack.popLast() {
                        list(next, under: root, withStatus: withStatus, into: &entries, subfolders: &stack)
                    }
                }
                parts.set(index, entries)
                group.leave()
            }.start()
        }
        group.wait()
        for part in parts.all() { found.merge(part) { first, _ in first } }
        return found
    }

    /// The entries of one folder (`relative` to `root`) into `found`, its subfolders appended to `subfolders`.
    private static func list(
        _ relative: String, under root: String, withStatus: Bool, into found: inout [String: Entry], subfolders: inout [String]
    ) {
        guard let directory = opendir(relative.isEmpty ? root : root + "/" + relative) else { return }
        defer { closedir(directory) }
        let descriptor = dirfd(directory)
        while let item = readdir(directory) {
            var kind = Int32(item.pointee.d_type)
            var status = stat()
            var hasStatus = false
            let name = withUnsafeBytes(of: item.pointee.d_name) { raw -> String in
                let cName = raw.baseAddress!.assumingMemoryBound(to: CChar.self)
                // File systems that do not fill in the type (some network ones) are asked with `fstatat`.
                if kind == Int32(DT_UNKNOWN) || (withStatus && kind == Int32(DT_REG)) {
                    hasStatus = fstatat(descriptor, cName, &status, AT_SYMLINK_NOFOLLOW) == 0
                }
                return String(cString: cName)
            }
            if name == "." || name == ".." { continue }
            if kind == Int32(DT_UNKNOWN) {
                guard hasStatus else { continue }
                let format = status.st_mode & S_IFMT
                kind = format == S_IFREG ? Int32(DT_REG) : format == S_IFDIR ? Int32(DT_DIR) : Int32(DT_LNK)
            }
            let path = relative.isEmpty ? name : relative + "/" + name
            switch kind {
            case Int32(DT_REG): found[path] = .file(withStatus && hasStatus ? status : nil)
            case Int32(DT_DIR):
                found[path] = .directory
                subfolders.append(path)
            default: found[path] = .other
            }
        }
    }

    /// The pending folders, handed out one at a time to the walking threads.
    private final class SharedQueue: @unchecked Sendable {
        private let lock = NSLock()
        private let folders: [String]
        private var index = 0

        init(_ folders: [String]) { self.folders = folders }

        func next() -> String? {
            lock.withLock {
                guard index < folders.count else { return nil }
                defer { index += 1 }
                return folders[index]
            }
        }
    }

    /// What each walking thread found, kept until they have all finished.
    private final class SharedParts: @unchecked Sendable {
        private let lock = NSLock()
        private var parts: [[String: Entry]]
        let count: Int

        init(count: Int) {
            self.count = count
            parts = Array(repeating: [:], count: count)
        }

        func set(_ index: Int, _ part: [String: Entry]) { lock.withLock { parts[index] = part } }
        func all() -> [[String: Entry]] { lock.withLock { parts } }
    }
}
