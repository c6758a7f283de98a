// Eight bytes at a time: the word tricks that the byte scans of validation and Markdown share.

/// `@inlinable`: these run inside the scan loops of other modules (the CSV reader, the case-file
/// splitter, the Markdown renderer); a call across the module boundary per word would cost more
/// than the work. `public`, not `package`: Swift 6.3.1 called the `package` ones out of line from
/// other modules all the same (`zeroBytes` four times a word in the CSV reader; making them public
/// took the 1 M-case build from 4.59 to 4.41 CPU seconds, 2.55 s to 2.46 s).
public enum ByteWords {
    /// `byte` in each of a word's eight bytes.
    @inlinable @inline(__always)
    public static func repeated(_ byte: UInt8) -> UInt64 { 0x0101_0101_0101_0101 &* UInt64(byte) }

    /// 0x80 in each byte of `v` that is zero, and nothing else (no borrow runs into the next byte),
    /// so the flags can be counted as well as searched. A byte equal to `x` is a zero byte of
    /// `v ^ repeated(x)`.
    @inlinable @inline(__always)
    public static func zeroBytes(_ v: UInt64) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((v & low7) &+ low7) | v | low7)
    }

    /// The index of the first byte at or after `start` that is not ASCII (or `b.count`).
    @inlinable @inline(__always)
    public static func asciiRunEnd(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        if let base = b.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= b.count, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
        }
        while i < b.count, b[i] < 0x80 { i += 1 }
        return i
    }
}
