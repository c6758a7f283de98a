// The templates folder: located errors for broken templates, and `{{value}}` escaped as the library would.

import Foundation
import Mustache
import Testing
import VigieSupport
import VigieTestSupport

@testable import VigieRendering

@Suite("Templates folder")
struct TemplateSetTests {
    /// A copy of the repository's templates, with `changes` written over it.
    static func templates(_ changes: [String: String]) throws -> TemporaryFolder {
        let folder = TemporaryFolder("vigie-templates")
        try FileManager.default.removeItem(atPath: folder.path)
        try FileManager.default.copyItem(atPath: Repository.templates, toPath: folder.path)
        for (path, text) in changes { folder.write(path, text) }
        return folder
    }

    static func load(_ folder: TemporaryFolder) -> (TemplateSet?, [String]) {
        var diagnostics: [Diagnostic] = []
        let set = TemplateSet.load(directory: folder.path, into: &diagnostics)
        return (set, diagnostics.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") })
    }

    @Test("a syntax error is reported at its own line and column, all in one run")
    func syntaxErrors() throws {
        let folder = try Self.templates([
            "partials/milestone.mustache": "<li>\n  {{#done}}\n  <b>{{title}}</b>\n",
            "pages/404.mustache": "{{<base}}\n{{$content}}\n<p>{{t.not_found.title}</p>\n{{/content}}\n{{/base}}\n",
        ])
        let (set, diagnostics) = Self.load(folder)
        #expect(set == nil)
        // Sorted by path; a partial that exists but does not parse is not also called missing where it is included.
        #expect(
            diagnostics == [
                "pages/404.mustache:3:23: error: template syntax error: a tag is not closed with '}}'",
                "partials/milestone.mustache:4:1: error: template syntax error: a section is opened but never closed",
            ])
    }

    @Test("a partial that does not exist is named where it is included")
    func missingPartial() throws {
        let folder = try Self.templates(["pages/tag.mustache": "{{<base}}\n{{$content}}\n  {{> tag-list}}\n{{/content}}\n{{/base}}\n"])
        let (set, diagnostics) = Self.load(folder)
        #expect(set == nil)
        #expect(
            diagnostics == [
                "pages/tag.mustache:3:3: error: template 'pages/tag' includes 'tag-list', but no file tag-list.mustache exists"
            ])
    }

    @Test("partials are found by the parser: not inside a comment, and with other delimiters too")
    func partialsAsParsed() throws {
        let folder = try Self.templates([
            "partials/note-card.mustache": "{{! once {{> old-card}}\n<article>{{=<% %>=}}\n<%> gone%></article>\n"
        ])
        let (set, diagnostics) = Self.load(folder)
        #expect(set == nil)
        #expect(
            diagnostics == [
                "partials/note-card.mustache:3:1: error: template 'partials/note-card' includes 'gone', but no file gone.mustache exists"
            ])
    }

    @Test(
        "values are escaped exactly as swift-mustache's own HTML escaping does",
        arguments: [
            "plain", "", "Tom & Jerry", "<script>alert('x')</script>", "\"quoted\"", "l'été « déjà » — 12\u{202F}%",
            "emoji 👩🏽‍💻 & <b>", "&amp; already", "a\u{0301}<>", "tab\tnew\nline",
        ])
    func escaping(_ value: String) throws {
        let folder = try Self.templates(["partials/probe.mustache": "[{{value}}]"])
        let (set, diagnostics) = Self.load(folder)
        #expect(diagnostics == [])
        let ours = try #require(set).render("partials/probe", ["value": value])
        let library = try MustacheTemplate(string: "[{{value}}]")
        #expect(ours == library.render(["value": value]))
    }
}
