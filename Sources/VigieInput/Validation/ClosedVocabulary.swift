// A closed vocabulary (status, company size) as validation reads it: the enum's cases, their raw
// values as byte keys, and the wording of its errors, all built once rather than per row.

/// The values of a `String`-backed enum, found from a cell's bytes without building a `String`.
struct ClosedVocabulary<Value: RawRepresentable & CaseIterable & Sendable>: Sendable where Value.RawValue == String {
    let cases: [Value]
    /// The raw values, in the order of `cases`.
    let keys: Vocabulary
    /// What the column expects, for the error of an empty or unknown value.
    let hint: String
    /// Common other names (`tpe`) mapped to the key they mean, for "did you mean" hints.
    let aliases: [String: String]

    init(name: String, hint: String, aliases: [String: String] = [:]) {
        cases = Array(Value.allCases)
        keys = Vocabulary(name: name, keys: cases.map(\.rawValue))
        self.hint = hint
        self.aliases = aliases
    }

    /// The case whose raw value is exactly these bytes (and passes the anonymity guard as they
    /// are, so an unscreened cell may be given); nil for anything else (the caller then
    /// takes the `String` path, which compares by canonical equivalence and reports errors).
    func value(bytes: UnsafeBufferPointer<UInt8>) -> Value? { keys.indexOfScreenedKey(bytes: bytes).map { cases[$0] } }
}
