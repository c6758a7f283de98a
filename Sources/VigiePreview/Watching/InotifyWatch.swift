// The kernel's file notifications (Linux inotify) on every folder under the watched roots: the
// preview waits on them instead of scanning the tree. Folders made later are watched as they appear.

#if os(Linux)
    import Foundation
    import Glibc

    /// One inotify instance watching every folder under `roots` (hidden folders aside, as the scan).
    /// Not thread-safe: `FolderWatcher` uses it from one thread at a time.
    final class InotifyWatch {
        /// Why the kernel's notifications cannot be used (the watcher then scans instead).
        struct Unavailable: Error, CustomStringConvertible {
            let description: String
        }

        /// What happened since the last read.
        struct Batch {
            var paths: [String] = []
            /// The kernel's queue overflowed: events were lost, the whole tree was watched again.
            var overflowed = false
        }

        let descriptor: Int32
        private let roots: [String]
        private let watchLimit: Int?
        /// Watch descriptor → folder path.
        private var folders: [Int32: String] = [:]
        private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

        private static let mask: UInt32 =
            UInt32(IN_CREATE) | UInt32(IN_DELETE) | UInt32(IN_MODIFY) | UInt32(IN_CLOSE_WRITE) | UInt32(IN_ATTRIB)
            | UInt32(IN_MOVED_FROM) | UInt32(IN_MOVED_TO) | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF) | UInt32(IN_ONLYDIR)

        /// - Parameter watchLimit: for tests, behave as if the kernel refused watches beyond this many
        ///   (`ENOSPC`, as when `fs.inotify.max_user_watches` is reached).
        init(roots: [String], watchLimit: Int? = nil) throws(Unavailable) {
            let fd = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
            guard fd >= 0 else { throw Unavailable(description: "inotify_init1: \(String(cString: strerror(errno)))") }
            descriptor = fd
            self.roots = roots
            self.watchLimit = watchLimit
            // Every property is set: if this throws, `deinit` runs and closes the descriptor (closing
            // it here as well would close whatever file reused the number meanwhile).
            for root in roots {
                try addRoot(root)
                _ = try addTree(under: root)
            }
        }

        deinit { close(descriptor) }

        /// How many folders are watched.
        var folderCount: Int { folders.count }

        /// Reads every queued event without waiting.
        func read() throws(Unavailable) -> Batch {
            var batch = Batch()
            while true {
                let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
                if count < 0 {
                    if errno == EINTR { continue }
                    if errno == EAGAIN || errno == EWOULDBLOCK { break }
                    throw Unavailable(description: "reading inotify events: \(String(cString: strerror(errno)))")
                }
                if count == 0 { break }
                try handleEvents(count: count, into: &batch)
            }
            return batch
        }

        // MARK: - Events

        private func handleEvents(count: Int, into batch: inout Batch) throws(Unavailable) {
            // `struct inotify_event`: wd, mask, cookie, len (4 bytes each), then `len` bytes of
            // NUL-padded name. The name is a flexible array member, so the bytes are read by hand.
            var offset = 0
            while offset + 16 <= count {
                let (wd, mask, length) = buffer.withUnsafeBytes { raw in
                    (
                        raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                        raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                        Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    )
                }
                let nameBytes = buffer[(offset + 16)..<min(count, offset + 16 + length)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset += 16 + length
                try handle(wd: wd, mask: mask, name: name, into: &batch)
            }
        }

        private func handle(wd: Int32, mask: UInt32, name: String, into batch: inout Batch) throws(Unavailable) {
            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                // Events were dropped: whatever happened, watch every folder again and report it all.
                batch.overflowed = true
                for root in roots {
                    try addRoot(root)
                    batch.paths += try addTree(under: root)
                }
                return
            }
            if mask & UInt32(IN_IGNORED) != 0 {
                folders[wd] = nil
                return
            }
            guard let folder = folders[wd] else { return }
            if mask & (UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)) != 0 {
                if roots.contains(folder) {
                    throw Unavailable(description: "\(folder) was removed or moved")
                }
                return
            }
            if name.hasPrefix(".") { return }
            let path = folder + "/" + name
            batch.paths.append(path)
            guard mask & UInt32(IN_ISDIR) != 0 else { return }
            if mask & UInt32(IN_MOVED_FROM) != 0 {
                forget(under: path)
            } else if mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0 {
                // Files may have been written in it before its watch was in place: report them too.
                batch.paths += try addTree(at: path)
            }
        }

        // MARK: - Watches

        private func addRoot(_ root: String) throws(Unavailable) {
            // A root may be a link to a folder (a templates folder can be): it is followed.
            let wd = inotify_add_watch(descriptor, root, Self.mask)
            guard wd >= 0 else {
                let reason = String(cString: strerror(errno))
                throw Unavailable(description: "cannot watch \(root): \(reason)")
            }
            folders[wd] = root
        }

        /// Watches `folder` and every folder under it; returns the files found in them.
        private func addTree(at folder: String) throws(Unavailable) -> [String] {
            try add(folder)
            return try addTree(under: folder)
        }

        /// Watches every folder under `folder` (not `folder` itself); returns the files found.
        private func addTree(under folder: String) throws(Unavailable) -> [String] {
            var files: [String] = []
            guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return files }
            while let relative = enumerator.nextObject() as? String {
                let path = folder + "/" + relative
                if (relative as NSString).lastPathComponent.hasPrefix(".") {
                    enumerator.skipDescendants()
                    continue
                }
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                if (info.st_mode & S_IFMT) == S_IFDIR {
                    try add(path)
                } else {
                    files.append(path)
                }
            }
            return files
        }

        private func add(_ folder: String) throws(Unavailable) {
            if let watchLimit, folders.count >= watchLimit, !folders.values.contains(folder) {
                throw Unavailable(description: "the limit of \(watchLimit) inotify watches is reached")
            }
            let wd = inotify_add_watch(descriptor, folder, Self.mask | UInt32(IN_DONT_FOLLOW))
            if wd >= 0 {
                folders[wd] = folder
                return
            }
            switch errno {
            case ENOSPC:
                throw Unavailable(description: "the system's limit of inotify watches is reached (fs.inotify.max_user_watches)")
            case ENOMEM:
                throw Unavailable(description: "no memory for more inotify watches")
            default:
                // Gone already, or unreadable: the scan would not see into it either.
                return
            }
        }

        /// Stops watching a folder moved away and every folder under it (a move back re-adds them).
        private func forget(under path: String) {
            for (wd, folder) in folders where folder == path || folder.hasPrefix(path + "/") {
                inotify_rm_watch(descriptor, wd)
                folders[wd] = nil
            }
        }
    }
#endif
