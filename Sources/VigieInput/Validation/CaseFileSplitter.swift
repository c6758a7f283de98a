// Where to cut a large case file so its chunks can be validated in parallel: at record boundaries,
// with the line number each chunk starts on, so every diagnostic keeps its exact line.

import VigieSupport

/// The first byte and the line of each chunk after the first.
enum CaseFileSplitter {
    struct ChunkStart: Equatable, Sendable {
        var position: Int
        var line: Int
    }

    /// Cuts `bytes[start...]` (whose first byte is on line `line`) into at most `count` chunks of
    /// about the same size, each after a line feed outside quotes: quote parity, counted from
    /// `start`, tells a record boundary from a line break inside a quoted field in a well-formed
    /// file. A malformed file can fool the parity (a stray quote); the merge then sees that a chunk
    /// did not end where the next one starts and validates the rest sequentially, so the cut is a
    /// guess that is always checked, never trusted.
    ///
    /// Lines are counted as `CSVReader` counts them: LF, CRLF and a lone CR each end one.
    /// (The cut of a 110 MB file in two reads its first half once: 30 ms.) Quotes and line ends are
    /// counted a word at a time (`ByteWords.zeroBytes`): validate 1 M cases 0.545 s to 0.534 s.
    static func chunkStarts(_ bytes: [UInt8], from start: Int, line: Int, count: Int) -> [ChunkStart] {
        guard count > 1, start < bytes.count else { return [] }
        return bytes.withUnsafeBufferPointer { b in
            var starts: [ChunkStart] = []
            var i = start
            var line = line
            var quotes = 0
            for k in 1..<count {
                let target = start + (b.count - start) / count * k
                // Most of the way: count without branching on each byte's kind.
                if i < target {
                    var lineFeeds = 0
                    var carriageReturns = 0
                    var crlfs = 0
                    var q = 0
                    var j = i
                    // The first byte alone: a CR before `start` must not count as the start of a CRLF.
                    if j == start {
                        let c = b[j]
                        q &+= c == 0x22 ? 1 : 0
                        lineFeeds &+= c == 0x0A ? 1 : 0
                        carriageReturns &+= c == 0x0D ? 1 : 0
                        j += 1
                    }
                    // Then eight bytes at a time, with the word one byte back for the CR of a CRLF.
                    let raw = UnsafeRawPointer(b.baseAddress!)
                    while j + 8 <= target {
                        let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: j, as: UInt64.self))
                        let before = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: j - 1, as: UInt64.self))
                        let lf = ByteWords.zeroBytes(w ^ 0x0A0A_0A0A_0A0A_0A0A)
                        q &+= ByteWords.zeroBytes(w ^ 0x2222_2222_2222_2222).nonzeroBitCount
                        lineFeeds &+= lf.nonzeroBitCount
                        carriageReturns &+= ByteWords.zeroBytes(w ^ 0x0D0D_0D0D_0D0D_0D0D).nonzeroBitCount
                        crlfs &+= (lf & ByteWords.zeroBytes(before ^ 0x0D0D_0D0D_0D0D_0D0D)).nonzeroBitCount
                        j += 8
                    }
                    for j in j..<target {
                        let c = b[j]
                        q &+= c == 0x22 ? 1 : 0
                        lineFeeds &+= c == 0x0A ? 1 : 0
                        carriageReturns &+= c == 0x0D ? 1 : 0
                        // A CR at `target - 1` followed by its LF at `target` is counted with the LF below.
                        crlfs &+= c == 0x0A && j > start && b[j - 1] == 0x0D ? 1 : 0
                    }
                    if target < b.count, b[target] == 0x0A, b[target - 1] == 0x0D { carriageReturns -= 1 }
                    quotes &+= q
                    line += lineFeeds + carriageReturns - crlfs
                    i = target
                }
                // Then on to the first line feed outside quotes.
                var found = false
                while i < b.count {
                    let c = b[i]
                    i += 1
                    if c == 0x22 {
                        quotes &+= 1
                    } else if c == 0x0A {
                        line += 1
                        if quotes & 1 == 0 {
                            found = true
                            break
                        }
                    } else if c == 0x0D, i >= b.count || b[i] != 0x0A {
                        line += 1
                    }
                }
                guard found, i < b.count else { break }
                starts.append(ChunkStart(position: i, line: line))
            }
            return starts
        }
    }
}

extension CaseFileSplitter {
    /// The offset just after the last line feed of `bytes` outside quotes, by quote parity counted
    /// from the first byte (a record boundary): where a window of a large file is cut. Nil when no
    /// record ends in `bytes`. Quotes are counted a word at a time, then the end is walked back to
    /// its last line feed: a 64 MB window costs one pass of `ByteWords.zeroBytes`.
    static func lastRecordEnd(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return nil }
            let raw = UnsafeRawPointer(base)
            var quotes = 0
            var i = 0
            while i + 8 <= b.count {
                let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                quotes &+= ByteWords.zeroBytes(w ^ 0x2222_2222_2222_2222).nonzeroBitCount
                i += 8
            }
            while i < b.count {
                quotes &+= b[i] == 0x22 ? 1 : 0
                i += 1
            }
            // Walking back, `quotes` is the count before `j`: a line feed there ends a record when it is even.
            var j = b.count - 1
            while j >= 0 {
                let c = b[j]
                if c == 0x22 {
                    quotes -= 1
                } else if c == 0x0A, quotes & 1 == 0 {
                    return j + 1
                }
                j -= 1
            }
            return nil
        }
    }
}
