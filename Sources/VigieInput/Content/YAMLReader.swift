import Foundation
import VigieSupport
import Yams

// Strict typed reading of a YAML mapping: every key is known, every value has its expected type,
// and every problem becomes a diagnostic at the key's or the value's line and column.

/// Parses YAML text into a node tree, turning syntax errors into diagnostics.
package enum YAMLParser {
    /// - Parameter lineOffset: lines before the YAML text in its file (front matter starts on line 2).
    package static func parse(_ text: String, path: String, lineOffset: Int = 0, into diagnostics: inout [Diagnostic]) -> Node? {
        if let excess = YAMLBudget.check(text) {
            diagnostics.append(
                .error(
                    "invalid YAML: \(excess.message)",
                    at: SourceLocation(path: path, line: excess.line + lineOffset, column: excess.column)))
            return nil
        }
        do {
            // The encoding is given: Yams's default reads the whole process environment on every
            // parse, 1.9 % of a build with 10,000 notes. The resolver is the basic one (every plain
            // scalar is text): Vigie reads only `scalar.string` and types each value itself, and the
            // default resolver's regular expressions, run on every key by Yams's duplicate-key check,
            // were 2 % of all samples of a 1 M-case build with 10,000 notes.
            return try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            let (line, column, problem) = describe(error)
            diagnostics.append(.error("invalid YAML: \(problem)", at: SourceLocation(path: path, line: line + lineOffset, column: column)))
        } catch {
            diagnostics.append(.error("invalid YAML", at: SourceLocation(path: path, line: 1 + lineOffset, column: 1)))
        }
        return nil
    }

    private static func describe(_ error: YamlError) -> (Int, Int, String) {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            // libyaml's wording may name its own functions (`yaml_set_max_nest_level()`), which mean
            // nothing to a publisher: those are replaced.
            return (mark.line, mark.column, problem.contains("yaml_") ? "the text cannot be read as YAML" : problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { CellPreview.namingKey($0) }.joined(separator: ", ")
            return (context.mark.line, context.mark.column, "duplicated key \(keys)")
        case .reader(let problem, _, _, _):
            return (1, 1, problem)
        default:
            // Other errors may carry the text they failed on: never echoed.
            return (1, 1, "the text cannot be read as YAML")
        }
    }
}

/// Reads the keys of one YAML mapping, remembering which were read so the rest can be reported as unknown.
struct YAMLMappingReader {
    let path: String
    let lineOffset: Int
    private(set) var entries: [(key: String, keyNode: Node, value: Node)] = []
    private var used: Set<String> = []

    init?(_ node: Node, path: String, lineOffset: Int = 0, what: String, into diagnostics: inout [Diagnostic]) {
        self.path = path
        self.lineOffset = lineOffset
        guard let mapping = node.mapping else {
            diagnostics.append(
                .error("expected \(what) as a mapping of keys to values", at: Self.location(of: node, path: path, lineOffset: lineOffset)))
            return nil
        }
        for (key, value) in mapping {
            entries.append((key.string ?? "\(key)", key, value))
        }
    }

