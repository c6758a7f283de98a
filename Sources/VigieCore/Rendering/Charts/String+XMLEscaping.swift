// Escapes caller wording for SVG text and attribute values, so any label is safe inside HTML.

extension String {
    /// This text with `&`, `<`, `>`, `"` and `'` written as character references.
    var xmlEscaped: String {
        guard contains(where: { "&<>\"'".contains($0) }) else { return self }
        var out = ""
        out.reserveCapacity(utf8.count + 16)
        for character in self {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
