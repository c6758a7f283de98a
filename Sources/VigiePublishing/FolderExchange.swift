// Swaps two folders in one step where the kernel can, so the output path never stops existing.

import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `renameat2(…, RENAME_EXCHANGE)` on Linux (3.15 and later, on most file systems), `renamex_np(…,
/// RENAME_SWAP)` on macOS. Publishing by two renames (old site aside, new site in) left an instant
/// in which the output folder did not exist, and a reader polling it saw that.
enum FolderExchange {
    enum Outcome: Equatable {
        case exchanged
        /// The system or the file system cannot exchange (`ENOSYS`, `EINVAL`, `ENOTSUP`, no such
        /// call): the caller falls back to two renames.
        case unsupported
        /// It can, but this exchange failed (`errno`'s text).
        case failed(String)
    }

    /// Exchanges the folders (or files) at `first` and `second`, which both exist.
    static func exchange(_ first: String, _ second: String) -> Outcome {
        #if os(Linux)
            guard let renameat2 = linuxRenameat2 else { return .unsupported }
            // Swift's Glibc module does not export renameat2 or RENAME_EXCHANGE (1 << 1, linux/fs.h).
            let result = renameat2(AT_FDCWD, first, AT_FDCWD, second, 1 << 1)
        #elseif canImport(Darwin)
            let result = renamex_np(first, second, UInt32(RENAME_SWAP))
        #else
            let result: Int32 = -1
            errno = ENOSYS
        #endif
        if result == 0 { return .exchanged }
        let code = errno
        if code == ENOSYS || code == EINVAL || code == ENOTSUP || code == EOPNOTSUPP { return .unsupported }
        return .failed(String(cString: strerror(code)))
    }

    #if os(Linux)
        private typealias Renameat2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

        /// glibc's `renameat2` (2.28 and later), looked up once; nil on a C library without it.
        private static let linuxRenameat2: Renameat2? = {
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
            return unsafeBitCast(symbol, to: Renameat2.self)
        }()
    #endif
}
