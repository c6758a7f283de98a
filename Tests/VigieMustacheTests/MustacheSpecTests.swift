// The Mustache specification's own test suite (Tests/Fixtures/mustache-spec, MIT) run against
// Vigie's template parser and renderer: every case renders the expected text, except the few Vigie
// does not support on purpose, each listed with its reason. The cases run through `TemplateProgram`
// as `TemplateRendererTests` does; loading a templates folder (`TemplateSet`) adds Vigie's own limit
// on top: a partial that includes itself ("partials: Recursion" here) is refused there, so that
// rendering cannot overflow the stack.

import Foundation
import Testing
import VigieTestSupport

@testable import VigieMustache

@Suite("Mustache specification")
struct MustacheSpecTests {
    /// One test of a spec file.
    struct SpecCase: CustomTestStringConvertible, Sendable {
        var file: String
        var name: String
        var template: String
        var partials: [String: String]
        var data: TemplateValue
        var expected: String
        /// `interpolation: Basic Interpolation`, the key of the lists below.
        var key: String { "\(file): \(name)" }
        var testDescription: String { key }
    }

    /// A spec test as its JSON file holds it.
    struct SpecFile: Decodable {
        struct Test: Decodable {
            var name: String
            var template: String
            var partials: [String: String]?
            var data: JSONValue
            var expected: String
        }
        var tests: [Test]
    }

    /// Any JSON value; `null` is kept apart so that it can be left out, as a nil optional is.
    enum JSONValue: Decodable {
        case null, bool(Bool), integer(Int), number(Double), text(String), list([JSONValue]), map([String: JSONValue])

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let value = try? container.decode(Bool.self) {
                self = .bool(value)
            } else if let value = try? container.decode(Int.self) {
                self = .integer(value)
            } else if let value = try? container.decode(Double.self) {
                self = .number(value)
            } else if let value = try? container.decode(String.self) {
                self = .text(value)
            } else if let value = try? container.decode([JSONValue].self) {
                self = .list(value)
            } else {
                self = .map(try container.decode([String: JSONValue].self))
            }
        }

        /// The value as a template context: numbers as the text the spec expects (`1.21`), `null` as
        /// nothing (left out of maps and lists, so a lookup finds no value and a section is false).
        var template: TemplateValue? {
            switch self {
            case .null: return nil
            case .bool(let value): return .flag(value)
            case .integer(let value): return .text(String(value))
            case .number(let value): return .text(String(value))
            case .text(let value): return .text(value)
            case .list(let values): return .list(values.compactMap(\.template))
            case .map(let values): return .map(values.compactMapValues(\.template))
            }
        }
    }

    /// The spec files copied from the specification, core modules and the optional inheritance module.
    static let files = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~inheritance"]

    static let cases: [SpecCase] = files.flatMap { file -> [SpecCase] in
        let path = Repository.fixtures + "/mustache-spec/\(file).json"
        guard let bytes = FileManager.default.contents(atPath: path), let spec = try? JSONDecoder().decode(SpecFile.self, from: bytes)
        else { return [] }
        return spec.tests.map { test in
            SpecCase(
                file: file, name: test.name, template: test.template, partials: test.partials ?? [:],
                data: test.data.template ?? .text(""), expected: test.expected)
        }
    }

    /// Cases Vigie renders differently on purpose, with the reason. Each still runs, as a known
    /// issue: if one starts to pass, the test says so and the entry must go.
    ///
    /// Both are corners of block indentation in the optional inheritance module. Vigie's renderer
    /// gives swift-mustache 2.1's bytes (`TemplateRendererTests`), which skips these two cases in its
    /// own run of the specification; Vigie's templates use one block, `{{$content}}{{/content}}`
    /// alone and unindented on its line, which neither rule concerns.
    static let deliberateDifferences: [String: String] = [
        "~inheritance: Intrinsic indentation":
            "a standalone block tag without indentation of its own does not take the indentation of its default content's first line for an override (as swift-mustache 2.1)",
        "~inheritance: Nested block reindentation":
            "a block nested in a block definition is not reindented relative to the surrounding block (as swift-mustache 2.1)",
    ]

    @Test("every spec file is found and decoded")
    func filesLoad() {
        for file in Self.files {
            #expect(Self.cases.contains { $0.file == file }, "\(file).json missing or not decoded")
        }
        #expect(Self.cases.count == 163)
        for key in Self.deliberateDifferences.keys {
            #expect(Self.cases.contains { $0.key == key }, "listed difference \(key) names no spec case")
        }
    }

    @Test("renders what the specification expects", arguments: cases)
    func spec(_ test: SpecCase) throws {
        let rendered = try Self.render(test)
        if let reason = Self.deliberateDifferences[test.key] {
            withKnownIssue(Comment(rawValue: reason)) { #expect(rendered == test.expected) }
        } else {
            #expect(rendered == test.expected)
        }
    }

    /// Parses the template and its partials and renders them as `TemplateSet` does.
    static func render(_ test: SpecCase) throws -> String {
        var templates: [String: [TemplateNode]] = ["main": try TemplateParser.parse(test.template)]
        for (name, text) in test.partials where name != "main" { templates[name] = try TemplateParser.parse(text) }
        let program = TemplateProgram(templates)
        var renderer = TemplateRenderer(program: program, context: test.data)
        renderer.render(template: try #require(program.numbers["main"]))
        return String(decoding: renderer.output, as: UTF8.self)
    }
}
