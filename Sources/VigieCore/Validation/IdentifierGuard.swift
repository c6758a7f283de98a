// The anonymity guard: recognises direct identifiers in a cell so the build can refuse them
// without ever printing them.

/// Detects e-mail addresses, phone numbers, SIREN/SIRET numbers, IBANs and URLs in text.
public enum IdentifierGuard {
    /// The first kind of direct identifier found in `text`, or nil when none is found.
    public static func detect(_ text: String) -> IdentifierKind? {
        let bytes = Array(text.utf8)
        if containsEmail(bytes) { return .email }
        if containsURL(bytes) { return .url }
        if containsIBAN(bytes) { return .iban }
        return numberKind(bytes)
    }

    /// Cheap test: could this text hold an identifier at all? (An '@', a ':' or '.', a '+', or 8+ digits.)
    static func mayContainIdentifier(_ bytes: ArraySlice<UInt8>) -> Bool {
        var digits = 0
        for c in bytes {
            if c == UInt8(ascii: "@") || c == UInt8(ascii: ":") || c == UInt8(ascii: ".") || c == UInt8(ascii: "+") { return true }
            if c >= 48 && c <= 57 { digits += 1; if digits >= 8 { return true } }
        }
        return false
    }

    // MARK: e-mail and URL

    private static func isLocalPartByte(_ c: UInt8) -> Bool {
        isAlnum(c) || c == UInt8(ascii: ".") || c == UInt8(ascii: "_") || c == UInt8(ascii: "%") || c == UInt8(ascii: "+") || c == UInt8(ascii: "-")
    }

