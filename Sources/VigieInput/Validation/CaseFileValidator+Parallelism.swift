// How many chunks a large case file is validated in, and from what size.

import Foundation

/// Validating in chunks pays from a few megabytes; below, one pass is as fast and simpler to follow.
public struct CaseFileParallelism: Sendable {
    /// Chunks a large file is cut into (at most; a file with few record boundaries gives fewer).
    public var chunks: Int
    /// Bytes after the header from which a file is cut.
    public var minimumBytes: Int

    public init(chunks: Int, minimumBytes: Int) {
        self.chunks = chunks
        self.minimumBytes = minimumBytes
    }

    /// One chunk per core, for files of 4 MB and more (about 35,000 cases). On 2 cores, 1 M cases
    /// (110 MB): the chunks take 0.66 s each against 1.18 s in one pass; validate 1.43 s to 0.95 s
    /// with the cut (30 ms) and the in-order merge of the case_ids (0.19 s, since registered by
    /// parts on all cores: see `CaseIDRegistry.register(batches:file:)`).
    public static var automatic: CaseFileParallelism {
        CaseFileParallelism(chunks: ProcessInfo.processInfo.activeProcessorCount, minimumBytes: 4 << 20)
    }

    /// One sequential pass whatever the size.
    public static let sequential = CaseFileParallelism(chunks: 1, minimumBytes: .max)
}
