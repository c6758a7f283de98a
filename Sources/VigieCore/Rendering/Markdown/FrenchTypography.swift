// French typographic spacing: no line break between a word and the ; : ! ? » that follow it
// or the « that precedes it.

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
}
