// Where each link of the templates is written: a built page's broken link is reported at the
// `href="…"` or `src="…"` of the template that wrote it, not at the page, which is never published.

import Foundation
import VigieSupport

/// The `href` and `src` attributes of every template, with their positions, and which templates each
/// one includes (partials and the layout it inherits from).
package struct TemplateLinks: Sendable {
    /// An attribute value as written in a template: literal text with Mustache tags between.
    struct Attribute: Sendable, Equatable {
        /// The literal pieces around the tags: `{{root}}glossaire/#cles` is `["", "glossaire/#cles"]`.
        var pieces: [String]
        var location: SourceLocation

        /// How much of a value this attribute fixes: its literal characters.
        var literalLength: Int { pieces.reduce(0) { $0 + $1.utf8.count } }

        /// Whether the template could have written `value` here: the pieces in order, each tag
        /// standing for any text (what a tag writes is escaped, and so is the value compared).
        func matches(_ value: Substring.UTF8View) -> Bool {
            guard pieces.count > 1 else { return value.elementsEqual(pieces[0].utf8) }
            let bytes = Array(value)
            let first = Array(pieces[0].utf8)
            let last = Array(pieces[pieces.count - 1].utf8)
            guard bytes.count >= first.count + last.count, bytes.starts(with: first), bytes.reversed().starts(with: last.reversed())
            else { return false }
            var position = first.count
            let end = bytes.count - last.count
            for piece in pieces.dropFirst().dropLast() where !piece.isEmpty {
                guard let found = Self.find(Array(piece.utf8), in: bytes, from: position, before: end) else { return false }
                position = found + piece.utf8.count
            }
            return true
        }

        private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int, before end: Int) -> Int? {
            guard end - start >= needle.count else { return nil }
            for offset in start...(end - needle.count) where bytes[offset..<(offset + needle.count)].elementsEqual(needle) {
                return offset
            }
            return nil
        }
    }

    /// The attributes of each template, by template name (`pages/home`, `base`, `partials/figure`).
    var attributes: [String: [Attribute]] = [:]
    /// The templates each template includes or inherits from, by name.
    var includes: [String: [String]] = [:]
    /// The file of each template, by name.
    package var paths: [String: String] = [:]

    /// Reads the attributes of one template's `text`, found at `path`.
    mutating func add(template name: String, text: String, path: String, includes names: [String]) {
        attributes[name] = Self.attributes(in: text, path: path)
        includes[name] = names
        paths[name] = path
    }

    /// The template `name` and everything it includes, directly or through others.
    func closure(of name: String) -> [String] {
        var seen: Set<String> = [name]
        var order = [name]
        var index = 0
        while index < order.count {
            for included in includes[order[index]] ?? [] where seen.insert(included).inserted { order.append(included) }
            index += 1
        }
        return order
    }

    /// Where the page rendered from template `page` wrote the link `value` (its attribute value as
    /// the page holds it): the attribute of that page's templates that fixes most of it, the first
    /// in template order on a tie; nil when none could have written it.
    package func origin(of value: Substring, onPageOf page: String) -> SourceLocation? {
        var best: Attribute?
        for name in closure(of: page) {
            for attribute in attributes[name] ?? [] where attribute.matches(value.utf8) {
                if best == nil || attribute.literalLength > best!.literalLength { best = attribute }
            }
        }
        return best?.location
    }

    /// The `href="…"` and `src="…"` values of a template, each located at its first character (line
    /// and column from 1, the column counted in Unicode scalars like the template parser's).
    static func attributes(in text: String, path: String) -> [Attribute] {
        var found: [Attribute] = []
        var line = 1
        var column = 1
        var scalars = text.unicodeScalars[...]
        var previous: Unicode.Scalar = "\n"
        while let scalar = scalars.first {
            if previous == " " || previous == "\n" || previous == "\t",
                let name = ["href=\"", "src=\""].first(where: { scalars.starts(with: $0.unicodeScalars) })
            {
                let valueStart = scalars.index(scalars.startIndex, offsetBy: name.unicodeScalars.count)
                let rest = scalars[valueStart...]
                if let close = rest.firstIndex(of: "\"") {
                    let value = String(String.UnicodeScalarView(rest[..<close]))
                    found.append(
                        Attribute(
                            pieces: pieces(of: value),
                            location: SourceLocation(path: path, line: line, column: column + name.unicodeScalars.count)))
                }
            }
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            previous = scalar
            scalars = scalars.dropFirst()
        }
        return found
    }

    /// The literal pieces of an attribute value around its Mustache tags (`{{x}}`, `{{{x}}}`, `{{#x}}`…):
    /// always one more piece than tags.
    static func pieces(of value: String) -> [String] {
        var pieces: [String] = []
        var rest = Substring(value)
        while let open = rest.range(of: "{{") {
            pieces.append(String(rest[..<open.lowerBound]))
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.range(of: "}}") else { return pieces + [""] }
            rest = afterOpen[close.upperBound...]
            if rest.hasPrefix("}") { rest = rest.dropFirst() }
        }
        return pieces + [String(rest)]
    }
}
