// Notes saved on any system: LF or CRLF line endings, with or without a BOM.

import Testing
import VigieInput
import VigieSupport

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

    /// The body is the text after the closing fence with every line end made LF, whether it is sliced
    /// (LF only) or joined line by line (any other line end).
    @Test(
        arguments: [
            ("---\ntitle: T\ndate: 2018-12-01\n---\n\nUn « texte » ’\nsur deux lignes.\n", "\nUn « texte » ’\nsur deux lignes.\n"),
            ("---\r\ntitle: T\r\ndate: 2018-12-01\r\n---\r\nA\r\nB", "A\nB"),
            ("---\ntitle: T\ndate: 2018-12-01\n---\nA\u{2028}B\rC\n", "A\nB\nC\n"),
            ("---\ntitle: T\ndate: 2018-12-01\n---\nl’« a »\u{85}B\u{0B}C\u{2029}D\n", "l’« a »\nB\nC\nD\n"),
            ("---\ntitle: T\ndate: 2018-12-01\n---", ""),
            ("---\ntitle: T\ndate: 2018-12-01\n---\n", ""),
        ])
    func bodyIsTheRestWithLineFeeds(_ text: String, _ body: String) {
        var diagnostics: [Diagnostic] = []
        let note = NoteLoader.load(text: text, path: "n.md", fileStem: "n", into: &diagnostics)
        #expect(diagnostics.isEmpty)
        #expect(note?.body == body)
        #expect(note?.bodyFirstLine == 5)
    }
}
