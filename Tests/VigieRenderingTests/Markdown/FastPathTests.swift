// Each byte-level fast path of the render stage beside its reference, on generated inputs: the two
// escapers, French spacing on bytes, and the post-processing of cmark's HTML. A fast path may decline
// (and leave the text to the reference), never answer differently.

import Foundation
import Testing
import VigieSupport
import VigieSynthetic

@testable import VigieMustache
@testable import VigieRendering

@Suite("Fast paths against their references")
struct FastPathTests {
    /// Pieces of text for generated inputs: ASCII, the escaped characters, Latin-1, French marks and
    /// spaces, and scalars no fast path accepts (combining marks, emoji and their joiners, spaces of
    /// U+2000–U+200A, line separators, CJK).
    static let pieces = [
        "a", "Zoé", "42", " ", "&", "<", ">", "\"", "'", "&amp;", ";", ":", "!", "?", "«", "»", "\u{A0}", "\u{202F}", "\t", "\n",
        "\r\n", "\r", "’", "—", "–", "…", "“", "”", "e\u{301}", "\u{301}", "\u{308}", "👍🏽", "👩‍💻", "\u{200D}", "\u{200C}",
        "\u{2003}", "\u{2009}", "\u{2028}", "\u{2060}", "€", "数", "ﬁ", "\u{85}", "\u{1F}", "",
    ]

