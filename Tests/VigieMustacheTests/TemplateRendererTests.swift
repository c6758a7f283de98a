// Vigie's Mustache parser and renderer against swift-mustache, which they replaced: same bytes out
// for the same template and values, same place for a syntax error.

import Foundation
import Mustache
import Testing

@testable import VigieMustache

@Suite("Template renderer")
struct TemplateRendererTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var template: String
        var partials: [String: String] = [:]
        nonisolated(unsafe) var data: [String: Any] = [:]
        var testDescription: String { name }
    }

    nonisolated(unsafe) static let person: [String: Any] = [
        "name": "Joe", "age": 42, "admin": true, "city": ["name": "Lyon", "zip": "69001"],
    ]
    nonisolated(unsafe) static let items: [[String: Any]] = [
        ["label": "a", "on": true], ["label": "b", "on": false], ["label": "c & d", "on": true],
    ]

    static let cases: [Case] = [
        // Interpolation and escaping
        Case(name: "empty template", template: ""),
        Case(name: "plain text", template: "Hello, world!\n"),
        Case(name: "escaped and raw", template: "{{v}} {{{v}}} {{&v}}", data: ["v": "<b>\"R&D\" l'été</b>"]),
        Case(name: "numbers and flags", template: "{{age}} {{admin}} {{missing}}|", data: person),
        Case(name: "dotted names", template: "{{city.name}} {{city.zip}} {{city.none}} {{none.name}}|", data: person),
        Case(name: "padding inside tags", template: "|{{ name }}|{{{ name }}}|{{& name }}|", data: person),
        Case(name: "implicit iterator", template: "{{#list}}({{.}}){{/list}}", data: ["list": ["a", "<", "c"]]),
        Case(name: "top-anchored name", template: "{{#city}}{{.name}}/{{.age}}/{{age}}{{/city}}", data: person),
        // Sections
        Case(name: "list of maps", template: "{{#items}}[{{label}}{{#on}}+{{/on}}{{^on}}-{{/on}}]{{/items}}", data: ["items": items]),
        Case(name: "empty list and inverted", template: "<{{#l}}x{{/l}}{{^l}}none{{/l}}>", data: ["l": [String]()]),
        Case(name: "map pushes context", template: "{{#city}}{{name}} in {{zip}} for {{age}}{{/city}}", data: person),
        Case(name: "string section", template: "{{#name}}[{{.}}]{{/name}}{{#empty}}[{{.}}]{{/empty}}", data: ["name": "x", "empty": ""]),
        Case(name: "missing and false", template: "{{#no}}A{{/no}}{{^no}}B{{/no}}{{#f}}C{{/f}}{{^f}}D{{/f}}", data: ["f": false]),
        Case(
            name: "nested lists", template: "{{#rows}}<{{#cells}}{{.}},{{/cells}}>{{/rows}}",
            data: ["rows": [["cells": ["1", "2"]], ["cells": ["3"]]]]),
        Case(
            name: "standalone lines", template: "| This\n{{#b}}\n|\n{{/b}}\n| Line\n  {{^b}}\n  no\n  {{/b}}\n|end", data: ["b": true]),
        Case(name: "crlf standalone", template: "|\r\n{{#b}}\r\n{{/b}}\r\n|", data: ["b": true]),
        Case(name: "standalone without newline", template: "#{{#b}}\n/\n  {{/b}}", data: ["b": true]),
        Case(name: "indented inline sections", template: " {{#b}}YES{{/b}}\n {{#b}}GOOD{{/b}}\n", data: ["b": true]),
        Case(name: "two tags on a line", template: "{{#b}}{{/b}}\n  {{#b}}x{{/b}}  \nend", data: ["b": true]),
        Case(name: "after a close that is not standalone", template: "{{#b}}x\n{{/b}}\n  {{#b}}\ny\n  {{/b}}\n", data: ["b": true]),
        Case(name: "trailing blanks at the end", template: "a\n  ", data: [:]),
        Case(name: "open delimiter at the end", template: "a {{", data: [:]),
        // Comments and delimiters
        Case(name: "comments", template: "a{{! one }}b\n  {{! standalone }}\nc {{! inline }} d\n{{!\nmulti\nline\n}}\ne"),
        Case(name: "set delimiters", template: "{{=<% %>=}}(<%v%>)\n<%={{ }}=%>\n[{{v}}]", data: ["v": "x"]),
        Case(name: "delimiters inside a section", template: "{{#s}}{{=| |=}}|v||/s|{{v}}|v|", data: ["s": true, "v": "in"]),
        // Partials
        Case(name: "partial", template: "<{{>p}}>", partials: ["p": "{{name}}!"], data: person),
        Case(name: "partial in a loop", template: "{{#items}}{{> p}}{{/items}}", partials: ["p": "[{{label}}]"], data: ["items": items]),
        Case(name: "missing partial", template: "<{{>nope}}>"),
        Case(
            name: "standalone indented partial", template: "\\\n {{>p}}\n/\n", partials: ["p": "|\n{{{content}}}\n|\n"],
            data: ["content": "<\n->"]),
        Case(
            name: "nested indented partials", template: "a\n  {{>outer}}\nz\n",
            partials: ["outer": "o1\n  {{>inner}}\no2\n", "inner": "i1\ni2\n"]),
        Case(
            name: "partial with path name", template: "{{> partials/card}}", partials: ["partials/card": "<p>{{name}}</p>\n"], data: person),
        // Inheritance
        Case(
            name: "parent with a block", template: "{{<base}}\n{{$content}}\n<p>{{name}}</p>\n{{/content}}\n{{/base}}\n",
            partials: ["base": "<main>\n{{$content}}{{/content}}\n</main>\n"], data: person),
        Case(name: "block default", template: "{{<base}}{{/base}}", partials: ["base": "[{{$b}}default {{name}}{{/b}}]"], data: person),
        Case(
            name: "indented block in the parent", template: "{{<base}}{{$b}}\none\ntwo\n{{/b}}{{/base}}",
            partials: ["base": "<div>\n  {{$b}}\n  {{/b}}\n</div>\n"]),
        Case(
            name: "indented block definition", template: "{{<base}}\n  {{$b}}\n    one\n      two\n  {{/b}}\n{{/base}}\n",
            partials: ["base": "<div>\n{{$b}}{{/b}}</div>\n"]),
        Case(
            name: "grandparent", template: "{{<mid}}{{$x}}child{{/x}}{{/mid}}",
            partials: ["mid": "{{<top}}{{$x}}mid{{/x}}{{$y}}mid-y{{/y}}{{/top}}", "top": "<{{$x}}top{{/x}}|{{$y}}top-y{{/y}}>"]),
        Case(
            name: "block in a partial of the parent", template: "{{<base}}{{$t}}T{{/t}}{{/base}}",
            partials: ["base": "[{{>head}}]", "head": "<h>{{$t}}default{{/t}}</h>"]),
        Case(
            name: "the site's note card", template: "{{#notes}}{{> partials/note-card}}{{/notes}}",
            partials: [
                "partials/note-card":
                    "<article>\n  <h{{level}}><a href=\"{{href}}\">{{title}}</a></h{{level}}>\n  {{#has_tags}}<ul>{{#tags}}<li>{{label}}</li>{{/tags}}</ul>{{/has_tags}}\n</article>\n"
            ],
            data: [
                "notes": [
                    ["level": "2", "href": "a/", "title": "A & B", "has_tags": true, "tags": [["label": "x"], ["label": "y"]]],
                    ["level": "3", "href": "b/", "title": "« C »", "has_tags": false, "tags": [[String: Any]]()],
                ]
            ]),
    ]

    @Test("renders exactly what swift-mustache renders", arguments: cases)
    func sameOutput(_ test: Case) throws {
        var ours: [String: [TemplateNode]] = ["main": try TemplateParser.parse(test.template)]
        let library = MustacheLibrary()
        var theirs = library
        theirs.register(try MustacheTemplate(string: test.template), named: "main")
        for (name, text) in test.partials {
            ours[name] = try TemplateParser.parse(text)
            theirs.register(try MustacheTemplate(string: text), named: name)
        }
        let program = TemplateProgram(ours)
        var renderer = TemplateRenderer(program: program, context: TemplateValue(test.data))
        renderer.render(template: try #require(program.numbers["main"]))
        let expected = try #require(theirs.render(test.data, withTemplate: "main"))
        #expect(String(decoding: renderer.output, as: UTF8.self) == expected)
    }

    @Test(
        "reports a syntax error where swift-mustache does",
        arguments: [
            "<p>{{t.title}</p>", "a\n{{#s}}\nb\n", "{{#a}}x{{/b}}", "x\n  {{=<% %>}}", "{{#a}}\n  {{#b}}\n{{/a}}", "é{{ a b }}",
        ])
    func sameErrorPosition(_ template: String) throws {
        var ours: TemplateSyntaxError?
        do { _ = try TemplateParser.parse(template) } catch { ours = error }
        var theirs: MustacheTemplate.ParserError?
        do { _ = try MustacheTemplate(string: template) } catch let error as MustacheTemplate.ParserError { theirs = error }
        let error = try #require(ours)
        let expected = try #require(theirs)
        #expect(error.line == expected.context.lineNumber)
        #expect(error.column == expected.context.columnNumber)
    }

    @Test("rejects swift-mustache's own extensions with a message that names them")
    func extensions() {
        for (template, message) in [
            ("{{uppercased(name)}}", "transforms such as {{f(x)}} are not supported"),
            ("{{% CONTENT_TYPE: TEXT }}", "pragmas ({{% … }}) are not supported"),
            ("{{>*dynamic}}", "dynamic partials ({{>*name}}) are not supported"),
        ] {
            #expect(throws: TemplateSyntaxError.self) { try TemplateParser.parse(template) }
            do { _ = try TemplateParser.parse(template) } catch { #expect(error.message == message) }
        }
    }

    @Test("converts view-model structs and optionals as swift-mustache read them")
    func reflection() throws {
        struct Card { var title: String; var note: String?; var count: Int; var flags: [Bool] }
        let template = "{{title}}|{{#note}}({{.}}){{/note}}{{^note}}no note{{/note}}|{{count}}|{{#flags}}{{.}},{{/flags}}"
        for card in [Card(title: "A", note: nil, count: 3, flags: [true]), Card(title: "B", note: "n", count: 0, flags: [])] {
            let nodes = try TemplateParser.parse(template)
            let program = TemplateProgram(["main": [.section(TemplateName("card"), nodes, inverted: false)]])
            var renderer = TemplateRenderer(program: program, context: TemplateValue(["card": card]))
            renderer.render(template: 0)
            let expected = try MustacheTemplate(string: "{{#card}}" + template + "{{/card}}").render(["card": card])
            #expect(String(decoding: renderer.output, as: UTF8.self) == expected)
        }
    }
}
