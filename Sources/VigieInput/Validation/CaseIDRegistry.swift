// case_id uniqueness across the case files of a build, in compact tables of the id bytes.

import VigieSupport

/// The first place each case_id was seen. ASCII ids (every synthetic and exported id so far) go
/// into `ByteKeyTable`s (the `[String: …]` dictionary's inserts and resizes were 4 % of validating
/// 1 M rows, its hashing part of another 17 %; see `ColumnLayout.field(of:)` for the step's figure).
/// The first id with another byte moves everything to the dictionary, whose `String` keys compare
/// by canonical equivalence, so the answers stay the same.
///
/// The tables are split by hash into `partCount` parts: an id and its duplicates always land in the
/// same part, so the parts can register a large file's ids on all cores, each in file order
/// (`register(batches:file:)`).
struct CaseIDRegistry {
    /// One part's ids: the value of each entry of `table` is where the id was first seen, its file
    /// in the high 32 bits and its line in the low 32 (two arrays of their own were 8 bytes more per id).
    struct Part {
        var table = ByteKeyTable(capacity: 1024)

        mutating func register(_ b: UnsafeBufferPointer<UInt8>, hash: UInt64, file: Int, line: Int) -> (file: Int, line: Int)? {
            let place = Int(truncatingIfNeeded: UInt64(UInt32(truncatingIfNeeded: file)) << 32 | UInt64(UInt32(truncatingIfNeeded: line)))
            guard let first = table.insert(b, value: place, hash: hash) else { return nil }
            return Self.place(table.values[first])
        }

        /// The file and line a value of `table` holds.
        static func place(_ value: Int) -> (file: Int, line: Int) {
            let bits = UInt64(bitPattern: Int64(value))
            return (Int(bits >> 32), Int(bits & 0xFFFF_FFFF))
        }
    }

    /// A case_id to register, as `CaseChunkValidator` keeps it.
    typealias Pending = CaseChunkValidator.PendingID

    /// A duplicate found among batches: the pending id at `index` of its batch, first seen at `first`.
    struct Duplicate {
        var index: Int
        var first: (file: Int, line: Int)
    }

    static let partCount = 2
    private var parts = (0..<CaseIDRegistry.partCount).map { _ in Part() }
    private var dictionary: [String: (file: Int, line: Int)]?

    /// The part of an id: bits of the hash that neither the slot index (low bits) nor the tag (high 32) depend on alone.
    static func part(ofHash hash: UInt64) -> Int { Int(truncatingIfNeeded: (hash >> 24) & 0xFF) % partCount }

    /// Registers `id` seen at `file`, `line`; returns where it was first seen when it is a duplicate.
    mutating func register(_ id: String, file: Int, line: Int) -> (file: Int, line: Int)? {
        if dictionary == nil {
            var utf8 = id
            let outcome: (ascii: Bool, first: (file: Int, line: Int)?) = utf8.withUTF8 { b in
                guard !b.contains(where: { $0 >= 0x80 }) else { return (false, nil) }
                let hash = ByteKeyTable.hash(b)
                return (true, parts[Self.part(ofHash: hash)].register(b, hash: hash, file: file, line: line))
            }
            if outcome.ascii { return outcome.first }
            var all: [String: (file: Int, line: Int)] = [:]
            for part in parts {
                for entry in 0..<part.table.count {
                    all[String(decoding: part.table.key(entry), as: UTF8.self)] = Part.place(part.table.values[entry])
                }
            }
            dictionary = all
            parts = (0..<Self.partCount).map { _ in Part() }
        }
        if let first = dictionary![id] { return first }
        dictionary![id] = (file, line)
        return nil
    }

    /// Makes room for about `ids` ids in all, of about `bytesPerID` bytes each, so that registering
    /// them grows nothing on the way (a case file's size tells it once its first window is read).
    mutating func expect(_ ids: Int, bytesPerID: Int) {
        guard dictionary == nil else { return }
        let perPart = ids / Self.partCount + 4 * Int(Double(ids).squareRoot())
        for p in parts.indices {
            parts[p].table.reserveCapacity(parts[p].table.count + perPart, keyBytes: perPart * bytesPerID)
        }
    }

    /// Registers the ids of consecutive batches (the chunks of one file, in order) seen in `file`;
    /// returns each batch's duplicates in order. When every id is ASCII, the parts work on all cores
    /// (1 M cases on 2 cores: validate 1.05 s to 0.97 s, medians of 7).
    mutating func register(batches: [[Pending]], file: Int) -> [[Duplicate]] {
        let total = batches.reduce(0) { $0 + $1.count }
        guard dictionary == nil, total >= 10_000, batches.allSatisfy({ $0.allSatisfy(\.isASCII) }) else {
            return batches.map { batch in
                batch.indices.compactMap { i in
                    register(batch[i].id, file: file, line: Int(batch[i].line)).map { Duplicate(index: i, first: $0) }
                }
            }
        }
        // Each part moves into a box of its own, so its task mutates it in place (no copy on write).
        // A uniform hash puts total / partCount ids in each part, give or take a few √total: room for
        // that, and no more, keeps each part's slots at the power of two it needs (16 MB less at 1 M cases).
        let expected = total / Self.partCount + 4 * Int(Double(total).squareRoot())
        let boxes = parts.map { PartBox($0, reserving: expected) }
        parts = []
        let found = ParallelMap.map(Array(boxes.indices)) { p -> [[Duplicate]] in
            let box = boxes[p]
            return batches.map { batch in
                var duplicates: [Duplicate] = []
                for i in batch.indices where Self.part(ofHash: batch[i].hash) == p {
                    var utf8 = batch[i].id
                    let first = utf8.withUTF8 { b in box.part.register(b, hash: batch[i].hash, file: file, line: Int(batch[i].line)) }
                    if let first { duplicates.append(Duplicate(index: i, first: first)) }
                }
                return duplicates
            }
        }
        parts = boxes.map(\.part)
        return batches.indices.map { k in found.flatMap { $0[k] }.sorted { $0.index < $1.index } }
    }
}

/// One part of the registry while a task of `register(batches:file:)` owns it.
private final class PartBox: @unchecked Sendable {
    var part: CaseIDRegistry.Part

    init(_ part: CaseIDRegistry.Part, reserving additional: Int) {
        self.part = part
        self.part.table.reserveCapacity(part.table.count + additional)
    }
}