    static func text(_ random: inout SeededGenerator, pieces: [String] = pieces, upTo count: Int = 10) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...count, using: &random) { text += pieces.randomElement(using: &random)! }
        return text
    }

    /// `& < > " '` replaced scalar by scalar: the escaping both escapers claim.
    static func referenceEscape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    @Test("XML.escape and the template renderer's escaping give the same bytes (20,000 seeded texts)")
    func escapers() throws {
        let program = TemplateProgram(["main": try TemplateParser.parse("{{v}}")])
        var random = SeededGenerator(seed: 41)
        for _ in 0..<20_000 {
            let text = Self.text(&random)
            var renderer = TemplateRenderer(program: program, context: ["v": .text(text)])
            renderer.render(template: 0)
            let rendered = String(decoding: renderer.output, as: UTF8.self)
            let expected = Self.referenceEscape(text)
            #expect(XML.escape(text) == expected, "\(text.unicodeScalars.map(\.value))")
            #expect(rendered == expected, "\(text.unicodeScalars.map(\.value))")
        }
    }

    /// French spacing on bytes, as text; nil when the byte path declines.
    static func typographyBytePath(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            switch FrenchTypography.apply(bytes: bytes) {
            case .unchanged: return String(decoding: bytes, as: UTF8.self)
            case .changed(let out): return String(decoding: out, as: UTF8.self)
            case .needsCharacters: return nil
            }
        }
    }

    static func isSimple(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { FrenchTypography.isSimple($0) }
    }

    static func isPlain(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { MarkdownRenderer.isPlain($0) }
    }

    /// Every scalar from U+0000 to `last`, surrogates left out.
    static func scalars(through last: UInt32) -> [Unicode.Scalar] { (0...last).compactMap(Unicode.Scalar.init) }

    @Test("French spacing: every scalar isSimple accepts gets, beside each mark, what the Character rule gives")
    func typographyScalarByScalar() {
        // – — ‘ ’ “ ” … and the narrow no-break space.
        let punctuation: [Unicode.Scalar] = [
            "\u{2013}", "\u{2014}", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2026}", "\u{202F}",
        ]
        let accepted = Self.scalars(through: 0x2FF) + punctuation
        for scalar in accepted {
            let s = String(scalar)
            #expect(Self.isSimple(s), "U+\(String(scalar.value, radix: 16))")
            // Around each mark, with and without a space: the byte rule's whitespace and equality
            // tests must be those of `Character` for this scalar.
            for context in ["«\(s)x", "x\(s);", "x \(s);", "x\(s) »", "«\(s)", "\(s)»", "\(s)?\(s)", "a \(s)!"] {
                #expect(
                    Self.typographyBytePath(context) == FrenchTypography.apply(to: context),
                    "U+\(String(scalar.value, radix: 16)) in \(context.unicodeScalars.map(\.value))")
            }
        }
        // Scalars whose answer the byte rule does not know: it must decline them.
        for scalar in ["\u{300}", "\u{2003}", "\u{2009}", "\u{2028}", "\u{200D}", "\u{1F44D}", "\u{20AC}"] as [Unicode.Scalar] {
            #expect(!Self.isSimple("«" + String(scalar)), "U+\(String(scalar.value, radix: 16))")
        }
    }

    @Test("French spacing: on 20,000 seeded texts of every kind, the byte path answers as the Character path or declines")
    func typographyGenerated() {
        var random = SeededGenerator(seed: 42)
        var answered = 0
        for _ in 0..<20_000 {
            let text = Self.text(&random)
            let bytes = Self.typographyBytePath(text)
            #expect((bytes == nil) == !Self.isSimple(text), "\(text.unicodeScalars.map(\.value))")
            guard let bytes else { continue }
            answered += 1
            #expect(bytes == FrenchTypography.apply(to: text), "\(text.unicodeScalars.map(\.value))")
        }
        #expect(answered > 1_000)
    }

    @Test("HTML post-processing: no scalar isPlain accepts joins a cluster with a tag's < or >")
    func plainScalarsStandAlone() {
        let generalPunctuation = (0x2000...0x20BF).compactMap(Unicode.Scalar.init).filter { $0.value != 0x200C && $0.value != 0x200D }
        let accepted = Self.scalars(through: 0x2FF) + generalPunctuation
        for scalar in accepted {
            let s = String(scalar)
            #expect(Self.isPlain(s), "U+\(String(scalar.value, radix: 16))")
            for joined in ["<" + s, s + "<", ">" + s, s + ">"] {
                #expect(joined.count == 2, "U+\(String(scalar.value, radix: 16)) joins a bracket in \(joined.unicodeScalars.map(\.value))")
            }
        }
        for scalar in ["\u{300}", "\u{200C}", "\u{200D}", "\u{20D0}", "\u{1F44D}", "\u{FE0F}"] as [Unicode.Scalar] {
            #expect(!Self.isPlain(String(scalar)), "U+\(String(scalar.value, radix: 16))")
        }
    }

    @Test("HTML post-processing: on 20,000 seeded pages, the byte path gives what the Character path gives, or declines")
    func postProcessGenerated() {
        // What cmark writes: whole tags and the raw-HTML marker, and text in which `<` and `>` are
        // always escaped (a bare `<` never reaches the post-processing).
        let tags = ["<p>", "</p>\n", "<h1>", "<h2>", "<h3>", "</h2>\n", "<em>", "</em>", "<!-- raw HTML omitted -->", "&lt;h2&gt;"]
        let text = Self.pieces.filter { !$0.contains("<") && !$0.contains(">") }
        var random = SeededGenerator(seed: 43)
        var answered = 0
        for _ in 0..<20_000 {
            let page = Self.text(&random, pieces: tags + tags + text, upTo: 14)
            let headings = (0..<Int.random(in: 0...3, using: &random)).map { k in
                RenderedMarkdown.Heading(level: Int.random(in: 1...3, using: &random), text: "t\(k)", anchor: "a\(k)")
            }
            var bytes = page
            let fast = bytes.withUTF8 { MarkdownRenderer.postProcess($0, headings: headings) }
            #expect((fast == nil) == !(page.isEmpty || Self.isPlain(page)), "\(page.unicodeScalars.map(\.value))")
            guard let fast else { continue }
            answered += 1
            #expect(fast == MarkdownRenderer.postProcessByCharacters(page, headings: headings), "\(page.unicodeScalars.map(\.value))")
        }
        #expect(answered > 1_000)
    }
}
