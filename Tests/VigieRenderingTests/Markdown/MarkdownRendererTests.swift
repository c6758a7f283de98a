import Testing

@testable import VigieRendering

@Suite("Markdown through cmark")
struct MarkdownRendererTests {
    @Test("headings get anchors and feed the table of contents")
    func headings() {
        let rendered = MarkdownRenderer.render(
            "# Titre\n\n## Le contexte\n\ntexte\n\n## Le contexte\n", path: "n.md", allowRawHTML: false, frenchTypography: true)
        #expect(rendered.headings.map(\.anchor) == ["titre", "le-contexte", "le-contexte-2"])
        #expect(rendered.html.contains("<h2 id=\"le-contexte\">Le contexte</h2>"))
        #expect(rendered.html.contains("<h2 id=\"le-contexte-2\">"))
    }

    @Test("a NUL character becomes U+FFFD, as the CommonMark spec asks, and an empty body renders empty")
    func nulAndEmpty() {
        let rendered = MarkdownRenderer.render("a\u{0}b\n", path: "n.md", allowRawHTML: false, frenchTypography: true)
        #expect(rendered.html == "<p>a\u{FFFD}b</p>\n")
        #expect(MarkdownRenderer.render("", path: "n.md", allowRawHTML: false, frenchTypography: true).html == "")
    }

    @Test("French spacing before ; : ! ? and inside « » is non-breaking, code is left alone")
    func frenchTypography() {
        let rendered = MarkdownRenderer.render(
            "Une question ? Oui : « très » bien !\n\n`a ; b`\n", path: "n.md", allowRawHTML: false, frenchTypography: true)
        #expect(rendered.html.contains("question\u{202F}?"))
        #expect(rendered.html.contains("Oui\u{00A0}:"))
        #expect(rendered.html.contains("«\u{00A0}très\u{00A0}»"))
        #expect(rendered.html.contains("<code>a ; b</code>"))
    }

    @Test("raw HTML is dropped with a located warning unless allowed")
    func rawHTML() {
        let markdown = "Texte\n\n<script>alert(1)</script>\n"
        let safe = MarkdownRenderer.render(markdown, path: "notes/n.md", firstLine: 6, allowRawHTML: false, frenchTypography: false)
        #expect(!safe.html.contains("<script>"))
        #expect(
            safe.diagnostics.map(\.description) == [
                "notes/n.md:8:1: warning: raw HTML is not published (set allow_raw_html: true in site.yaml to allow it)"
            ])
        let unsafe = MarkdownRenderer.render(markdown, path: "notes/n.md", allowRawHTML: true, frenchTypography: false)
        #expect(unsafe.html.contains("<script>"))
    }

    @Test("smart punctuation turns straight apostrophes into typographic ones")
    func smart() {
        let rendered = MarkdownRenderer.render("l'appel\n", path: "n.md", allowRawHTML: false, frenchTypography: true)
        #expect(rendered.html == "<p>l’appel</p>\n")
    }
}
