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

    public init(name: String, keys: [String], labels: [String: String] = [:]) {
        self.name = name
        self.keys = keys
        self.labels = labels
        var index: [String: Int] = [:]
        for (i, key) in keys.enumerated() where index[key] == nil { index[key] = i }
        self.indexByKey = index
    }

    public func index(of key: some StringProtocol) -> Int? { indexByKey[String(key)] }
    public func contains(_ key: String) -> Bool { indexByKey[key] != nil }
    public func label(_ key: String) -> String { labels[key] ?? key }
    public var count: Int { keys.count }

    /// The closest key to a misspelt one, for "did you mean" hints (edit distance ≤ 2, or same letters).
    public func suggestion(for text: String) -> String? {
        let lowered = text.lowercased().replacingOccurrences(of: " ", with: "_")
        if let exact = keys.first(where: { $0 == lowered || $0.replacingOccurrences(of: "-", with: "_") == lowered }) {
            return exact
        }
        var best: (key: String, distance: Int)?
        for key in keys {
            let distance = EditDistance.between(lowered, key)
            if distance <= max(2, key.count / 3), distance < (best?.distance ?? .max) {
                best = (key, distance)
            }
        }
        return best?.key
    }
}

/// Levenshtein distance, for suggestions on near-miss keys.
enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
