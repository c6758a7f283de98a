// libFuzzer target: Mustache templates through Vigie's parser, the nesting check and the renderer
// (see scripts/fuzz.sh).

import Foundation
import FuzzSupport
import VigieSupport

@testable import VigieMustache

/// The names each part of the input is loaded under: a page, a partial (under every name Vigie's
/// pages include, so the seeds' tags find it) and the layout pages inherit from.
private let partNames = [
    ["page"],
    ["partials/a", "partials/figure", "partials/milestone", "partials/note-card", "partials/revisions", "partials/table"],
    ["base"],
]

/// A context shaped like a page's: texts (one with characters to escape), flags, maps and lists.
/// Lists hold one item each: a list of n items in a section nested d deep renders n^d times, which
/// the templates (the maintainer's own) may ask for, but a fuzzer would only find as timeouts.
private let context: TemplateValue = [
    "title": "Titre « avec » <b>&</b> 'guillemets'",
    "summary": "Résumé\nsur deux lignes",
    "empty": "",
    "flag": true,
    "off": false,
    "none": [],
    "items": [["name": "Un", "url": "/un/", "flag": true, "items": []]],
    "note": ["title": "Note", "date": "2 janvier 2019", "tags": [["name": "europe", "url": "/tags/europe/"]]],
    "t": ["nav": ["home": "Accueil", "statistics": "Statistiques"], "title": "Vigie"],
]

/// Splits the input at NUL bytes into a page, a partial and a layout; parses each as `TemplateSet`
/// does, and renders the page when all parse and the nesting check finds no loop nor excess depth
/// (`TemplateSet` refuses the templates otherwise). Parsing never traps; rendering checked
/// templates ends without overflowing the stack.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplate(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let parts = UnsafeRawBufferPointer(start: start, count: count).split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
    var parsed: [String: [TemplateNode]] = [:]
    var nesting: [String: TemplateNesting.Template] = [:]
    var valid = true
    for (part, names) in zip(parts, partNames) {
        // `TemplateSet` reads templates as UTF-8 and refuses anything else.
        guard let text = String(validating: part, as: UTF8.self) else { return 0 }
        do throws(TemplateSyntaxError) {
            let (nodes, partials, depth) = try TemplateParser.parseForNesting(text)
            for name in names {
                parsed[name] = nodes
                nesting[name] = TemplateNesting.Template(path: name, references: partials, depth: depth)
            }
        } catch {
            _ = SourceLocation(path: names[0], line: error.line, column: error.column).description
            valid = false
        }
    }
    guard valid, parsed["page"] != nil, TemplateNesting.check(nesting).isEmpty else { return 0 }
    let program = TemplateProgram(parsed)
    var renderer = TemplateRenderer(program: program, context: context, capacity: 1024)
    renderer.render(template: program.numbers["page"]!)
    return 0
}

runFuzzer { data, count in withInput(data, count, fuzzTemplate) }
