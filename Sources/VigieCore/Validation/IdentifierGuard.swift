// The anonymity guard: recognises direct identifiers in a cell so the build can refuse them
// without ever printing them.

/// Detects e-mail addresses, URLs, IBANs, phone numbers and SIREN/SIRET numbers in text.
///
/// Tuned to refuse what re-identifies a business while letting through what a case file legitimately
/// holds: dates (`2018-11-30`), decimals (`12.5`), vocabulary keys and opaque ids (`C-2018-00042`).
public enum IdentifierGuard {
    /// The first kind of direct identifier found in `text`, or nil when none is found.
    public static func detect(_ text: String) -> IdentifierKind? {
        let bytes = Array(text.utf8)
        if containsEmail(bytes) { return .email }
        if containsURL(bytes) { return .url }
        if containsIBAN(bytes) { return .iban }
        return numberKind(bytes)
    }

    /// Cheap pre-test on raw cell bytes: could they hold an identifier at all? Every detector needs
    /// one of `@ : . + ( [` or at least 8 digits, and most cells (keys, dates) have neither, so the
    /// full scan runs on few cells.
    static func mayContainIdentifier(_ bytes: ArraySlice<UInt8>) -> Bool {
        var digits = 0
        for c in bytes {
            switch c {
            case UInt8(ascii: "@"), UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "("),
                UInt8(ascii: "["):
                return true
            case 48...57:
                digits += 1
                if digits >= 8 { return true }
            default:
                continue
            }
        }
        return false
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    static func isLetter(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }
    static func isAlnum(_ c: UInt8) -> Bool { isDigit(c) || isLetter(c) }
}
