// How a rejected value is quoted in an error message without leaking personal data.

/// Decides whether a rejected value may be echoed back in a diagnostic.
///
/// A case file's cells may hold names or addresses that the exporter let through, and error output
/// ends up in CI logs. So a value is shown only when its shape rules that out:
/// - no letters at all, at most 8 digits, no identifier (a date in the wrong format, a number out of range);
/// - or a near miss of an expected key (`amazn` for `amazon`), made of ASCII letters, digits, `-`, `_`.
///
/// Any other value, including a plain lower-case word that could be a surname, is described by its
/// length only.
package enum CellPreview {
    /// `'30/11/2018'`, or `a value of 12 characters (not shown)`: for "found …" sentences.
    static func quoted(_ text: String, nearKey: Bool = false) -> String {
        isHarmless(text, nearKey: nearKey) ? "'\(text)'" : "a value of \(text.count) characters (not shown)"
    }

    /// `'amazn'`, or `(12 characters, not shown)`: after a noun, as in "unknown platform …".
    static func naming(_ text: String, nearKey: Bool = false) -> String {
        isHarmless(text, nearKey: nearKey) ? "'\(text)'" : "(\(text.count) characters, not shown)"
    }

    static func isHarmless(_ text: String, nearKey: Bool = false) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 24, IdentifierGuard.detect(text) == nil else { return false }
        var digits = 0
        var letters = 0
        var punctuation = 0
        for c in text.utf8 {
            switch c {
            case 48...57: digits += 1
            case 65...90, 97...122: letters += 1
            case UInt8(ascii: "-"), UInt8(ascii: "_"): continue
            case UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "%"),
                UInt8(ascii: " "):
                punctuation += 1
            default:
                return false
            }
        }
        return letters == 0 ? digits <= 8 : nearKey && punctuation == 0
    }

    /// A header cell's name: shown when it is shaped like a column name (`nom_entreprise`, `siret`) or a
    /// near miss of one; a header cell that holds something else may be a data row mistaken for a header.
    static func quotedColumnName(_ name: String, nearKey: Bool) -> String? {
        let keyShaped =
            !name.isEmpty && name.utf8.count <= 32
            && name.utf8.allSatisfy {
                ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
            }
        guard IdentifierGuard.detect(name) == nil, keyShaped || isHarmless(name, nearKey: nearKey) else { return nil }
        return "'\(name)'"
    }

    /// A YAML key or a key-like value (`'licence_url'`, `'amazn'`), or `(12 characters, not shown)`
    /// when it is not shaped like a key: YAML files are edited by hand and a key may be a pasted address.
    package static func namingKey(_ name: String, nearKey: Bool = false) -> String {
        quotedColumnName(name, nearKey: nearKey) ?? "(\(name.count) characters, not shown)"
    }
}
