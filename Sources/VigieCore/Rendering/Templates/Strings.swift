// The UI wording of the site (templates/strings.yaml): labels, titles, definitions, month names.

import Foundation
import Yams

/// Every word the site shows that is not content, loaded from `templates/strings.yaml`.
///
/// Templates read it whole as `t` (`{{t.nav.statistics}}`); Swift reads the few strings it needs
/// to prepare view models (labels, month names, sentences with `{placeholders}`).
public struct Strings: @unchecked Sendable {
    /// The YAML tree as dictionaries, arrays and strings, for templates.
    public let tree: [String: Any]

    public init(tree: [String: Any]) {
        self.tree = tree
    }

    static func load(path: String, into diagnostics: inout [Diagnostic]) -> Strings? {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            diagnostics.append(
                .error(
                    "strings.yaml is missing or not UTF-8: it holds the site's wording", at: SourceLocation(path: path, line: 0, column: 0))
            )
            return nil
        }
        guard YAMLParser.parse(text, path: path, into: &diagnostics) != nil else { return nil }
        guard let tree = (try? Yams.load(yaml: text)) as? [String: Any] else {
            diagnostics.append(.error("expected strings.yaml to be a mapping", at: SourceLocation(path: path, line: 1, column: 1)))
            return nil
        }
        return Strings(tree: Self.normalize(tree) as? [String: Any] ?? [:])
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
        var node: Any = tree
        for part in path.split(separator: ".") {
            guard let dictionary = node as? [String: Any], let next = dictionary[String(part)] else { return nil }
            node = next
        }
        return node as? String
    }

    public func list(_ path: String) -> [String] {
        var node: Any = tree
        for part in path.split(separator: ".") {
            guard let dictionary = node as? [String: Any], let next = dictionary[String(part)] else { return [] }
            node = next
        }
        return (node as? [Any])?.compactMap { $0 as? String } ?? []
    }

    /// Fills `{name}` placeholders.
    public func format(_ path: String, _ values: [String: String]) -> String {
        var text = self.text(path)
        for (key, value) in values { text = text.replacingOccurrences(of: "{\(key)}", with: value) }
        return text
    }
}
