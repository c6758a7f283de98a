// A case file read a window at a time: ten million cases are 1.1 GB of CSV, more than the whole
// build may hold, while validating them needs only one stretch of the file at once.

import Foundation
import VigieSupport

extension CaseFileValidator {
    /// Bytes of a case file held at once. 64 MB: about 580,000 cases, each window still cut into one
    /// chunk per core; a file up to this size is read whole, as before windows existed.
    public static var defaultWindowBytes: Int { 64 << 20 }

    /// Reads and validates the case file at `path` in windows of about `windowBytes`, each cut after
    /// the last record that ends in it, and gives the same records and diagnostics as
    /// `validate(bytes:path:into:)` on the whole file.
    ///
    /// A window ends where quote parity, counted from its first byte (a record boundary), says a
    /// record ends. That is exact in a well-formed file; only a misplaced quote can fool it, and the
    /// reader counts those (`CSVReader.quoteProblems`). A window whose chunks met one is not merged:
    /// the rest of the file, from that window's first byte, is validated in one piece instead, so
    /// even a broken file gets a single pass's messages (and costs its size in memory).
    public mutating func validate(fileAt path: String, windowBytes: Int = defaultWindowBytes, into diagnostics: inout [Diagnostic]) {
        let descriptor: Int32
        let size: Int
        switch TextFile.openRegularFile(path, limit: .max) {
        case .success(let opened): (descriptor, size) = opened
        case .failure(let failure):
            diagnostics.append(.error(failure.message, at: .wholeFile(path)))
            return
        }
        defer { close(descriptor) }
        guard size > windowBytes else {
            guard let bytes = FileWindow.read(descriptor, at: 0, count: size) else {
                diagnostics.append(.error(TextFile.Failure.unreadable.message, at: .wholeFile(path)))
                return
            }
            validate(bytes: bytes, path: path, into: &diagnostics)
            return
        }
        var found = FileDiagnostics()
        var stream = FileByteStream(descriptor: descriptor, size: size)
        if !validate(stream: &stream, windowBytes: windowBytes, path: path, into: &found) {
            found.append(.error(TextFile.Failure.unreadable.message, at: .wholeFile(path)))
        }
        diagnostics.append(contentsOf: found.all)
    }

    /// Validates the bytes `stream` gives as one case file named `path`, a window at a time, merged
    /// in order; false when the stream failed. `scanned` sees each window as it was validated: a
    /// reader at the window's first record (the header, for the first) and the diagnostics kept so far.
    mutating func validate<Stream: CaseByteStream>(
        stream: inout Stream, windowBytes: Int, path: String, into found: inout FileDiagnostics,
        scanned: (CSVReader, FileDiagnostics) -> Void = { _, _ in }
    ) -> Bool {
        var carried: [UInt8] = []
        var previous: CSVReader?
        var layout: ColumnLayout?
        var wholeRest = false
        while !stream.isAtEnd || !carried.isEmpty {
            // A carried record longer than a window reads another whole window (it must move on).
            let count = carried.count < windowBytes ? windowBytes - carried.count : windowBytes
            guard var window = stream.read(wholeRest ? nil : count, after: carried) else { return false }
            carried = []
            if !stream.isAtEnd {
                // One record longer than the window: read on until it ends.
                guard let end = CaseFileSplitter.lastRecordEnd(window) else {
                    carried = window
                    continue
                }
                carried = Array(window[end...])
                window.removeSubrange(end...)
            }
            let reader: CSVReader
            var headerDiagnostics: [Diagnostic] = []
            if let previous {
                reader = CSVReader(continuing: previous, bytes: window)
            } else {
                guard let start = readHeader(bytes: window, path: path, into: &headerDiagnostics), start.1 != nil else {
                    // No usable header, or nothing but blank lines so far: rare, read the rest and validate it whole.
                    guard let bytes = stream.isAtEnd && carried.isEmpty ? window : stream.read(nil, after: window + carried) else {
                        return false
                    }
                    var diagnostics: [Diagnostic] = []
                    validate(bytes: bytes, path: path, into: &diagnostics)
                    found.append(contentsOf: diagnostics)
                    scanned(CSVReader(bytes: bytes, path: path), found)
                    return true
                }
                (reader, layout) = start
            }
            var chunks = validateChunks(from: reader, layout: layout)
            if !wholeRest, !stream.isAtEnd || !carried.isEmpty, chunks.contains(where: { $0.reader.quoteProblems > 0 }) {
                // The cut may not be a record boundary: this window and the rest of the stream in one piece.
                carried = window + carried
                wholeRest = true
                continue
            }
            let isFirst = previous == nil
            if isFirst {
                paths.append(path)
                found.append(contentsOf: headerDiagnostics)
                if let total = stream.totalBytes, total > window.count { expectIDs(after: chunks, of: window.count, in: total) }
            }
            merge(&chunks, layout: layout, into: &found)
            // Invalid UTF-8 is reported once per file: the next window knows if any chunk so far did.
            var last = chunks[chunks.count - 1].reader
            last.reportedInvalidUTF8 = chunks.contains { $0.reader.reportedInvalidUTF8 } || previous?.reportedInvalidUTF8 == true
            previous = last
            scanned(isFirst ? CSVReader(bytes: window, path: path) : reader, found)
        }
        return true
    }
}

