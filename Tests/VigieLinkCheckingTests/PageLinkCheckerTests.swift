import Testing

@testable import VigieInput
@testable import VigieLinkChecking
@testable import VigieRendering

@Suite("Links of the built pages checked against the site, reported at the template that wrote them")
struct PageLinkCheckerTests {
    static let layout = """
        <body>
        <a class="skip" href="#contenu">Aller au contenu</a>
        {{$main}}{{/main}}
        <footer><a href="{{root}}plan-du-site/">Plan</a> <a href="{{href}}">{{label}}</a></footer>
        </body>
        """
    static let page = """
        {{<base}}{{$main}}<main id="contenu"><p><a href="{{root}}glossaire/#cles">Clés</a>
          <img src="{{root}}assets/logo.svg" alt=""></p></main>{{/main}}{{/base}}
        """

    static var templates: TemplateLinks {
        var links = TemplateLinks()
        links.add(template: "base", text: layout, path: "templates/layouts/base.mustache", includes: [])
        links.add(template: "pages/home", text: page, path: "templates/pages/home.mustache", includes: ["base"])
        return links
    }

    /// A built page as the templates above write it, with `root`, the footer's data link, and the glossary's fragment.
    static func built(_ folder: String, href: String = "../notes/", mainID: String = "contenu") -> OutputFile {
        let root = String(repeating: "../", count: folder.split(separator: "/").count)
        let html = """
            <body>
            <a class="skip" href="#contenu">Aller au contenu</a>
            <main id="\(mainID)"><p><a href="\(root)glossaire/#cles">Clés</a>
              <img src="\(root)assets/logo.svg" alt=""></p></main>
            <footer><a href="\(root)plan-du-site/">Plan</a> <a href="\(href)">Notes</a></footer>
            </body>
            """
        return OutputFile(path: folder + "index.html", text: html).rendered(from: "pages/home")
    }

    static let others = [
        OutputFile(path: "glossaire/index.html", text: "<dl id=\"cles\"></dl>"),
        OutputFile(path: "plan-du-site/index.html", text: ""),
        OutputFile(path: "notes/index.html", text: ""),
        OutputFile(path: "assets/logo.svg", text: "<svg/>"),
    ]

    /// The messages for `pages` beside the others; `glossaryIDs` are the ids of the glossary page.
    func messages(_ pages: [OutputFile], notes: [RenderedNote] = [], glossaryIDs: String = "cles") -> [String] {
        var others = Self.others
        others[0] = OutputFile(path: "glossaire/index.html", text: "<dl id=\"\(glossaryIDs)\"></dl>")
        return PageLinkChecker.check(
            (pages + others).sorted { $0.path < $1.path }, notes: notes, templates: Self.templates, baseURL: "https://example.org/"
        )
        .map(\.description)
    }

    @Test("pages whose links all reach a file and an id pass")
    func valid() {
        #expect(messages([Self.built("statistiques/"), Self.built("notes/a/", href: "../../notes/")]) == [])
    }

    @Test("a broken link is an error at the attribute that wrote it, once for every page that shows it")
    func broken() {
        let pages = [
            Self.built("statistiques/", mainID: "principal"),
            Self.built("notes/a/", href: "../../notes/b/", mainID: "principal"),
            Self.built("notes/c/", href: "../b/", mainID: "principal"),
        ]
        #expect(
            messages(pages, glossaryIDs: "autre") == [
                "templates/layouts/base.mustache:2:23: error: link to #contenu on /notes/a/ and 2 other pages: no element with id 'contenu' on /notes/a/",
                "templates/pages/home.mustache:1:50: error: link to /glossaire/#cles on /notes/a/ and 2 other pages: no element with id 'cles' on /glossaire/",
                "templates/layouts/base.mustache:4:59: error: link to /notes/b/ on /notes/a/ and 1 other page: no such page on the site",
            ])
    }

    @Test("a link written in a note is left to the note's own check")
    func noteLinks() {
        let note = Note(
            path: "notes/a.md", title: "A", date: Day(year: 2019, month: 1, day: 1)!, slug: "a", body: "[b](../b/)", bodyFirstLine: 5)
        let body = MarkdownRenderer.render(note.body, path: note.path, firstLine: 5, allowRawHTML: false, frenchTypography: false)
        let page = Self.built("notes/a/", href: "../../notes/")
        let withNoteLink = OutputFile(
            path: page.path, bytes: page.bytes + Array("<p><a href=\"../b/\">b</a></p>".utf8), template: page.template)
        #expect(messages([withNoteLink], notes: [RenderedNote(note: note, body: body)]) == [])
        #expect(messages([withNoteLink]).count == 1)
    }

    @Test("an attribute value is its literal pieces around the tags; the most literal match wins")
    func origin() {
        #expect(TemplateLinks.pieces(of: "{{root}}glossaire/#cles") == ["", "glossaire/#cles"])
        #expect(TemplateLinks.pieces(of: "{{{a}}}x{{b}}") == ["", "x", ""])
        #expect(TemplateLinks.pieces(of: "notes/") == ["notes/"])
        let links = Self.templates
        #expect(links.origin(of: "../glossaire/#cles", onPageOf: "pages/home")?.description == "templates/pages/home.mustache:1:50")
        #expect(links.origin(of: "../plan-du-site/", onPageOf: "pages/home")?.description == "templates/layouts/base.mustache:4:18")
        #expect(links.origin(of: "n'importe-quoi/", onPageOf: "pages/home")?.description == "templates/layouts/base.mustache:4:59")
        #expect(links.origin(of: "#contenu", onPageOf: "base")?.description == "templates/layouts/base.mustache:2:23")
        #expect(links.origin(of: "../plan-du-site/", onPageOf: "pages/inconnue") == nil)
    }

    @Test("values are read as the browser reads them: character references decoded")
    func unescaped() {
        #expect(PageLinkChecker.unescaped("a?b=1&amp;c=2&#35;x&#x41;&lt;&bogus;&") == "a?b=1&c=2#xA<&bogus;&")
        let links = PageAttributes.links(in: Array("<a\nhref=\"x&amp;y\"><img src=\"z\"> data-src=\"no\" title=\"a=\"".utf8))
        #expect(links.map(\.destination) == ["x&y", "z"])
        #expect(links.map(\.written) == ["x&amp;y", "z"])
    }
}

extension OutputFile {
    fileprivate func rendered(from template: String) -> OutputFile { OutputFile(path: path, bytes: bytes, template: template) }
}
