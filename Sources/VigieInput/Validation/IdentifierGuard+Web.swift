// The anonymity guard's e-mail and web address detectors.

extension IdentifierGuard {
    /// `name@domain.tld`, and the obfuscated `name (at) domain` / `name[at]domain`.
    static func containsEmail(_ b: [UInt8]) -> Bool {
        for (i, c) in b.enumerated() where c == UInt8(ascii: "@") {
            guard i > 0, isLocalPartByte(b[i - 1]) else { continue }
            if domainEnds(b, from: i + 1) { return true }
        }
        guard b.contains(UInt8(ascii: "(")) || b.contains(UInt8(ascii: "[")) else { return false }
        let lowered = asciiLowercased(b)
        return contains(lowered, "(at)") || contains(lowered, "[at]") || contains(lowered, "(arobase)")
    }

    /// ASCII letters lowered; other bytes (UTF-8 sequences included) unchanged.
    static func asciiLowercased(_ b: [UInt8]) -> [UInt8] {
        b.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
    }

    private static func isLocalPartByte(_ c: UInt8) -> Bool {
        isAlnum(c) || c == UInt8(ascii: ".") || c == UInt8(ascii: "_") || c == UInt8(ascii: "%")
            || c == UInt8(ascii: "+") || c == UInt8(ascii: "-") || c >= 0x80
    }

    /// True when `from` starts a domain: labels joined by dots, the last one of 2+ letters.
    private static func domainEnds(_ b: [UInt8], from start: Int) -> Bool {
        var j = start
        var sawDot = false
        var lastLabelLetters = 0
        while j < b.count, isDomainByte(b[j]) || b[j] == UInt8(ascii: ".") {
            if b[j] == UInt8(ascii: ".") {
                sawDot = true
                lastLabelLetters = 0
            } else if isLetter(b[j]) {
                lastLabelLetters += 1
            }
            j += 1
        }
        return sawDot && lastLabelLetters >= 2
    }

    /// Letters, digits, dashes, and any non-ASCII byte (internationalised names such as `café.fr`).
    private static func isDomainByte(_ c: UInt8) -> Bool { isAlnum(c) || c == UInt8(ascii: "-") || c >= 0x80 }

    /// Top-level domains that make a bare `name.tld` look like a web address. A closed list, so that
    /// `12.5`, `e.g.` or `S.A.` do not match.
    static let webTLDs: Set<String> = [
        "fr", "com", "net", "org", "eu", "io", "shop", "store", "biz", "info", "de", "be", "ch", "uk", "es", "it",
        "co", "online", "site", "boutique", "paris", "bzh", "alsace", "corsica", "re", "gp", "mq", "gf", "yt",
        "lu", "nl", "pt", "pl", "us", "ca", "me", "tv", "app", "dev", "immo", "art", "bio", "eco", "tech", "pro",
    ]

    /// `http://…`, `www.…`, or a bare `maboutique.fr` (name with a letter, a dot, a known TLD, end of word).
    static func containsURL(_ b: [UInt8]) -> Bool {
        let text = asciiLowercased(b)
        if contains(text, "://") || contains(text, "www.") { return true }
        var i = 1
        while i < text.count {
            guard text[i] == UInt8(ascii: "."), isDomainByte(text[i - 1]) else {
                i += 1
                continue
            }
            var j = i + 1
            while j < text.count, isLetter(text[j]) { j += 1 }
            // The TLD must end the word: `maboutique.fr/`, `maboutique.fr.` at a sentence end, but not `a.frx`.
            let endsWord =
                j == text.count
                || !(isDomainByte(text[j]) || (text[j] == UInt8(ascii: ".") && j + 1 < text.count && isDomainByte(text[j + 1])))
            if endsWord, webTLDs.contains(String(decoding: text[(i + 1)..<j], as: UTF8.self)), nameHasLetter(text, before: i) {
                return true
            }
            i = max(j, i + 1)
        }
        return false
    }

    /// True when the label before the dot at `dot` holds a letter, so `3.fr`-like numbers do not match.
    private static func nameHasLetter(_ text: [UInt8], before dot: Int) -> Bool {
        var k = dot - 1
        while k >= 0, isDomainByte(text[k]) {
            if isLetter(text[k]) || text[k] >= 0x80 { return true }
            k -= 1
        }
        return false
    }

    private static func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard haystack.count >= n.count else { return false }
        for i in 0...(haystack.count - n.count) where haystack[i..<(i + n.count)].elementsEqual(n) { return true }
        return false
    }
}