extension CaseFileValidator {
    /// Makes room in the case_id registry, once, for the ids of a whole stream of `total` bytes, from
    /// the first window's (`bytes` long) `chunks`, 2 % more: grown window by window instead, its
    /// arrays ended up to half again too large (the id bytes twice), and each growth held the old and
    /// the new arrays at once. 10 M cases alone: peak memory 749 → 651 MiB.
    mutating func expectIDs(after chunks: [CaseChunkValidator.Result], of bytes: Int, in total: Int) {
        let ids = chunks.reduce(0) { $0 + $1.pendingIDs.count }
        guard ids > 0, bytes > 0 else { return }
        let idBytes = chunks.reduce(0) { sum, chunk in chunk.pendingIDs.reduce(sum) { $0 + $1.id.utf8.count } }
        let expected = Int(Double(ids) * Double(total) / Double(bytes) * 1.02)
        seenIDs.expect(expected, bytesPerID: (idBytes + ids - 1) / ids)
    }
}

/// Where a case file's bytes come from, a stretch at a time: a file, or the rows of a database query.
protocol CaseByteStream {
    /// How many bytes the stream holds in all, when it is known before reading them (a file's size).
    var totalBytes: Int? { get }
    /// The next bytes after `prefix`: about `count` of them (a source that gives whole rows may end
    /// a little past), or all that is left when `count` is nil; nil when reading failed.
    mutating func read(_ count: Int?, after prefix: [UInt8]) -> [UInt8]?
    /// True once every byte has been read.
    var isAtEnd: Bool { get }
}

extension CaseByteStream {
    var totalBytes: Int? { nil }
}

/// A case file's bytes, read with `pread` from an open descriptor.
struct FileByteStream: CaseByteStream {
    let descriptor: Int32
    let size: Int
    private var offset = 0

    var totalBytes: Int? { size }

    init(descriptor: Int32, size: Int) {
        self.descriptor = descriptor
        self.size = size
    }

    var isAtEnd: Bool { offset >= size }

    mutating func read(_ count: Int?, after prefix: [UInt8]) -> [UInt8]? {
        let want = min(count ?? .max, size - offset)
        guard let bytes = FileWindow.read(descriptor, at: offset, count: want, after: prefix) else { return nil }
        offset += want
        return bytes
    }
}

/// Reading a stretch of a file into a new array.
enum FileWindow {
    /// `count` bytes at `offset`, after `prefix`; nil on a read error or an early end of file.
    /// A large stretch is read in one part per core: the copy from the page cache and the page
    /// faults of the new array were a sequential 0.07–0.10 s of validating 1 M cases (108 MB).
    static func read(_ descriptor: Int32, at offset: Int, count: Int, after prefix: [UInt8] = []) -> [UInt8]? {
        let total = prefix.count + count
        guard total > 0 else { return [] }
        var complete = false
        let bytes = [UInt8](unsafeUninitializedCapacity: total) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            prefix.withUnsafeBufferPointer { if let source = $0.baseAddress { base.initialize(from: source, count: prefix.count) } }
            let parts = count < 8 << 20 ? 1 : ProcessInfo.processInfo.activeProcessorCount
            let partSize = (count + parts - 1) / parts
            let target = DisjointWrites(base: base + prefix.count)
            let read = ParallelMap.map(Array(0..<parts)) { part -> Bool in
                let start = part * partSize
                guard start < count else { return true }
                return readFully(descriptor, into: target.base + start, count: min(partSize, count - start), at: offset + start)
            }
            complete = read.allSatisfy { $0 }
            initialized = complete ? total : 0
        }
        return complete ? bytes : nil
    }

    /// Reads `count` bytes at `offset`; false on an error or an early end of file.
    private static func readFully(_ descriptor: Int32, into buffer: UnsafeMutablePointer<UInt8>, count: Int, at offset: Int) -> Bool {
        var done = 0
        while done < count {
            let n = pread(descriptor, buffer + done, count - done, off_t(offset + done))
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            done += n
        }
        return true
    }
}
