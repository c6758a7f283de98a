// The UI wording of the site (templates/strings.yaml): labels, titles, definitions, month names.

import Foundation
import VigieInput
import VigieMustache
import VigieSupport
import Yams

/// Every word the site shows that is not content, loaded from `templates/strings.yaml`.
///
/// Templates read it whole as `t` (`{{t.nav.statistics}}`); Swift reads the few strings it needs
/// to prepare view models (labels, month names, sentences with `{placeholders}`).
public struct Strings: @unchecked Sendable {
    /// The YAML tree as dictionaries, arrays and strings, for templates.
    public let tree: [String: Any]
    /// The same tree as templates read it (`t`), converted once.
    public let value: TemplateValue
    /// Every text of the tree by its dotted path. Walking the tree, with a cast at each level, for
    /// each lookup was a third of building the note cards (0.04 s of CPU with 10,000 notes).
    private let texts: [String: String]

    public init(tree: [String: Any]) {
        self.tree = tree
        self.value = TemplateValue(tree)
        var texts: [String: String] = [:]
        func collect(_ node: Any, _ path: String) {
            if let text = node as? String {
                texts[path] = text
            } else if let dictionary = node as? [String: Any] {
                for (key, child) in dictionary { collect(child, path.isEmpty ? key : path + "." + key) }
            }
        }
        collect(tree, "")
        self.texts = texts
    }

    static func load(path: String, into diagnostics: inout [Diagnostic]) -> Strings? {
        loadIndexed(path: path, into: &diagnostics)?.strings
    }

    /// Reads a strings file, and where each of its keys is written (for the check of a translation's
    /// keys against the first language's).
    static func loadIndexed(path: String, into diagnostics: inout [Diagnostic]) -> (strings: Strings, keys: KeyIndex)? {
        let name = (path as NSString).lastPathComponent
        let missing = "\(name) is missing: it holds the site's wording"
        guard let text = TextFile.contents(of: path, missingMessage: missing, into: &diagnostics) else { return nil }
        guard let node = YAMLParser.parse(text, path: path, into: &diagnostics) else { return nil }
        guard let tree = (try? Yams.load(yaml: text)) as? [String: Any] else {
            diagnostics.append(.error("expected \(name) to be a mapping", at: SourceLocation(path: path, line: 1, column: 1)))
            return nil
        }
        let normalized = Self.normalize(tree) as? [String: Any] ?? [:]
        let strings = Strings(tree: normalized["typography"] as? String == "french" ? Self.typesetFrench(normalized) : normalized)
        return (strings, KeyIndex(node, path: path))
    }

    /// The tree with every text but `format.*` (number and date patterns) and `slugs.*` (folder names) through `FrenchTypography`,
    /// the rule the notes' Markdown gets: interface text and notes space `:` `;` `!` `?` `« »` alike.
    static func typesetFrench(_ tree: [String: Any]) -> [String: Any] {
        func typeset(_ node: Any) -> Any {
            switch node {
            case let text as String: return FrenchTypography.apply(to: text)
            case let dictionary as [String: Any]: return dictionary.mapValues(typeset)
            case let array as [Any]: return array.map(typeset)
            default: return node
            }
        }
        return Dictionary(
            uniqueKeysWithValues: tree.map { key, value in (key, key == "format" || key == "slugs" ? value : typeset(value)) })
    }

    /// Yams gives Int/Bool/Date for some scalars; the UI wants text everywhere.
    static func normalize(_ value: Any) -> Any {
        switch value {
        case let dictionary as [String: Any]: return dictionary.mapValues(normalize)
        case let array as [Any]: return array.map(normalize)
        case let string as String: return string
        default: return "\(value)"
        }
    }

    /// The string at a dotted path (`tables.cases_by_platform.title`), or the path itself when missing,
    /// so a gap in the wording shows on the page instead of vanishing.
    public func text(_ path: String) -> String {
        optionalText(path) ?? path
    }

    public func optionalText(_ path: String) -> String? {
        texts[path]
    }

    public func list(_ path: String) -> [String] {
        var node: Any = tree
        for part in path.split(separator: ".") {
            guard let dictionary = node as? [String: Any], let next = dictionary[String(part)] else { return [] }
            node = next
        }
        return (node as? [Any])?.compactMap { $0 as? String } ?? []
    }

    /// A list of mappings of texts (`glossary.terms`: one mapping per term), in the file's order.
    public func entries(_ path: String) -> [[String: String]] {
        var node: Any = tree
        for part in path.split(separator: ".") {
            guard let dictionary = node as? [String: Any], let next = dictionary[String(part)] else { return [] }
            node = next
        }
        return (node as? [Any])?.compactMap { ($0 as? [String: Any])?.compactMapValues { $0 as? String } } ?? []
    }

    /// The form of a text for `count` things: the path holds `one` and `other` (French puts 0 and 1
    /// in the singular: « 1 engagement tenu », « 0 engagement tenu », « 2 engagements tenus »); a
    /// path holding a plain text gives that text for every count.
    public func plural(_ path: String, count: Int) -> String {
        if let text = optionalText(path) { return text }
        return text(path + (count < 2 ? ".one" : ".other"))
    }

    /// `plural(path, count:)` with its `{name}` placeholders filled.
    public func format(_ path: String, count: Int, _ values: [String: String]) -> String {
        Self.fill(plural(path, count: count)) { values[String($0)] }
    }

    /// Fills `{name}` placeholders.
    public func format(_ path: String, _ values: [String: String]) -> String {
        Self.fill(text(path)) { values[String($0)] }
    }

    /// Replaces each `{name}` of `pattern` for which `value` gives a text, in one pass: a value is
    /// never searched again, and a `{…}` with no value stays as written. (One Foundation
    /// `replacingOccurrences` per placeholder was 6 % of a 10,000-note build: pages and note cards
    /// format dates and reading times by the thousand.)
    public static func fill(_ pattern: String, value: (Substring) -> String?) -> String {
        let utf8 = pattern.utf8
        guard utf8.contains(UInt8(ascii: "{")) else { return pattern }
        var out = ""
        out.reserveCapacity(utf8.count + 16)
        var copied = utf8.startIndex
        var index = copied
        while let open = utf8[index...].firstIndex(of: UInt8(ascii: "{")) {
            let nameStart = utf8.index(after: open)
            guard let close = utf8[nameStart...].firstIndex(where: { $0 == UInt8(ascii: "}") || $0 == UInt8(ascii: "{") }) else {
                break
            }
            guard utf8[close] == UInt8(ascii: "}"), let replacement = value(pattern[nameStart..<close]) else {
                index = utf8[close] == UInt8(ascii: "{") ? close : utf8.index(after: close)
                continue
            }
            out += pattern[copied..<open]
            out += replacement
            copied = utf8.index(after: close)
            index = copied
        }
        out += pattern[copied...]
        return out
    }
}
