// An open-addressing hash table keyed by UTF-8 bytes, for the per-row lookups of validation
// (vocabulary keys, case_id uniqueness) without building a String or seeding a `Hasher`.

import Foundation

/// Maps byte strings to small integers. Keys live end to end in one arena; slots hold entry numbers
/// and a tag of the key's hash.
struct ByteKeyTable: Sendable, Hashable {
    private var arena: [UInt8] = []
    private var starts: [Int] = [0]
    private(set) var values: [Int] = []
    /// 0 for an empty slot, else `entry + 1` in the low 32 bits and the hash's high 32 bits above:
    /// a probe compares the tag before reading the key, so inserting a new key touches the slots
    /// only, not `starts` and the arena at random (registering 1 M case_ids, perf samples: 0.36 s to 0.29 s).
    private var slots: [UInt64]
    private var mask: Int

    init(capacity: Int = 16) {
        var size = 16
        while !Self.fits(capacity, in: size) { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
    }

    var count: Int { values.count }

    /// The key of entry `entry`, as bytes.
    func key(_ entry: Int) -> ArraySlice<UInt8> { arena[starts[entry]..<starts[entry + 1]] }

    /// Eight bytes at a time, a multiply per word rather than per byte as FNV-1a did (validate 1 M
    /// cases 0.62 s to 0.60 s), then MurmurHash3's finaliser, without which the low bits barely change
    /// between `VIG-0000001` and `VIG-0000002` and the probe chains grow.
    static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(b.count)
        guard let base = b.baseAddress, b.count > 0 else { return finalized(h) }
        let raw = UnsafeRawPointer(base)
        if b.count < 8 {
            var word: UInt64 = 0
            for k in 0..<b.count { word |= UInt64(b[k]) << UInt64(8 * k) }
            return finalized((h ^ word) &* 0x9e37_79b9_7f4a_7c15)
        }
        // Whole words, then the last eight bytes (overlapping the previous word when the count is
        // not a multiple of eight), so every byte counts.
        var offset = 0
        while offset + 8 < b.count {
            h = ((h ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x9e37_79b9_7f4a_7c15)
            h ^= h >> 29
            offset += 8
        }
        h = (h ^ raw.loadUnaligned(fromByteOffset: b.count - 8, as: UInt64.self)) &* 0x9e37_79b9_7f4a_7c15
        return finalized(h)
    }

    private static func finalized(_ value: UInt64) -> UInt64 {
        var h = value
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        h = h &* 0xc4ce_b9fe_1a85_ec53
        h ^= h >> 33
        return h
    }

    /// One `memcmp`: a loop over the bytes, each checked against the arena's bounds, was most of a
    /// vocabulary lookup (1 M cases, six lookups a row).
    private func equals(_ entry: Int, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[entry], end = starts[entry + 1]
        guard end - start == b.count else { return false }
        guard let key = b.baseAddress, b.count > 0 else { return true }
        return arena.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, key, b.count) == 0 }
    }

    /// The entry holding `b`, or the empty slot where it would go, and the tag it would get.
    private func find(_ b: UnsafeBufferPointer<UInt8>, hash: UInt64? = nil) -> (entry: Int?, slot: Int, tag: UInt64) {
        let h = hash ?? Self.hash(b)
        let tag = h & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let content = slots[slot]
            if content == 0 { return (nil, slot, tag) }
            if content & 0xFFFF_FFFF_0000_0000 == tag {
                let entry = Int(truncatingIfNeeded: content & 0xFFFF_FFFF) - 1
                if equals(entry, b) { return (entry, slot, tag) }
            }
            slot = (slot + 1) & mask
        }
    }

    /// The entry number of `b`, when present.
    func entry(of b: UnsafeBufferPointer<UInt8>) -> Int? { find(b).entry }

    func value(of b: UnsafeBufferPointer<UInt8>) -> Int? { find(b).entry.map { values[$0] } }

    /// Inserts `b` with `value` unless present; returns the existing entry number when it was.
    /// `hash`, when given, is `ByteKeyTable.hash(b)` computed earlier.
    @discardableResult
    mutating func insert(_ b: UnsafeBufferPointer<UInt8>, value: Int, hash: UInt64? = nil) -> Int? {
        let (entry, slot, tag) = find(b, hash: hash)
        if let entry { return entry }
        slots[slot] = tag | UInt64(values.count + 1)
        arena.append(contentsOf: b)
        starts.append(arena.count)
        values.append(value)
        if !Self.fits(values.count, in: slots.count) { rehash(size: slots.count * 2) }
        return nil
    }

    /// Whether `entries` keys fit in `size` slots: at most 70 % full. Linear probing stays short at
    /// that load (about 6 slots looked at for a new key, most in the same cache line), and the
    /// slots are the registry's largest part: 10 M case_ids need 2 × 8 M slots (128 MB) at 70 %,
    /// twice that at 50 %, and the doubling on the way held both sizes at once.
    private static func fits(_ entries: Int, in size: Int) -> Bool { entries * 10 <= size * 7 }

    /// Makes room for `entries` keys in all, so inserting them does not rehash on the way. Called
    /// again as the keys grow (a case file read a window at a time), the arrays grow by half at
    /// least, not by what each call asks: growing by exactly that copied them on every window.
    /// `keyBytes`, when given, is room for the keys' bytes in all (else the arena grows as keys come).
    mutating func reserveCapacity(_ entries: Int, keyBytes: Int? = nil) {
        var size = slots.count
        while !Self.fits(entries, in: size) { size <<= 1 }
        if size > slots.count { rehash(size: size) }
        if entries > values.capacity {
            let grown = values.isEmpty ? entries : max(entries, values.capacity + values.capacity / 2)
            values.reserveCapacity(grown)
            starts.reserveCapacity(grown + 1)
        }
        if let keyBytes, keyBytes > arena.capacity { arena.reserveCapacity(keyBytes) }
    }

    private mutating func rehash(size: Int) {
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        for entry in 0..<values.count {
            let (slot, tag) = arena.withUnsafeBufferPointer { all in
                let found = find(UnsafeBufferPointer(rebasing: all[starts[entry]..<starts[entry + 1]]))
                return (found.slot, found.tag)
            }
            slots[slot] = tag | UInt64(entry + 1)
        }
    }
}
