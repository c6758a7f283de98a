import Foundation
import Testing
import VigieSupport
import VigieTestSupport

@testable import VigieInput

@Suite("Limits on YAML aliases and nesting")
struct YAMLBudgetTests {
    /// Nine anchors, each a list of nine aliases of the one before: 9⁹ values in a few hundred bytes.
    static func billionLaughs(then use: String) -> String {
        var lines = [#"l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]"#]
        for i in 1...8 { lines.append("l\(i): &l\(i) [" + Array(repeating: "*l\(i - 1)", count: 9).joined(separator: ", ") + "]") }
        return (lines + [use]).joined(separator: "\n") + "\n"
    }

    @Test("a few aliases, as a hand-written file uses them, are read as ever")
    func modestAliases() throws {
        let text = """
            title: Vigie
            publication_date: 2019-03-29
            vocabularies:
              platforms: &platforms
                amazon: Amazon
                other: Autre
              outcomes:
                reinstated: &label Rétabli
                compensated: *label

            """
        var diagnostics: [Diagnostic] = []
        let config = try #require(SiteConfigLoader.load(text: text, path: "site.yaml", into: &diagnostics))
        #expect(diagnostics.isEmpty)
        #expect(config.outcomes.label("compensated") == "Rétabli")
    }

    @Test("an alias bomb is an error at the alias that takes the file over the budget", arguments: ["? *l8\n: rire", "rire: *l8"])
    func aliasBomb(use: String) {
        let excess = YAMLBudget.check(Self.billionLaughs(then: use))
        // A list counts with its items: l1 repeats 9 × 10 values, l2 9 × 91, l3 9 × 820 (8,289 in all so
        // far); l4's first alias of l3 (7,381 values) goes over 10,000, before the bomb is even used.
        #expect(
            excess
                == YAMLBudget.Excess(
                    line: 5, column: 10,
                    message: "aliases ('*name') repeat more than 10000 values in this file; write the values out instead"))
    }

    @Test("just under the budget passes; one more value does not")
    func budgetBoundary() {
        // An anchor of 1 + 99 values, repeated 100 times: 10,000 aliased values.
        let list = "[" + Array(repeating: "x", count: 99).joined(separator: ", ") + "]"
        let under = "a: &a \(list)\nb: [" + Array(repeating: "*a", count: 100).joined(separator: ", ") + "]\n"
        #expect(YAMLBudget.check(under) == nil)
        let over = "a: &a \(list)\nb: [" + Array(repeating: "*a", count: 100).joined(separator: ", ") + ", *a]\n"
        #expect(YAMLBudget.check(over) != nil)
    }

    @Test("32 levels of lists and mappings pass, 33 do not, in block or flow style")
    func depth() {
        func flow(_ depth: Int) -> String {
            "k: " + String(repeating: "[", count: depth - 1) + String(repeating: "]", count: depth - 1) + "\n"
        }
        func block(_ depth: Int) -> String {
            (0..<depth).map { String(repeating: "  ", count: $0) + "n\($0):\n" }.joined() + String(repeating: "  ", count: depth) + "fin\n"
        }
        #expect(YAMLBudget.check(flow(32)) == nil)
        #expect(YAMLBudget.check(flow(33))?.message == YAMLBudget.depthMessage)
        #expect(YAMLBudget.check(block(32)) == nil)
        #expect(YAMLBudget.check(block(33))?.message == YAMLBudget.depthMessage)
        // Deeper than libyaml's own limit on one line: its wording is not shown.
        #expect(YAMLBudget.check(flow(5000))?.message == YAMLBudget.depthMessage)
    }

    @Test("a syntax error is left to Yams, which reports it with its position")
    func syntaxError() {
        #expect(YAMLBudget.check("a: [1, 2\nb: 3\n") == nil)
        var diagnostics: [Diagnostic] = []
        #expect(YAMLParser.parse("a: [1, 2\nb: 3\n", path: "x.yaml", into: &diagnostics) == nil)
        #expect(diagnostics.count == 1)
        #expect(!diagnostics[0].message.contains("yaml_"))
    }

    @Test(
        "a key that is a list or a mapping, or an alias of one, is refused at the key",
        arguments: [
            ("? [a, b]\n: 1\n", 1, 3), ("title: x\n? {a: 1}\n: 2\n", 2, 3),
            ("a: &liste [1]\n? *liste\n: 2\n", 2, 3), ("a:\n  ? - b\n  : c\n", 2, 5),
        ])
    func collectionKeys(text: String, line: Int, column: Int) {
        #expect(YAMLBudget.check(text) == YAMLBudget.Excess(line: line, column: column, message: YAMLBudget.collectionKeyMessage))
    }

    @Test("explicit keys that are words, and aliases of words as keys, are read as ever")
    func wordKeys() {
        #expect(YAMLBudget.check("? title\n: Vigie\nlists: [[1], {a: 2}]\n") == nil)
        #expect(YAMLBudget.check("a: &mot titre\n? *mot\n: 2\n") == nil)
    }

    /// Found by FuzzNote: two duplicated keys that were lists. Yams sorts the duplicates to name the
    /// first, and lists have no order, so the message and its position changed between two parses of
    /// the same text (the shortcut and Yams then seemed to disagree).
    @Test("a front matter with duplicated list keys gives one message, the same on every read")
    func duplicatedCollectionKeys() throws {
        let text = try String(contentsOfFile: Repository.root + "/Tests/Fuzz/corpus/FuzzNote/collection-keys-duplicated", encoding: .utf8)
        var messages: Set<String> = []
        for shortcut in [true, false, true, false, true, false] {
            var diagnostics: [Diagnostic] = []
            #expect(NoteLoader.load(text: text, path: "note.md", fileStem: "note", useShortcut: shortcut, into: &diagnostics) == nil)
            messages.insert(diagnostics.map(\.description).joined(separator: "\n"))
        }
        #expect(messages == ["note.md:3:13: error: invalid YAML: \(YAMLBudget.collectionKeyMessage)"])
    }
}
