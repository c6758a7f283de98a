// Notes saved on any system: LF or CRLF line endings, with or without a BOM.

import Testing
import VigieCore

@Suite struct NoteLoaderTests {
    /// Regression: in Swift "\r\n" is one Character, so splitting on "\n" left a CRLF note as one line.
    @Test(arguments: ["\n", "\r\n"])
    func frontMatterIsReadWhateverTheLineEndings(_ newline: String) {
        let text =
            "\u{FEFF}" + ["---", "title: Médiation", "date: 2018-12-01", "tags: [a]", "---", "", "Texte."].joined(separator: newline)
        var diagnostics: [Diagnostic] = []
        let note = NoteLoader.load(text: text, path: "n.md", fileStem: "mediation", into: &diagnostics)
        #expect(diagnostics.isEmpty)
        #expect(note?.title == "Médiation")
        #expect(note?.body.contains("Texte.") == true)
        #expect(note?.bodyFirstLine == 6)
    }

    @Test func unknownKeyIsReportedAtItsLineWithAHint() {
        var diagnostics: [Diagnostic] = []
        _ = NoteLoader.load(
            text: "---\r\ntitle: T\r\ndate: 2018-12-01\r\nsumary: x\r\n---\r\n", path: "n.md", fileStem: "n", into: &diagnostics)
        #expect(diagnostics.map(\.description) == ["n.md:4:1: error: unknown key 'sumary' in note front matter; did you mean 'summary'?"])
    }
}
