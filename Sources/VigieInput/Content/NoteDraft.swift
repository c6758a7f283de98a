// What `vigie new note` writes: a draft note that `vigie check` accepts whatever its title holds.

/// The file of a new draft note: its name and its text.
public struct NoteDraft: Sendable {
    public let slug: String
    public let text: String

    /// A draft titled `title`, dated `date`; nil when the title has no letter or digit for a slug.
    public init?(title: String, date: Day) {
        let slug = Self.slug(for: title)
        guard !slug.isEmpty else { return nil }
        self.slug = slug
        self.text = """
            ---
            title: \(title.yamlDoubleQuoted)
            date: \(date.iso)
            summary: ""
            tags: []
            draft: true
            ---

            Écrivez ici le texte de la note.

            """
    }

    /// The title's slug, cut after its last whole word within `String.maximumSlugLength`, so the
    /// file name makes a slug `check` accepts.
    static func slug(for title: String) -> String {
        let slug = title.slugified
        guard slug.count > String.maximumSlugLength else { return slug }
        let cut = slug.prefix(String.maximumSlugLength + 1)
        guard let lastDash = cut.lastIndex(of: "-"), lastDash > cut.startIndex else {
            return String(slug.prefix(String.maximumSlugLength))
        }
        return String(cut[..<lastDash])
    }
}

extension String {
    /// The text as a YAML double-quoted scalar on one line, read back exactly by any YAML parser.
    ///
    /// Escaping only `\` and `"` left line ends as they were: a title holding a line `---` closed
    /// the front matter early, and `check` rejected the note `vigie new` had just written. Every
    /// line end and control character is now an escape (`\n`, `\x85`, `\u2028`…), and so is every
    /// character YAML does not allow in a file (U+FEFF, U+FFFE, U+FFFF).
    public var yamlDoubleQuoted: String {
        var out = "\""
        for scalar in unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                let value = scalar.value
                if value < 0x20 || (0x7F...0x9F).contains(value) {
                    out += "\\x" + Self.hex(value, width: 2)
                } else if value == 0x2028 || value == 0x2029 || value == 0xFEFF || value == 0xFFFE || value == 0xFFFF {
                    out += "\\u" + Self.hex(value, width: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
    }
}
