// French typographic spacing: no line break between a word and the ; : ! ? » that follow it
// or the « that precedes it.

import VigieSupport

enum FrenchTypography {
    static let noBreakSpace: Character = "\u{00A0}"
    static let narrowNoBreakSpace: Character = "\u{202F}"

    /// Replaces the ordinary space before `;:!?»` and after `«` with a non-breaking one, and adds one
    /// where `«`/`»` touch the word.
    static func apply(to text: String) -> String {
        guard text.contains(where: { ";:!?«»".contains($0) }) else { return text }
        var out: [Character] = []
        out.reserveCapacity(text.count + 4)
        let characters = Array(text)
        for (i, c) in characters.enumerated() {
            switch c {
            case ";", "!", "?", ":", "»":
                let space = (c == ":" || c == "»") ? noBreakSpace : narrowNoBreakSpace
                if let last = out.last, last == " " {
                    out[out.count - 1] = space
                } else if c == "»", let last = out.last, last != noBreakSpace, last != narrowNoBreakSpace, !last.isWhitespace {
                    out.append(space)
                }
                out.append(c)
            case " ":
                if let last = out.last, last == "«" { out.append(noBreakSpace) } else { out.append(c) }
            default:
                if let last = out.last, last == "«", !c.isWhitespace, i > 0 { out.append(noBreakSpace) }
                out.append(c)
            }
        }
        return String(out)
    }

    /// What `apply(bytes:)` found.
    enum ByteResult {
        case unchanged
        case changed([UInt8])
        /// The text holds a scalar that may join a grapheme cluster or be canonically equivalent to
        /// another: only the `Character` path gives the exact answer.
        case needsCharacters
    }

    /// The same rule as `apply(to:)`, on UTF-8 bytes, for text whose every `Character` is one scalar
    /// (see `isSimple`). With the byte post-processing of `MarkdownRenderer`, the Markdown stage on
    /// 1,000 synthetic notes (7.6 MB) went from 1.8 s to 0.18 s (profile: 15 % of the build was this
    /// function walking `[Character]`).
    static func apply(bytes b: UnsafeBufferPointer<UInt8>) -> ByteResult {
        guard isSimple(b) else { return .needsCharacters }
        var hasMark = false
        for c in b where c == 0x3B || c == 0x3A || c == 0x21 || c == 0x3F || c == 0xAB || c == 0xBB {
            // `«` is C2 AB and `»` C2 BB; AB/BB never start a sequence, so seeing them is enough to look closer.
            hasMark = true
            break
        }
        guard hasMark else { return .unchanged }
        // Only `;:!?` and `«` `»` (C2 AB, C2 BB) act; the text between them is copied whole (a first
        // version appended byte by byte: 25 % of the Swift part of the stage on 10,000 notes).
        var out: [UInt8] = []
        out.reserveCapacity(b.count + 12)
        var changed = false
        var copied = 0
        var i = 0
        func copy(upTo end: Int) {
            if end > copied { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<end])) }
            copied = end
        }
        while i < b.count {
            let c = b[i]
            if c == 0x3B || c == 0x21 || c == 0x3F || c == 0x3A {
                copy(upTo: i)
                if out.last == 0x20 {
                    out.removeLast()
                    out.append(contentsOf: c == 0x3A ? nbsp : nnbsp)
                    changed = true
                }
                i += 1
            } else if c == 0xC2, i + 1 < b.count, b[i + 1] == 0xBB {
                copy(upTo: i)
                if out.last == 0x20 {
                    out.removeLast()
                    out.append(contentsOf: nbsp)
                    changed = true
                } else if !out.isEmpty, !lastIsSpaceLike(out) {
                    out.append(contentsOf: nbsp)
                    changed = true
                }
                i += 2
            } else if c == 0xC2, i + 1 < b.count, b[i + 1] == 0xAB {
                i += 2
                copy(upTo: i)
                guard i < b.count else { break }
                if b[i] == 0x20 {
                    // The space after `«` becomes a no-break one.
                    out.append(contentsOf: nbsp)
                    changed = true
                    i += 1
                    copied = i
                } else if !isWhitespaceScalar(b, at: i), !isPunctuationMark(b, at: i) {
                    // A word touching `«` gets one (punctuation is handled when its turn comes).
                    out.append(contentsOf: nbsp)
                    changed = true
                }
            } else {
                i += 1
            }
        }
        copy(upTo: b.count)
        return changed ? .changed(out) : .unchanged
    }

    /// `;:!?` or `»` at `i`: the marks the loop above handles itself.
    private static func isPunctuationMark(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let c = b[i]
        return c == 0x3B || c == 0x21 || c == 0x3F || c == 0x3A || (c == 0xC2 && i + 1 < b.count && b[i + 1] == 0xBB)
    }

    private static let nbsp: [UInt8] = [0xC2, 0xA0]
    private static let nnbsp: [UInt8] = [0xE2, 0x80, 0xAF]

    /// The last scalar is a no-break space, a narrow one, or whitespace (`Character.isWhitespace`).
    private static func lastIsSpaceLike(_ out: [UInt8]) -> Bool {
        let n = out.count
        let last = out[n - 1]
        if last < 0x80 { return last == 0x20 || (last >= 0x09 && last <= 0x0D) }
        if n >= 2, out[n - 2] == 0xC2, last == 0xA0 || last == 0x85 { return true }
        if n >= 3, out[n - 3] == 0xE2, out[n - 2] == 0x80, last == 0xAF { return true }
        return false
    }

    /// `Character.isWhitespace` of the scalar at `i`, within the scalars `isSimple` lets through.
    private static func isWhitespaceScalar(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let c = b[i]
        if c < 0x80 { return c == 0x20 || (c >= 0x09 && c <= 0x0D) }
        if c == 0xC2, i + 1 < b.count { return b[i + 1] == 0xA0 || b[i + 1] == 0x85 }
        if c == 0xE2, i + 2 < b.count { return b[i + 1] == 0x80 && b[i + 2] == 0xAF }
        return false
    }

    /// True when every scalar is below U+0300 (Latin letters, Latin-1 punctuation: none joins a
    /// grapheme cluster or is canonically equivalent to another) or one of the punctuation marks
    /// smart quotes and typography write (– — ‘ ’ “ ” … and U+202F), and the bytes are valid UTF-8.
    /// Then each `Character` is one scalar (or CR LF), and byte rules give the `Character` answer.
    /// Narrower than `MarkdownRenderer.isPlain`, whose byte rule asks less (see there).
    static func isSimple(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < b.count {
            let c = b[i]
            if c < 0x80 {
                i = ByteWords.asciiRunEnd(b, from: i + 1)
            } else if c >= 0xC2 && c <= 0xCB {
                guard i + 1 < b.count, b[i + 1] & 0xC0 == 0x80 else { return false }
                i += 2
            } else if c == 0xE2 {
                guard i + 2 < b.count, b[i + 1] == 0x80 else { return false }
                switch b[i + 2] {
                case 0x93, 0x94, 0x98, 0x99, 0x9C, 0x9D, 0xA6, 0xAF: i += 3
                default: return false
                }
            } else {
                return false
            }
        }
        return true
    }

    /// Words as `split(whereSeparator: { $0 == " " || $0 == "\n" }).count` counts them on `Character`s,
    /// for text that `isSimple` accepts (a CR LF is one `Character`, not a separator).
    static func wordCount(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var inWord = false
        for i in 0..<b.count {
            let c = b[i]
            let separator = c == 0x20 || (c == 0x0A && !(i > 0 && b[i - 1] == 0x0D))
            if separator {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }
}
