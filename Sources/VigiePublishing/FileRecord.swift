// Publish stage: what the site manifest remembers of one published file, so that the next sync can
// tell it unchanged from its `lstat` instead of reading it back.

import Crypto
import Foundation

/// A file's status when it was last written or checked, and the SHA-256 of the bytes it held then.
struct FileRecord: Equatable, Sendable {
    var size: UInt64
    /// Permission bits and file type (`st_mode`).
    var mode: UInt32
    var inode: UInt64
    /// Modification and status-change times, in nanoseconds since 1970.
    var modified: Int64
    var changed: Int64
    var digest: ContentDigest

    init(size: UInt64, mode: UInt32, inode: UInt64, modified: Int64, changed: Int64, digest: ContentDigest) {
        self.size = size
        self.mode = mode
        self.inode = inode
        self.modified = modified
        self.changed = changed
        self.digest = digest
    }

    /// The record of a file whose status is `status` and whose bytes have `digest`.
    init(_ status: stat, digest: ContentDigest) {
        self.init(
            size: UInt64(status.st_size), mode: UInt32(status.st_mode), inode: UInt64(status.st_ino),
            modified: Self.nanoseconds(status.modificationTime), changed: Self.nanoseconds(status.changeTime), digest: digest)
    }

    /// True when `status` is the status recorded: same size, type and mode, inode, and times to the
    /// nanosecond. The status-change time (ctime) is set by the kernel on every write, `chmod`,
    /// `touch` or rename over the file, and no call sets it back, so a file edited by hand since
    /// (even keeping its size and restoring its mtime) does not match.
    func matches(_ status: stat) -> Bool {
        UInt64(status.st_size) == size && UInt32(status.st_mode) == mode && UInt64(status.st_ino) == inode
            && Self.nanoseconds(status.modificationTime) == modified && Self.nanoseconds(status.changeTime) == changed
    }

    static func nanoseconds(_ time: timespec) -> Int64 {
        Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}

/// A SHA-256, held as four words: compared and stored without an array per file.
struct ContentDigest: Hashable, Sendable {
    var words: (UInt64, UInt64, UInt64, UInt64)

    init(words: (UInt64, UInt64, UInt64, UInt64)) {
        self.words = words
    }

    /// The SHA-256 of `bytes` (swift-crypto's BoringSSL). Not the bottleneck: 1.7 GB/s on one core of
    /// the benchmark machine's EPYC (SHA extensions), 0.12 s for the 1 M-case site's 209 MB, about
    /// 0.06 s of the write stage on its two cores.
    init(of bytes: [UInt8]) {
        let digest = SHA256.hash(data: bytes)
        words = digest.withUnsafeBytes { raw in
            (
                raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
                raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self), raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
            )
        }
    }

    static func == (left: ContentDigest, right: ContentDigest) -> Bool {
        left.words == right.words
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }
}

extension stat {
    /// `st_mtim` / `st_ctim` on Linux, `st_mtimespec` / `st_ctimespec` on Darwin.
    var modificationTime: timespec {
        #if canImport(Darwin)
            st_mtimespec
        #else
            st_mtim
        #endif
    }

    var changeTime: timespec {
        #if canImport(Darwin)
            st_ctimespec
        #else
            st_ctim
        #endif
    }
}