    private static func isAlnum(_ c: UInt8) -> Bool {
        (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
    }

    private static func isLetter(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }

    static func containsEmail(_ b: [UInt8]) -> Bool {
        for (i, c) in b.enumerated() where c == UInt8(ascii: "@") || c == 0xEF {
            guard c == UInt8(ascii: "@") else { continue }
            guard i > 0, isLocalPartByte(b[i - 1]) else { continue }
            // domain: labels separated by dots, ending with a TLD of 2+ letters
            var j = i + 1
            var sawDot = false
            var lastLabelLetters = 0
            while j < b.count, isAlnum(b[j]) || b[j] == UInt8(ascii: "-") || b[j] == UInt8(ascii: ".") {
                if b[j] == UInt8(ascii: ".") { sawDot = true; lastLabelLetters = 0 } else if isLetter(b[j]) { lastLabelLetters += 1 }
                j += 1
            }
            if sawDot && lastLabelLetters >= 2 { return true }
        }
        // Obfuscated forms: "name (at) domain", "name[at]domain".
        let lowered = String(decoding: b, as: UTF8.self).lowercased()
        return lowered.contains("(at)") || lowered.contains("[at]")
    }

    /// Top-level domains that make a bare `name.tld` look like a web address.
    static let webTLDs: Set<String> = [
        "fr", "com", "net", "org", "eu", "io", "shop", "store", "biz", "info", "de", "be", "ch", "uk", "es", "it",
        "co", "online", "site", "boutique", "paris", "bzh", "alsace", "corsica", "re", "gp", "mq", "gf", "yt",
    ]

    static func containsURL(_ b: [UInt8]) -> Bool {
        let text = String(decoding: b, as: UTF8.self).lowercased()
        if text.contains("://") || text.contains("www.") { return true }
        // A bare domain: letters/digits/dashes, a dot, a known TLD, then the end, '/' or a space.
        let scalars = Array(text.utf8)
        var i = 0
        while i < scalars.count {
            guard scalars[i] == UInt8(ascii: "."), i > 0, isAlnum(scalars[i - 1]) else { i += 1; continue }
            var j = i + 1
            while j < scalars.count, isLetter(scalars[j]) { j += 1 }
            let tld = String(decoding: scalars[(i + 1)..<j], as: UTF8.self)
            let endsWord = j == scalars.count || scalars[j] == UInt8(ascii: "/") || scalars[j] == UInt8(ascii: " ")
                || scalars[j] == UInt8(ascii: ",") || scalars[j] == UInt8(ascii: ";")
            if endsWord && webTLDs.contains(tld) {
                // The name before the dot must hold a letter (so "12.5" or "3.fr" style numbers do not match).
                var k = i - 1
                var hasLetter = false
                while k >= 0, isAlnum(scalars[k]) || scalars[k] == UInt8(ascii: "-") {
                    if isLetter(scalars[k]) { hasLetter = true }
                    k -= 1
                }
                if hasLetter { return true }
            }
            i = j
        }
        return false
    }

    // MARK: IBAN

    static func containsIBAN(_ b: [UInt8]) -> Bool {
        // Compact the text: drop spaces, upper-case letters; then look for CCdd + 11…30 alphanumerics with mod-97 = 1.
        var compact: [UInt8] = []
        compact.reserveCapacity(b.count)
        for c in b where c != UInt8(ascii: " ") && c != UInt8(ascii: "-") {
            compact.append(c >= 97 && c <= 122 ? c - 32 : c)
        }
        var i = 0
        while i + 15 <= compact.count {
            if isLetter(compact[i]), isLetter(compact[i + 1]), isDigit(compact[i + 2]), isDigit(compact[i + 3]),
                i == 0 || !isAlnum(compact[i - 1])
            {
                var end = i + 4
                while end < compact.count, isAlnum(compact[end]), end - i < 34 { end += 1 }
                let length = end - i
                if length >= 15, mod97(Array(compact[i..<end])) == 1 { return true }
            }
            i += 1
        }
        return false
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    /// ISO 13616 check: move the first four characters to the end, letters become 10…35, remainder mod 97.
    static func mod97(_ iban: [UInt8]) -> Int {
        let rearranged = Array(iban[4...]) + Array(iban[..<4])
        var remainder = 0
        for c in rearranged {
            if isDigit(c) {
                remainder = (remainder * 10 + Int(c - 48)) % 97
            } else if c >= 65 && c <= 90 {
                remainder = (remainder * 100 + Int(c - 55)) % 97
            } else {
                return -1
            }
        }
        return remainder
    }

    // MARK: numbers: phone, SIREN, SIRET

    /// Looks at every run of digits joined by single separators (space, dot, dash, slash, parentheses).
    static func numberKind(_ b: [UInt8]) -> IdentifierKind? {
        var i = 0
        while i < b.count {
            guard isDigit(b[i]) else { i += 1; continue }
            let plus = i > 0 && b[i - 1] == UInt8(ascii: "+")
            var digits: [UInt8] = []
            var contiguous: [[UInt8]] = [[]]
            var j = i
            while j < b.count {
                if isDigit(b[j]) {
                    digits.append(b[j])
                    contiguous[contiguous.count - 1].append(b[j])
                    j += 1
                } else if isSeparator(b[j]), j + 1 < b.count, isDigit(b[j + 1]) || (b[j] == UInt8(ascii: " ") && b[j + 1] == UInt8(ascii: "(")) {
                    contiguous.append([])
                    j += 1
                } else if b[j] == UInt8(ascii: "(") || b[j] == UInt8(ascii: ")") {
                    j += 1
                } else {
                    break
                }
            }
            if let kind = classify(digits: digits, groups: contiguous, plus: plus) { return kind }
            i = j
        }
        return nil
    }

    private static func isSeparator(_ c: UInt8) -> Bool {
        c == UInt8(ascii: " ") || c == UInt8(ascii: ".") || c == UInt8(ascii: "-") || c == UInt8(ascii: "/")
    }

    private static func classify(digits: [UInt8], groups: [[UInt8]], plus: Bool) -> IdentifierKind? {
        let n = digits.count
        if plus && (8...15).contains(n) { return .phone }
        if n >= 11, n <= 15, digits[0] == 48, digits[1] == 48 { return .phone }  // 0033 …
        if n == 10, digits[0] == 48, digits[1] != 48 { return .phone }  // 01 23 45 67 89
        if n == 14, isSIRET(digits) { return .siret }
        if n == 9 { return .siren }
        for group in groups {
            if group.count == 9 { return .siren }
            if group.count == 14, isSIRET(group) { return .siret }
            if group.count == 10, group[0] == 48, group[1] != 48 { return .phone }
        }
        return nil
    }

    /// Luhn check, with La Poste's exception (SIREN 356000000: digit sum divisible by 5).
    static func isSIRET(_ digits: [UInt8]) -> Bool {
        let values = digits.map { Int($0 - 48) }
        if values.starts(with: [3, 5, 6, 0, 0, 0, 0, 0, 0]) { return values.reduce(0, +) % 5 == 0 }
        return luhn(values)
    }

    static func luhn(_ values: [Int]) -> Bool {
        var sum = 0
        for (index, value) in values.reversed().enumerated() {
            if index % 2 == 1 {
                let doubled = value * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += value
            }
        }
        return sum % 10 == 0
    }
}