    static func location(of node: Node, path: String, lineOffset: Int) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(path: path, line: 1 + lineOffset, column: 1) }
        return SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
    }

    func location(of node: Node) -> SourceLocation { Self.location(of: node, path: path, lineOffset: lineOffset) }

    var firstLocation: SourceLocation {
        entries.first.map { location(of: $0.keyNode) } ?? SourceLocation(path: path, line: 1 + lineOffset, column: 1)
    }

    /// True when the mapping has the key (whatever its value), without marking it as read.
    func has(_ key: String) -> Bool { entries.contains { $0.key == key } }

    mutating func value(_ key: String) -> Node? {
        used.insert(key)
        return entries.first { $0.key == key }?.value
    }

    /// Reports every key not read, with the list of keys that were expected.
    func reportUnknownKeys(known: [String], what: String, into diagnostics: inout [Diagnostic]) {
        for entry in entries where !used.contains(entry.key) {
            let vocabulary = Vocabulary(name: what, keys: known)
            let suggestion = vocabulary.suggestion(for: entry.key)
            var message = "unknown key \(CellPreview.namingKey(entry.key, nearKey: suggestion != nil)) in \(what)"
            if let suggestion {
                message += "; did you mean '\(suggestion)'?"
            } else {
                message += "; expected one of: \(known.joined(separator: ", "))"
            }
            diagnostics.append(.error(message, at: location(of: entry.keyNode)))
        }
    }

    mutating func string(_ key: String, required: Bool = false, in what: String, into diagnostics: inout [Diagnostic]) -> String? {
        guard let node = value(key) else {
            if required { diagnostics.append(.error("missing required key '\(key)' in \(what)", at: firstLocation)) }
            return nil
        }
        guard let scalar = node.scalar else {
            diagnostics.append(.error("expected '\(key)' to be text", at: location(of: node)))
            return nil
        }
        if required && scalar.string.trimmingCharacters(in: .whitespaces).isEmpty {
            diagnostics.append(.error("'\(key)' must not be empty", at: location(of: node)))
            return nil
        }
        return scalar.string
    }

    mutating func day(_ key: String, required: Bool = false, in what: String, into diagnostics: inout [Diagnostic]) -> Day? {
        guard let node = value(key) else {
            if required { diagnostics.append(.error("missing required key '\(key)' in \(what)", at: firstLocation)) }
            return nil
        }
        return Self.day(node, key: key, reader: self, into: &diagnostics)
    }

    static func day(_ node: Node, key: String, reader: YAMLMappingReader, into diagnostics: inout [Diagnostic]) -> Day? {
        guard let text = node.scalar?.string, let day = Day(iso: text) else {
            var message = "expected '\(key)' to be a date YYYY-MM-DD"
            if let text = node.scalar?.string {
                let shown = CellPreview.quoted(text)
                message += Day.isImpossibleISO(text) ? ", found \(shown), which is not a day of the calendar" : ", found \(shown)"
                if CellPreview.isHarmless(text), let meant = Day.suggestion(forMistyped: text) { message += "; did you mean \(meant)?" }
            } else {
                message += ", found a list or mapping"
            }
            diagnostics.append(.error(message, at: reader.location(of: node)))
            return nil
        }
        return day
    }

    mutating func int(_ key: String, in what: String, range: ClosedRange<Int>, into diagnostics: inout [Diagnostic]) -> Int? {
        guard let node = value(key) else { return nil }
        guard let text = node.scalar?.string, let number = Int(text), range.contains(number) else {
            diagnostics.append(
                .error(
                    "expected '\(key)' to be a whole number from \(range.lowerBound) to \(range.upperBound), found \(Self.found(node))",
                    at: location(of: node)))
            return nil
        }
        return number
    }

    mutating func bool(_ key: String, in what: String, into diagnostics: inout [Diagnostic]) -> Bool? {
        guard let node = value(key) else { return nil }
        switch node.scalar?.string.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            diagnostics.append(
                .error(
                    "expected '\(key)' to be true or false, found \(Self.found(node))", at: location(of: node)))
            return nil
        }
    }

    /// What a value of the wrong type was, for "found …": quoted only when it cannot name anyone.
    static func found(_ node: Node) -> String {
        guard let text = node.scalar?.string else { return "a list or mapping" }
        return CellPreview.quoted(text)
    }

    mutating func strings(_ key: String, in what: String, into diagnostics: inout [Diagnostic]) -> [String]? {
        guard let node = value(key) else { return nil }
        if let scalar = node.scalar { return scalar.string.isEmpty ? [] : [scalar.string] }
        guard let sequence = node.sequence else {
            diagnostics.append(.error("expected '\(key)' to be a list", at: location(of: node)))
            return nil
        }
        var result: [String] = []
        for item in sequence {
            guard let text = item.scalar?.string else {
                diagnostics.append(.error("expected every item of '\(key)' to be text", at: location(of: item)))
                continue
            }
            result.append(text)
        }
        return result
    }
}
