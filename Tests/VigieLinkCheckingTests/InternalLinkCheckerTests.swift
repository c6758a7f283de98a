import Testing

@testable import VigieInput
@testable import VigieLinkChecking
@testable import VigieRendering

@Suite("Links written in notes checked against the built site")
struct InternalLinkCheckerTests {
    static let files = [
        OutputFile(path: "index.html", text: "<html><body id=\"haut\"></body></html>"),
        OutputFile(path: "notes/a/index.html", text: "<h2 id=\"contexte\">Contexte</h2>"),
        OutputFile(path: "statistiques/index.html", text: "<section\n id=\"plateformes\"><p>data-id=\"faux\"</p></section>"),
        OutputFile(path: "donnees/cases.csv", text: "a,b\n"),
    ]

    /// The messages for a note `a` whose body is `markdown` (its slug decides its page: `notes/a/`).
    func messages(_ markdown: String, slug: String = "a") -> [String] {
        let note = Note(
            path: "notes/a.md", title: "A", date: Day(year: 2019, month: 1, day: 1)!, slug: slug, body: markdown, bodyFirstLine: 5)
        let body = MarkdownRenderer.render(markdown, path: note.path, firstLine: 5, allowRawHTML: false, frenchTypography: false)
        return InternalLinkChecker.check([RenderedNote(note: note, body: body)], files: Self.files, baseURL: "https://example.org/")
            .map(\.description)
    }

    @Test("links that reach a built file and an existing id pass; external links are not checked")
    func valid() {
        let markdown = """
            [a](/) [b](/notes/a/#contexte) [c](../../statistiques/#plateformes) [d](#contexte) [e](/donnees/cases.csv)
            [f](https://example.org/notes/a) [g](https://ailleurs.example/nexiste/) [h](mailto:x@example.org) [i](/#top) [j](/#haut)
            <https://example.org/statistiques/>

            """
        #expect(messages(markdown) == [])
    }

    @Test("a missing page or anchor is an error at the link (columns in bytes, as cmark counts), one per link")
    func missing() {
        let markdown = """
            Texte [nulle part](/notes/nexiste-pas/).
            Et [là](../b/), [ici](#absent), [là-bas](/statistiques/#faux)
            et <https://example.org/notes/b/>.

            """
        #expect(
            messages(markdown) == [
                "notes/a.md:5:7: error: link to /notes/nexiste-pas/: no such page on the site",
                "notes/a.md:6:4: error: link to ../b/: no such page on the site (/notes/b/ from /notes/a/)",
                "notes/a.md:6:18: error: link to #absent: no element with id 'absent' on /notes/a/",
                "notes/a.md:6:34: error: link to /statistiques/#faux: no element with id 'faux' on /statistiques/",
                "notes/a.md:7:4: error: link to https://example.org/notes/b/: no such page on the site",
            ])
    }

    @Test("an image is checked like a link, and one from another host is an error (the site makes no external request)")
    func images() {
        let markdown = """
            ![carte](/donnees/cases.csv) ![absente](/assets/carte.png)
            ![ailleurs](https://ailleurs.example/carte.png) ![aussi](//cdn.example/x.png) ![ici](https://example.org/donnees/cases.csv)
            ![intégrée](data:image/png;base64,iVBORw0KGgo=)

            """
        #expect(
            messages(markdown) == [
                "notes/a.md:5:30: error: link to /assets/carte.png: no such page on the site",
                "notes/a.md:6:1: error: image https://ailleurs.example/carte.png: an image from another site would be fetched by every "
                    + "reader's browser; copy the file into templates/assets/ and link it as /assets/<name>",
                "notes/a.md:6:49: error: image //cdn.example/x.png: an image from another site would be fetched by every "
                    + "reader's browser; copy the file into templates/assets/ and link it as /assets/<name>",
            ])
    }

    @Test("the methodology note is shown on /methodologie/ too: its relative links must work from there")
    func methodology() {
        #expect(
            messages("[a](../a/)\n", slug: "methodologie") == [
                "notes/a.md:5:1: error: link to ../a/: no such page on the site (/a/ from /methodologie/)"
            ])
    }

    @Test("a long destination is cut in the message")
    func longDestination() {
        let long = "/" + String(repeating: "x", count: 500) + "/"
        let message = messages("[a](\(long))\n")
        #expect(message.count == 1 && message[0].count < 200 && message[0].contains("…"))
    }

    @Test("control characters of a destination are not sent to the terminal")
    func controlCharacters() {
        #expect(InternalLinkChecker.shown("/a\u{1B}[31m/") == "/a?[31m/")
    }

    @Test("ids are read from attributes only")
    func ids() {
        #expect(PageAttributes.ids(in: Array("<a id=\"x\"><b\tid=\"y\" data-id=\"z\">id=\"w\"".utf8)) == ["x", "y"])
    }
}
