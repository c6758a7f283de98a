// Limits on what a YAML text may expand to, checked on libyaml's events before Yams builds nodes.

// Yams' own copy of libyaml: its event stream is the only place aliases can be counted before they
// are expanded. (Yams' `Parser` keeps its events private, and composing first is what hangs.)
import CYaml

/// Refuses a YAML text whose aliases stand for too many values, or whose collections nest too deep.
///
/// An alias is a second copy of its anchor's value: nine anchors of ten aliases each ("billion
/// laughs") stand for 10⁹ values in a few hundred bytes. Yams composes the copies as shared values,
/// but hashes every mapping key whole to find duplicates (an alias bomb as a key hung `vigie check`
/// at full CPU), and `Yams.load` copies them out (an alias bomb in `strings.yaml` grew past 7 GB).
/// Vigie's files need neither: the budgets below are far above what a hand-written file uses.
/// Both limits are stated in the README.
///
/// It also refuses a key that is a list or a mapping (`? [a, b]`, or an alias of one): no Vigie key
/// is, and Yams' duplicate-key check sorts such keys in an order that changes from one parse to the
/// next, so the message and its position did too (found by fuzzing: FuzzNote's front matter
/// shortcut and Yams "disagreed" on the same text).
enum YAMLBudget {
    /// Collections (lists and mappings) inside one another: `strings.yaml` uses 4.
    static let maximumDepth = 32
    /// Values that aliases may add, in all, counting each value an alias repeats.
    static let maximumAliasedValues = 10_000

    /// Where and why a text is over budget.
    struct Excess: Error, Equatable {
        /// 1-based, as Yams' marks.
        var line: Int
        var column: Int
        var message: String
    }

    /// The first place the text goes over a budget, or nil when it does not. A syntax error stops
    /// the scan without a finding: Yams reports it, with its own position, when it composes.
    static func check(_ text: String) -> Excess? {
        guard !text.isEmpty else { return nil }
        var utf8 = text
        return utf8.withUTF8 { bytes in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var counter = Counter()
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nestingExcess(parser) }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return nil }
                if let excess = counter.take(event) { return excess }
            }
        }
    }

    /// libyaml's own limit on nesting (1000 levels), in Vigie's words rather than its own (which
    /// name `yaml_set_max_nest_level()`). It can be reached before `maximumDepth` is: the scanner
    /// reads up to 1024 characters ahead, so `[[[[…` on one line opens its levels before the
    /// parser's first event for them.
    private static func nestingExcess(_ parser: yaml_parser_t) -> Excess? {
        guard parser.error == YAML_PARSER_ERROR, let problem = parser.problem, String(cString: problem).contains("nesting level")
        else { return nil }
        let mark = parser.problem_mark
        return Excess(line: Int(mark.line) + 1, column: Int(mark.column) + 1, message: depthMessage)
    }

    static let depthMessage = "lists and mappings are nested more than \(maximumDepth) levels deep"

    static let collectionKeyMessage = "a key must be a word, not a list or a mapping"

    /// The values seen so far, each anchor's size (aliases inside it expanded), and the open collections.
    private struct Counter {
        /// Values of each open collection so far, itself included, with its anchor; for a mapping,
        /// whether its next value is a key.
        var open: [(anchor: String?, values: Int, nextIsKey: Bool?)] = []
        var anchorValues: [String: Int] = [:]
        /// Anchors that name a list or a mapping.
        var collectionAnchors: Set<String> = []
        var aliasedValues = 0

        mutating func take(_ event: yaml_event_t) -> Excess? {
            let mark = event.start_mark
            let beginsValue = [YAML_SCALAR_EVENT, YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT, YAML_ALIAS_EVENT].contains(
                event.type)
            let isKey = beginsValue && beginValue()
            switch event.type {
            case YAML_SCALAR_EVENT:
                close(anchor: Self.name(event.data.scalar.anchor), values: 1)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                if isKey { return Excess(line: Int(mark.line) + 1, column: Int(mark.column) + 1, message: collectionKeyMessage) }
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let anchor = Self.name(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
                if let anchor { collectionAnchors.insert(anchor) }
                open.append((anchor, 1, isMapping ? true : nil))
                if open.count > maximumDepth {
                    return Excess(
                        line: Int(mark.line) + 1, column: Int(mark.column) + 1,
                        message: YAMLBudget.depthMessage)
                }
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                if let collection = open.popLast() { close(anchor: collection.anchor, values: collection.values) }
            case YAML_ALIAS_EVENT:
                // An undefined alias counts for nothing here; Yams reports it.
                let anchor = Self.name(event.data.alias.anchor)
                if isKey, let anchor, collectionAnchors.contains(anchor) {
                    return Excess(line: Int(mark.line) + 1, column: Int(mark.column) + 1, message: collectionKeyMessage)
                }
                let values = anchor.flatMap { anchorValues[$0] } ?? 0
                aliasedValues += values
                if aliasedValues > maximumAliasedValues {
                    return Excess(
                        line: Int(mark.line) + 1, column: Int(mark.column) + 1,
                        message:
                            "aliases ('*name') repeat more than \(maximumAliasedValues) values in this file; write the values out instead")
                }
                close(anchor: nil, values: values)
            default:
                break
            }
            return nil
        }

        /// A value begins (a scalar, an alias, or a list or mapping opening): whether it is a key of
        /// the mapping it is in (a mapping's values alternate key, value, key…).
        private mutating func beginValue() -> Bool {
            guard let last = open.indices.last, let nextIsKey = open[last].nextIsKey else { return false }
            open[last].nextIsKey = !nextIsKey
            return nextIsKey
        }

        /// A value of `values` values ends: its anchor now stands for them, and its parent holds them.
        /// No overflow: a size counts written values and aliased ones, and the scan stops past the budget.
        private mutating func close(anchor: String?, values: Int) {
            if let anchor { anchorValues[anchor] = values }
            if !open.isEmpty { open[open.count - 1].values += values }
        }

        private static func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            anchor.map { String(cString: $0) }
        }
    }
}
