import Foundation

// Open vocabularies (platforms, issues, sectors, outcomes, regions): keys from the SPEC or site.yaml.

/// An ordered list of keys with their labels in the site language.
///
/// Keys are the identifiers published in CSV and JSON; labels are what readers see in HTML.
public struct Vocabulary: Hashable, Sendable {
    public let name: String
    public let keys: [String]
    public let labels: [String: String]
    private let indexByKey: [String: Int]
    /// The same answers for keys given byte for byte, without a `Hasher`: five lookups a row.
    private let indexByBytes: ByteKeyTable
    /// By index: the anonymity guard's pre-test passes the key's bytes, so a cell holding exactly
    /// them needs no screening (see `indexOfScreenedKey(bytes:)`).
    private let passesScreen: [Bool]
    /// The most bytes a value may have and still be suggested a key (see `suggestion(for:)`).
    private let longestSuggestible: Int

    public init(name: String, keys: [String], labels: [String: String] = [:]) {
        self.name = name
        self.keys = keys
        self.labels = labels
        var index: [String: Int] = [:]
        for (i, key) in keys.enumerated() where index[key] == nil { index[key] = i }
        self.indexByKey = index
        var bytes = ByteKeyTable(capacity: keys.count)
        for key in keys {
            var utf8 = key
            _ = utf8.withUTF8 { bytes.insert($0, value: index[key]!) }
        }
        self.indexByBytes = bytes
        // Every rule of `suggestion(for:)` needs a value at most two scalars longer than a key, and
        // lower-casing grows a scalar to at most 4 bytes (3 for most).
        self.longestSuggestible = 4 * ((keys.map(\.unicodeScalars.count).max() ?? 0) + 2)
        self.passesScreen = keys.map { key in
            var utf8 = key
            return utf8.withUTF8 { !IdentifierGuard.mayContainIdentifier($0) }
        }
    }

    /// `index(bytes:)` for a cell not yet screened: only a key the anonymity guard would pass as
    /// it is, since the screen depends on the bytes alone; nil sends the cell through the screen.
    func indexOfScreenedKey(bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let index = indexByBytes.value(of: bytes), passesScreen[index] else { return nil }
        return index
    }

    public func index(of key: some StringProtocol) -> Int? { indexByKey[String(key)] }

    /// The index of a key given exactly as these bytes, if any (no fallback: for fast paths that
    /// redo the work through `index(of:)` on a miss).
    func index(bytes: UnsafeBufferPointer<UInt8>) -> Int? { indexByBytes.value(of: bytes) }

    /// Byte-identical keys first; anything else (a canonically equivalent spelling) through the dictionary.
    public func index(of key: String) -> Int? {
        var utf8 = key
        if let index = utf8.withUTF8({ indexByBytes.value(of: $0) }) { return index }
        return indexByKey[key]
    }
    public func contains(_ key: String) -> Bool { indexByKey[key] != nil }
    public func label(_ key: String) -> String { labels[key] ?? key }
    public var count: Int { keys.count }

    /// The key a mistyped value most likely meant, for "did you mean" hints; nil when none is close.
    ///
    /// Tried in order: the same key up to case, spaces and `-`/`_` (`Fnac Darty`); a number that lost its
    /// leading zero in a spreadsheet (`1` for `01`); the only key starting with a 4+ character value
    /// (`fnac`); then one or two typos, fewer for short keys so that `45` does not suggest `44`.
    ///
    /// A value much longer than every key is none of these, and is not compared: the edit distance
    /// of one 200 MB cell to each key took 3.8 GiB and over 30 s.
    public func suggestion(for text: String) -> String? {
        guard text.utf8.count <= longestSuggestible else { return nil }
        let normalized = Self.normalize(text)
        guard !normalized.isEmpty else { return nil }
        if let key = keys.first(where: { Self.normalize($0) == normalized }) { return key }
        if text.allSatisfy(\.isNumber) {
            let padded = keys.first { $0.count > text.count && $0.hasSuffix(text) && $0.dropLast(text.count).allSatisfy { $0 == "0" } }
            if let padded { return padded }
        }
        if normalized.count >= 4 {
            let prefixed = keys.filter { Self.normalize($0).hasPrefix(normalized) }
            if prefixed.count == 1 { return prefixed[0] }
        }
        var best: (key: String, distance: Int)?
        for key in keys {
            let allowed = key.count <= 2 ? 0 : key.count <= 4 ? 1 : 2
            let distance = EditDistance.between(normalized, Self.normalize(key))
            if distance <= allowed, distance < (best?.distance ?? .max) { best = (key, distance) }
        }
        return best?.key
    }

    private static func normalize(_ text: String) -> String {
        String(text.lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 })
    }
}

/// Edit distance counting a swap of two neighbours as one edit (`ebya` → `ebay`), for near-miss keys.
enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
