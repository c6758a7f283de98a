// URL slugs from French titles: accents folded, lower case, words joined by dashes.

import Foundation

extension String {
    /// The longest slug (of a note, a tag or a vocabulary key) that makes a URL folder. A
    /// 300-character slug passed `check` and failed `build` with a file-system error on the staging
    /// folder: a file name holds at most 255 bytes. 100 leaves room, and is more than a reader types.
    public static let maximumSlugLength = 100

    /// `is 300 characters long; a web address takes at most 100`, for the errors of every kind of slug.
    static func slugLengthProblem(_ count: Int) -> String {
        "is \(count) characters long; a web address takes at most \(maximumSlugLength)"
    }

    /// `« Far West » numérique : l'appel` → `far-west-numerique-l-appel`
    public var slugified: String {
        // Tags are slugged on every note card that shows them (30,000 cards with 10,000 notes), and
        // most are slugs already: those are returned as they are, without Unicode decomposition.
        if isSlug { return self }
        return Self.slugLatin(self) ?? slugifiedByUnicode
    }

    /// The general path: canonical decomposition, combining accents dropped, each scalar lower-cased.
    package var slugifiedByUnicode: String {
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

    /// `slugifiedByUnicode` on the bytes of text made of ASCII, Latin-1 letters, `œ` and general
    /// punctuation (every heading and tag of French notes), or nil for any other scalar. The general
    /// path decomposes and lower-cases a `String` per scalar: it was 13 % of the Swift part of the
    /// Markdown stage (heading anchors of 10,000 notes). `SlugifyTests` checks both paths agree.
    package static func slugLatin(_ text: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingDash = false
        func emit(_ folded: some Sequence<UInt8>) {
            if pendingDash && !out.isEmpty { out.append(UInt8(ascii: "-")) }
            pendingDash = false
            out.append(contentsOf: folded)
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x30...0x39, 0x61...0x7A:
                emit(CollectionOfOne(UInt8(value)))
            case 0x41...0x5A:
                emit(CollectionOfOne(UInt8(value) + 0x20))
            case 0...0x7F, 0x80...0xBF, 0x2000...0x206F:
                pendingDash = true
            case 0xC0...0xFF:
                switch value | 0x20 {  // a capital is 0x20 below its small letter; ß/ÿ and ×/÷ share a slot
                case 0xE0...0xE5: emit("a".utf8)
                case 0xE6: emit("ae".utf8)
                case 0xE7: emit("c".utf8)
                case 0xE8...0xEB: emit("e".utf8)
                case 0xEC...0xEF: emit("i".utf8)
                case 0xF1: emit("n".utf8)
                case 0xF2...0xF6: emit("o".utf8)
                case 0xF9...0xFC: emit("u".utf8)
                case 0xFD, 0xFF: emit((value == 0xDF ? "ss" : "y").utf8)
                default: pendingDash = true  // Ð ð × ÷ Ø ø Þ þ: no letter to keep
                }
            case 0x152, 0x153:
                emit("oe".utf8)
            default:
                return nil
            }
        }
        return String(decoding: out, as: UTF8.self)
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
