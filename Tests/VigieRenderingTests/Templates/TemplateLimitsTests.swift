// Templates that could never finish rendering, or would overflow the stack, are located errors at
// load; links out of the templates folder are not read; partial tags are located in linear time.

import Foundation
import Testing
import VigieSupport
import VigieTestSupport

@testable import VigieMustache
@testable import VigieRendering

@Suite("Templates: recursion, nesting and links")
struct TemplateLimitsTests {
    static func load(_ changes: [String: String]) throws -> (TemplateSet?, [String], TemporaryFolder) {
        let folder = try TemplateSetTests.templates(changes)
        let (set, diagnostics) = TemplateSetTests.load(folder)
        return (set, diagnostics, folder)
    }

    @Test("a partial that includes itself is an error at its tag")
    func selfInclusion() throws {
        let (set, diagnostics, _) = try Self.load(["partials/loop.mustache": "<li>\n  {{> partials/loop}}\n</li>\n"])
        #expect(set == nil)
        #expect(
            diagnostics == [
                "partials/loop.mustache:2:3: error: template 'partials/loop' includes itself: rendering it would never end"
            ])
    }

    @Test("two partials that include each other: one error, at the tag that closes the loop")
    func mutualInclusion() throws {
        let (set, diagnostics, _) = try Self.load([
            "partials/ping.mustache": "ping {{> partials/pong}}", "partials/pong.mustache": "pong\n{{#more}}{{> partials/ping}}{{/more}}",
        ])
        #expect(set == nil)
        #expect(
            diagnostics == [
                "partials/pong.mustache:2:10: error: template 'partials/pong' includes 'partials/ping', which leads back to it (partials/ping → partials/pong → partials/ping): rendering it would never end"
            ])
    }

    @Test("a layout that inherits from itself is an error at its tag")
    func selfInheritance() throws {
        let base = try String(contentsOfFile: Repository.templates + "/layouts/base.mustache", encoding: .utf8)
        let (set, diagnostics, _) = try Self.load(["layouts/base.mustache": "{{<base}}{{$content}}x{{/content}}{{/base}}\n" + base])
        #expect(set == nil)
        #expect(diagnostics == ["layouts/base.mustache:1:1: error: template 'base' inherits from itself: rendering it would never end"])
    }

    @Test("a block inside its own override renders its own text, once (it recursed until the stack overflowed)")
    func blockInsideItsOwnOverride() throws {
        let page = "{{<base}}{{$content}}[outer {{$content}}inner{{/content}}]{{/content}}{{/base}}"
        let base = "<main>{{$content}}default{{/content}}</main>"
        let program = TemplateProgram(["page": try TemplateParser.parse(page), "base": try TemplateParser.parse(base)])
        var renderer = TemplateRenderer(program: program, context: [:])
        renderer.render(template: try #require(program.numbers["page"]))
        #expect(String(decoding: renderer.output, as: UTF8.self) == "<main>[outer inner]</main>")
    }

    @Test("10,000 nested sections or blocks stop at the 101st level, where it opens", arguments: ["#", "$", "^"])
    func deepNesting(_ sigil: String) throws {
        let depth = 10_000
        let text = (0..<depth).map { "{{\(sigil)s\($0)}}" }.joined() + (0..<depth).reversed().map { "{{/s\($0)}}" }.joined()
        let (set, diagnostics, _) = try Self.load(["partials/deep.mustache": text])
        #expect(set == nil)
        let column = (0..<TemplateNesting.limit).map { "{{\(sigil)s\($0)}}".count }.reduce(1, +)
        #expect(
            diagnostics == [
                "partials/deep.mustache:1:\(column): error: template syntax error: sections, blocks and parents nest more than 100 levels deep here"
            ])
    }

    @Test("100 levels in one template are allowed; nesting is also counted across the partials a page includes")
    func nestingAcrossPartials() throws {
        let hundred = String(repeating: "{{#a}}", count: 100) + String(repeating: "{{/a}}", count: 100)
        #expect(try Self.load(["partials/hundred.mustache": hundred]).1 == [])
        // 40 partials, each three sections deep and including the next: 4 levels each.
        var chain: [String: String] = [:]
        for index in 0..<40 {
            let next = index < 39 ? "{{> partials/c\(index + 1)}}" : ""
            chain["partials/c\(index).mustache"] = "{{#x}}{{#y}}{{#z}}\(next){{/z}}{{/y}}{{/x}}"
        }
        let (set, diagnostics, _) = try Self.load(chain)
        #expect(set == nil)
        // c15 reaches 24 × 4 = 96 levels; c14 includes it inside three sections: 100 < 3 + 1 + 96.
        #expect(
            diagnostics == [
                "partials/c14.mustache:1:19: error: template 'partials/c14' nests more than 100 levels deep with 'partials/c15' (sections, blocks, partials and layouts inside one another)"
            ])
    }

    @Test("Vigie's own templates stay far below the limit")
    func defaultTemplatesDepth() throws {
        var depths: [String: TemplateNesting.Template] = [:]
        let root = Repository.templates
        for relative in FileManager.default.subpaths(atPath: root)!.sorted() where relative.hasSuffix(".mustache") {
            let text = try String(contentsOfFile: root + "/" + relative, encoding: .utf8)
            let parsed = try TemplateParser.parseForNesting(text)
            depths[TemplateSet.templateName(relative)] = .init(path: relative, references: parsed.partials, depth: parsed.depth)
        }
        #expect(TemplateNesting.check(depths) == [])
        var computed: [String: Int] = [:]
        // Leaves first: a template's depth needs those it includes (the default set has no cycle).
        while computed.count < depths.count {
            for (name, template) in depths where computed[name] == nil {
                guard template.references.allSatisfy({ computed[$0.name] != nil || depths[$0.name] == nil }) else { continue }
                computed[name] = TemplateNesting.depth(of: template, depths: computed)
            }
        }
        #expect(computed.values.max()! <= 20, "\(computed.sorted { $0.value > $1.value }.prefix(3))")
    }

    @Test("a partial that is a link to a file outside the folder is refused, not read, and not called missing")
    func linkOutside() throws {
        let folder = try TemplateSetTests.templates([:])
        let outside = TemporaryFolder("vigie-outside")
        outside.write("secret.txt", "root:x:0:0:secret")
        let partial = folder.path + "/partials/note-card.mustache"
        try FileManager.default.removeItem(atPath: partial)
        try FileManager.default.createSymbolicLink(atPath: partial, withDestinationPath: outside.path + "/secret.txt")
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/assets/leak.css", withDestinationPath: outside.path + "/secret.txt")
        let (set, diagnostics) = TemplateSetTests.load(folder)
        #expect(set == nil)
        let refused =
            "error: this file is a link to a file outside the templates folder, which is not read: copy the file into the folder instead"
        #expect(diagnostics == ["assets/leak.css: \(refused)", "partials/note-card.mustache: \(refused)"])
        #expect(!diagnostics.joined().contains("secret"))
    }

    @Test("a link inside the folder is read; a templates folder that is itself a link is followed")
    func linksInside() throws {
        let folder = try TemplateSetTests.templates([:])
        let card = folder.path + "/partials/note-card.mustache"
        try FileManager.default.moveItem(atPath: card, toPath: folder.path + "/partials/card-real.mustache")
        try FileManager.default.createSymbolicLink(atPath: card, withDestinationPath: "card-real.mustache")
        let linkParent = TemporaryFolder("vigie-link")
        let linked = linkParent.path + "/templates"
        try FileManager.default.createSymbolicLink(atPath: linked, withDestinationPath: folder.path)
        var diagnostics: [Diagnostic] = []
        let set = TemplateSet.load(directory: linked, into: &diagnostics)
        #expect(diagnostics == [])
        #expect(set != nil)
        #expect(set?.assets.isEmpty == false)
    }

    @Test("100,000 partial tags in one page load in linear time")
    func manyPartials() throws {
        let tags = Array(repeating: "{{> partials/dot}}", count: 100_000).joined(separator: "\n")
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            let (set, diagnostics, _) = try Self.load(["partials/dot.mustache": ".", "partials/many.mustache": tags])
            #expect(diagnostics == [])
            #expect(set?.render("partials/many", [:]).count == 100_000)  // standalone tags leave no line end
        }
        // Located from the start of the text each, they took minutes (10,000 tags: 118 s in a debug build).
        #expect(elapsed < .seconds(20))
    }
}
