import Foundation

// How an invalid cell is quoted in an error message without leaking personal data.

/// Decides whether a rejected value may be echoed back.
///
/// Only values of a harmless shape are shown: short, ASCII, and made of lower-case letters, digits and
/// `-_./|,` (a misspelt key, a date in the wrong format, a number). Anything else, which could be a
/// name or an address, is described without being shown.
enum CellPreview {
    static func quoted(_ text: String) -> String {
        guard isHarmless(text) else { return "a value of \(text.count) characters (not shown)" }
        return "'\(text)'"
    }

    static func isHarmless(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 24 else { return false }
        var digits = 0
        for c in text.utf8 {
            switch c {
            case 97...122, UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "/"),
                UInt8(ascii: "|"), UInt8(ascii: ","):
                continue
            case 48...57:
                digits += 1
            default:
                return false
            }
        }
        return digits <= 8 && IdentifierGuard.detect(text) == nil
    }
}
