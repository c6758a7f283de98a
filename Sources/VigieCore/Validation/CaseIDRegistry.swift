// case_id uniqueness across the case files of a build, in a compact table of the id bytes.

/// The first place each case_id was seen. ASCII ids (every synthetic and exported id so far) go
/// into a `ByteKeyTable` (the `[String: …]` dictionary's inserts and resizes were 4 % of validating
/// 1 M rows, its hashing part of another 17 %; see `ColumnLayout.field(of:)` for the step's figure). The first id with another byte moves everything to the dictionary, whose `String`
/// keys compare by canonical equivalence, so the answers stay the same.
struct CaseIDRegistry {
    private var table = ByteKeyTable(capacity: 1024)
    private var lines: [Int32] = []
    private var files: [Int32] = []
    private var dictionary: [String: (file: Int, line: Int)]?

    /// Makes room for `additional` more ids, when a file's size says how many are coming.
    mutating func reserveCapacity(adding additional: Int) {
        guard dictionary == nil else { return }
        table.reserveCapacity(table.count + additional)
        lines.reserveCapacity(table.count + additional)
        files.reserveCapacity(table.count + additional)
    }

    /// Registers `id` seen at `file`, `line`; returns where it was first seen when it is a duplicate.
    mutating func register(_ id: String, file: Int, line: Int) -> (file: Int, line: Int)? {
        if dictionary == nil {
            var utf8 = id
            let outcome: (ascii: Bool, first: Int?) = utf8.withUTF8 { b in
                guard !b.contains(where: { $0 >= 0x80 }) else { return (false, nil) }
                return (true, table.insert(b, value: 0))
            }
            if outcome.ascii {
                if let first = outcome.first { return (Int(files[first]), Int(lines[first])) }
                files.append(Int32(truncatingIfNeeded: file))
                lines.append(Int32(truncatingIfNeeded: line))
                return nil
            }
            var all: [String: (file: Int, line: Int)] = [:]
            for entry in 0..<table.count {
                all[String(decoding: table.key(entry), as: UTF8.self)] = (Int(files[entry]), Int(lines[entry]))
            }
            dictionary = all
            table = ByteKeyTable()
        }
        if let first = dictionary![id] { return first }
        dictionary![id] = (file, line)
        return nil
    }
}
