// URL slugs from French titles: accents folded, lower case, words joined by dashes.

import Foundation

extension String {
    /// `« Far West » numérique : l'appel` → `far-west-numerique-l-appel`
    public var slugified: String {
        // Tags are slugged on every note card that shows them (30,000 cards with 10,000 notes), and
        // most are slugs already: those are returned as they are, without Unicode decomposition.
        if isSlug { return self }
        var out = ""
        var pendingDash = false
        for scalar in self.decomposedStringWithCanonicalMapping.unicodeScalars {
            if (0x300...0x36F).contains(scalar.value) { continue }  // combining accents
            let folded: String
            switch scalar {
            case "œ", "Œ": folded = "oe"
            case "æ", "Æ": folded = "ae"
            case "ß": folded = "ss"
            default: folded = String(scalar).lowercased()
            }
            for c in folded.unicodeScalars {
                if (c >= "a" && c <= "z") || (c >= "0" && c <= "9") {
                    if pendingDash && !out.isEmpty { out.append("-") }
                    pendingDash = false
                    out.unicodeScalars.append(c)
                } else {
                    pendingDash = true
                }
            }
        }
        return out
    }

    /// True when the text is already a valid slug, `[a-z0-9]+(-[a-z0-9]+)*` (what `slugified` returns
    /// for any text with a letter or digit), checked on bytes.
    public var isSlug: Bool {
        var previous: UInt8 = UInt8(ascii: "-")
        for c in utf8 {
            switch c {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
            case UInt8(ascii: "-") where previous != UInt8(ascii: "-"): break
            default: return false
            }
            previous = c
        }
        return previous != UInt8(ascii: "-")
    }
}
