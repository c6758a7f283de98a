// An open-addressing hash table keyed by UTF-8 bytes, for the per-row lookups of validation
// (vocabulary keys, case_id uniqueness) without building a String or seeding a `Hasher`.

/// Maps byte strings to small integers. Keys live end to end in one arena; slots hold entry numbers.
struct ByteKeyTable: Sendable, Hashable {
    private var arena: [UInt8] = []
    private var starts: [Int] = [0]
    private(set) var values: [Int] = []
    private var slots: [Int32]
    private var mask: Int

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
    }

    var count: Int { values.count }

    /// The key of entry `entry`, as bytes.
    func key(_ entry: Int) -> ArraySlice<UInt8> { arena[starts[entry]..<starts[entry + 1]] }

    /// FNV-1a, a few cycles a byte (keys are short), then MurmurHash3's finaliser: FNV's low bits
    /// barely change between `VIG-0000001` and `VIG-0000002`, and the probe chains made lookups 13 %
    /// of validating 1 M rows before the finaliser.
    private static func hash(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for c in b { h = (h ^ UInt64(c)) &* 0x100_0000_01b3 }
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        h = h &* 0xc4ce_b9fe_1a85_ec53
        h ^= h >> 33
        return Int(truncatingIfNeeded: h)
    }

    private func equals(_ entry: Int, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[entry], end = starts[entry + 1]
        guard end - start == b.count else { return false }
        for k in 0..<b.count where arena[start + k] != b[k] { return false }
        return true
    }

    /// The entry holding `b`, or the empty slot where it would go.
    private func find(_ b: UnsafeBufferPointer<UInt8>) -> (entry: Int?, slot: Int) {
        var slot = Self.hash(b) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return (nil, slot) }
            if equals(entry, b) { return (entry, slot) }
            slot = (slot + 1) & mask
        }
    }

    /// The entry number of `b`, when present.
    func entry(of b: UnsafeBufferPointer<UInt8>) -> Int? { find(b).entry }

    func value(of b: UnsafeBufferPointer<UInt8>) -> Int? { find(b).entry.map { values[$0] } }

    /// Inserts `b` with `value` unless present; returns the existing entry number when it was.
    @discardableResult
    mutating func insert(_ b: UnsafeBufferPointer<UInt8>, value: Int) -> Int? {
        let (entry, slot) = find(b)
        if let entry { return entry }
        slots[slot] = Int32(values.count)
        arena.append(contentsOf: b)
        starts.append(arena.count)
        values.append(value)
        if values.count * 2 > slots.count { grow() }
        return nil
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for entry in 0..<values.count {
            let slot = arena.withUnsafeBufferPointer { all in
                find(UnsafeBufferPointer(rebasing: all[starts[entry]..<starts[entry + 1]])).slot
            }
            slots[slot] = Int32(entry)
        }
    }
}
