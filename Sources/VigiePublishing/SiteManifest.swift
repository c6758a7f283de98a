// Publish stage: the manifest kept beside the output (`.vigie-manifest-<name>`), which lets the next
// build's staging sync tell unchanged files by their status instead of reading them back.

import Foundation

/// What the last publish knew of the sites beside the output: the record of the folder it published
/// and of the one it retired (kept as `.vigie-previous-<name>`, the next build's staging folder).
///
/// Trusting it is safe because a record is only used for the folder it names (device and inode),
/// only for files whose `lstat` matches it to the nanosecond (ctime included, which no user call can
/// set), only for entries older than its seal, and only in the boot that wrote it. Anything else —
/// no manifest, a truncated or corrupt one (it ends with the SHA-256 of what precedes), another
/// folder, another boot — and the sync reads the files back as it did without a manifest.
struct SiteManifest {
    /// `/proc/sys/kernel/random/boot_id` when it was written. The site's files are not `fsync`ed: after
    /// a crash, a file system without a journal (or with `data=writeback`) can come back with an inode
    /// whose size and times are new but whose blocks are not, which only reading can tell. A crash
    /// means a new boot, so a manifest from another boot is ignored; the first rebuild after a reboot
    /// reads every file, like a rebuild without a manifest.
    var bootID: [UInt8]
    var records: [FolderRecord]

    /// `<parent>/.vigie-manifest-<name>`: beside the output, never inside the published folder.
    static func path(in parent: String, for name: String) -> String {
        parent + "/.vigie-manifest-" + name
    }

    /// The record describing the folder at `path` now, if there is one.
    func record(describing path: String) -> FolderRecord? {
        records.first { $0.describes(path) }
    }

    /// Reads the manifest at `path` and deletes it: from here until a new one is written, the folders it
    /// describes are being changed, and a build killed meanwhile must leave no manifest behind. Nil
    /// when there is none, or it cannot be trusted (corrupt, written in another boot).
    static func take(from path: String) -> SiteManifest? {
        let data = FileManager.default.contents(atPath: path)
        guard unlink(path) == 0 || errno == ENOENT, let data else { return nil }
        guard let manifest = SiteManifest(decoding: [UInt8](data)), let bootID = currentBootID(), manifest.bootID == bootID
        else { return nil }
        return manifest
    }

    /// Deletes the manifest at `path`: the folders it describes are about to be written in place.
    static func forget(at path: String) {
        unlink(path)
    }

    /// Seals the records not yet sealed and writes them to `path`, through `temporary` and a rename so
    /// that a killed build leaves either no manifest or a whole one. Failing costs the next build time
    /// only, so it is not an error.
    static func save(_ records: [FolderRecord], to path: String, through temporary: String) {
        guard let bootID = currentBootID() else { return }
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { return }
        var newest = Int64.min
        for record in records where record.seal == nil {
            for file in record.files.values { newest = max(newest, file.changed) }
        }
        let seal = Self.seal(fd, after: newest)
        var sealed = records
        for index in sealed.indices where sealed[index].seal == nil { sealed[index].seal = seal }
        let bytes = SiteManifest(bootID: bootID, records: sealed).encoded()
        let written = bytes.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { return false }
                offset += count
            }
            return true
        }
        guard close(fd) == 0, written, rename(temporary, path) == 0 else {
            unlink(temporary)
            return
        }
    }

    /// The file system's clock, read as the ctime of the temporary manifest once touched, waited for
    /// until it is past `newest` (the last ctime recorded): at most a clock tick (4 ms at HZ=250; with
    /// multigrain timestamps, Linux 6.13 and later, usually none). Entries at or after the seal are
    /// never trusted; waiting makes them none, so a small site built twice within a tick is still
    /// told by its manifest.
    private static func seal(_ fd: Int32, after newest: Int64) -> Int64 {
        var now = Int64.min
        for _ in 0..<50 {
            var status = stat()
            guard futimens(fd, nil) == 0, fstat(fd, &status) == 0 else { return Int64.min }
            now = FileRecord.nanoseconds(status.changeTime)
            if now > newest { break }
            usleep(1_000)
        }
        return now
    }

    /// This boot's identifier; nil where there is none to read (then no manifest is written or trusted).
    static func currentBootID() -> [UInt8]? {
        #if os(Linux)
            guard let data = FileManager.default.contents(atPath: "/proc/sys/kernel/random/boot_id"), !data.isEmpty else { return nil }
            return [UInt8](data)
        #elseif canImport(Darwin)
            var size = 0
            guard sysctlbyname("kern.bootsessionuuid", nil, &size, nil, 0) == 0, size > 0 else { return nil }
            var bytes = [UInt8](repeating: 0, count: size)
            guard sysctlbyname("kern.bootsessionuuid", &bytes, &size, nil, 0) == 0 else { return nil }
            return Array(bytes.prefix(size))
        #else
            return nil
        #endif
    }
}
