// A shortcut for the front matter most notes have: one `key: value` per line, in the simplest YAML forms.

/// Front matter whose every line is `key: value`, the value a double- or single-quoted text with no
/// escape, a plain one-line text, or a flow list of plain words (`tags: [europe, pme]`): what
/// `vigie new` and the synthetic notes write, and what hand-written notes mostly look like.
///
/// Yams (libyaml, then a node tree, then a duplicate-key check) took 0.13 s of CPU for 10,000 notes,
/// two thirds of loading them. These forms read the same in any YAML parser, so `NoteLoader` takes
/// this shortcut when `parse` accepts every line and `note` finds every value valid; anything else
/// (a comment, a blank line, an escape, a value on several lines, an unknown key, a bad date…) goes
/// through Yams and `YAMLMappingReader`, which report it. `FrontMatterShortcutTests` checks both
/// paths give the same note.
struct PlainFrontMatter {
    enum Value: Equatable {
        case text(String)
        case list([String])
    }

    private(set) var values: [String: Value] = [:]
    /// The line of each key within the front matter (1 for the first key).
    private(set) var lines: [String: Int] = [:]

    /// The lines' keys and values, or nil when a line is not one of the forms above.
    static func parse(_ yaml: String) -> PlainFrontMatter? {
        var result = PlainFrontMatter()
        for (number, line) in yaml.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            guard let (key, value) = entry(Array(line)), result.values.updateValue(value, forKey: key) == nil else { return nil }
            result.lines[key] = number + 1
        }
        return result
    }

    /// `key: value`, with a key of lower-case letters and `_`, one or more spaces, and a value.
    private static func entry(_ line: [UInt8]) -> (String, Value)? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > 0,
            line[..<colon].allSatisfy({ ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || $0 == UInt8(ascii: "_") }),
            colon + 1 < line.count, line[colon + 1] == 0x20, isPrintable(line)
        else { return nil }
        var start = colon + 1
        while start < line.count, line[start] == 0x20 { start += 1 }
        var end = line.count
        while end > start, line[end - 1] == 0x20 { end -= 1 }
        guard start < end else { return nil }
        let key = String(decoding: line[..<colon], as: UTF8.self)
        let value = Array(line[start..<end])
        switch value[0] {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            // A quoted text with neither its quote inside nor a backslash, closed at the line's end.
            let quote = value[0]
            guard value.count >= 2, value[value.count - 1] == quote else { return nil }
            let inner = value[1..<(value.count - 1)]
            guard !inner.contains(quote), !inner.contains(UInt8(ascii: "\\")) else { return nil }
            return (key, .text(String(decoding: inner, as: UTF8.self)))
        case UInt8(ascii: "["):
            guard value.count >= 2, value[value.count - 1] == UInt8(ascii: "]") else { return nil }
            let inner = value[1..<(value.count - 1)]
            if inner.allSatisfy({ $0 == 0x20 }) { return (key, .list([])) }
            var items: [String] = []
            for item in inner.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
                let word = item.drop(while: { $0 == 0x20 }).reversed().drop(while: { $0 == 0x20 }).reversed()
                guard isPlainWord(Array(word)) else { return nil }
                items.append(String(decoding: word, as: UTF8.self))
            }
            return (key, .list(items))
        default:
            guard isPlainText(value) else { return nil }
            return (key, .text(String(decoding: value, as: UTF8.self)))
        }
    }

    /// YAML's printable characters, tab excluded: no control character, no C1 control (C2 80–9F),
    /// no U+FEFF, U+FFFE or U+FFFF.
    private static func isPlainPrintable(_ bytes: [UInt8], at i: Int) -> Bool {
        let c = bytes[i]
        if c < 0x20 || c == 0x7F { return false }
        if c == 0xC2, i + 1 < bytes.count, bytes[i + 1] < 0xA0 { return false }
        if c == 0xEF, i + 2 < bytes.count, (bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF) || (bytes[i + 1] == 0xBF && bytes[i + 2] >= 0xBE)
        {
            return false
        }
        return true
    }

    private static func isPrintable(_ bytes: [UInt8]) -> Bool {
        bytes.indices.allSatisfy { isPlainPrintable(bytes, at: $0) }
    }

    /// A plain one-line text that no YAML parser reads otherwise: it starts with a letter or digit
    /// (no indicator such as `- ? : , [ ] { } # & * ! | > ' " % @` or a backquote) and holds no `:`,
    /// `#`, `[`, `]`, `{` or `}`.
    private static func isPlainText(_ value: [UInt8]) -> Bool {
        guard startsWithLetterOrDigit(value) else { return false }
        return !value.contains { ":#[]{}".utf8.contains($0) }
    }

    /// An item of a flow list: letters, digits, `-`, `_` and `.`, starting with a letter or digit.
    private static func isPlainWord(_ word: [UInt8]) -> Bool {
        guard startsWithLetterOrDigit(word) else { return false }
        return word.allSatisfy {
            $0 >= 0x80 || ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || "-_.".utf8.contains($0)
        }
    }

    /// First byte an ASCII letter or digit, or the lead byte of a letter beyond ASCII (C3–DF and
    /// E0–EF cover the Latin, Greek and other letters; U+00A0–U+00BF, punctuation, are C2 and excluded).
    private static func startsWithLetterOrDigit(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first else { return false }
        return (first >= 0x30 && first <= 0x39) || (first | 0x20 >= 0x61 && first | 0x20 <= 0x7A) || (first >= 0xC3 && first <= 0xEF)
    }

    /// True when the text trims to nothing (`trimmingCharacters(in: .whitespaces)`): asked of a title
    /// that starts with a printable ASCII character, the answer is no without Foundation (its trim
    /// was 47 ms of reading 10,000 notes).
    static func isBlank(_ text: String) -> Bool {
        if let first = text.utf8.first, first > 0x20, first < 0x7F { return false }
        return text.trimmingCharacters(in: .whitespaces).isEmpty
    }

    /// The note these values describe, or nil when `YAMLMappingReader` would report any of them
    /// (a missing or empty title, a missing or impossible date, a list where a text goes, a draft
    /// that is not true or false, a slug or tag it refuses, an unknown key): that path reports it.
    func note(path: String, fileStem: String, body: String, bodyFirstLine: Int) -> Note? {
        guard Set(values.keys).isSubset(of: NoteLoader.knownKeys),
            case .text(let title)? = values["title"], !Self.isBlank(title),
            case .text(let dateText)? = values["date"], let date = Day(iso: dateText)
        else { return nil }
        var summary: String?
        var language: String?
        switch values["summary"] {
        case .text(let text)?: summary = text
        case .list?: return nil
        case nil: break
        }
        switch values["lang"] {
        case .text(let text)?: language = text
        case .list?: return nil
        case nil: break
        }
        var translationOf: String?
        switch values["translation_of"] {
        case .text(let text)?:
            guard text.isSlug else { return nil }
            translationOf = text
        case .list?: return nil
        case nil: break
        }
        var tags: [String] = []
        switch values["tags"] {
        case .list(let items)?: tags = items
        case .text(let item)?: tags = [item]
        case nil: break
        }
        guard tags.allSatisfy({ !$0.slugified.isEmpty && $0.slugified.count <= String.maximumSlugLength }) else { return nil }
        var draft = false
        if let value = values["draft"] {
            guard case .text(let text) = value else { return nil }
            switch text.lowercased() {
            case "true", "yes": draft = true
            case "false", "no": draft = false
            default: return nil
            }
        }
        var slug = fileStem.slugified
        if let value = values["slug"] {
            guard case .text(let text) = value, text.isSlug else { return nil }
            slug = text
        }
        guard !slug.isEmpty, slug.count <= String.maximumSlugLength else { return nil }
        return Note(
            path: path, title: title, date: date, summary: summary, tags: tags, slug: slug, draft: draft,
            language: language, translationOf: translationOf,
            translationOfLine: lines["translation_of"].map { $0 + 1 } ?? 1, body: body, bodyFirstLine: bodyFirstLine)
    }
}
