// Renders parsed templates into UTF-8 bytes.

/// Renders one page: walks the nodes with a stack of context values and appends to one byte buffer.
///
/// Why not swift-mustache, which Vigie used until stop 11: its lookups ask every value what it is
/// (`as? MustacheParent`, `as? MustacheCustomRenderable`, `as? MustacheLambda`, … through the
/// runtime's conformance cache) and concatenate a `String` per tag. With 10,000 notes perf put its
/// rendering at 29 % of all samples of a build (`getChild` 17 %, `swift_dynamicCast` 12.8 %), and the
/// template stage at 1.5 s of a 3.9 s build of 1 M cases. Values here are `TemplateValue`s, whose case
/// is the answer, and text is escaped straight into the page's bytes.
///
/// The output is what swift-mustache 2.1 gives for the same template and values (`TemplateParserTests`
/// checks both on the site's templates and on the cases of the Mustache specification that Vigie
/// supports), including its way of indenting: in a partial or block that stands alone on an indented
/// line, each non-empty piece of output that starts a line is preceded by the indentation.
struct TemplateRenderer {
    /// Every parsed template, by name (`pages/note`, `partials/figure`, `base`).
    let templates: [String: [TemplateNode]]
    private(set) var output: [UInt8] = []
    private var stack: [TemplateValue]
    /// The indentation of the partials and blocks being rendered, when they stand alone on indented lines.
    private var indentation: [UInt8]?
    /// The blocks the child templates being rendered define, the outermost first to win.
    private var overrides: [String: [TemplateNode]] = [:]

    init(templates: [String: [TemplateNode]], context: TemplateValue, capacity: Int = 16_384) {
        self.templates = templates
        self.stack = [context]
        output.reserveCapacity(capacity)
    }

    mutating func render(_ nodes: [TemplateNode]) {
        guard let indentation, !indentation.isEmpty else {
            for node in nodes { render(node) }
            return
        }
        let start = output.count
        for node in nodes {
            let before = output.count
            render(node)
            if output.count > before, before > start, output[before - 1] == 0x0A {
                output.insert(contentsOf: indentation, at: before)
            }
        }
    }

    private mutating func render(_ node: TemplateNode) {
        switch node {
        case .text(let bytes):
            output.append(contentsOf: bytes)

        case .value(let name, let escaped):
            guard let value = lookup(name) else { return }
            switch value {
            case .text(let text): escaped ? appendEscaped(text) : output.append(contentsOf: text.utf8)
            case .flag(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
            case .list, .map: break
            }

        case .section(let name, let nodes, let inverted):
            let value = lookup(name)
            if inverted {
                switch value {
                case .list(let items) where items.isEmpty: renderPushing(value!, nodes)
                case .flag(false)?, nil: render(nodes)
                default: break
                }
                return
            }
            switch value {
            case .list(let items)?: for item in items { renderPushing(item, nodes) }
            case .flag(let flag)?: if flag { render(nodes) }
            case .text?, .map?: renderPushing(value!, nodes)
            case nil: break
            }

        case .partial(let name, let partialIndentation):
            guard let template = templates[name] else { return }
            let saved = indentation
            if let partialIndentation { indentation = (indentation ?? []) + partialIndentation }
            render(template)
            indentation = saved

        case .parent(let name, let parentIndentation, let blocks):
            guard let template = templates[name] else { return }
            let (savedIndentation, savedOverrides) = (indentation, overrides)
            indentation = (indentation ?? []) + parentIndentation
            overrides.merge(blocks) { outer, _ in outer }
            render(template)
            (indentation, overrides) = (savedIndentation, savedOverrides)

        case .block(let name, let defaultNodes, let blockIndentation):
            let saved = indentation
            indentation = (indentation ?? []) + blockIndentation
            render(overrides[name] ?? defaultNodes)
            indentation = saved
        }
    }

    private mutating func renderPushing(_ value: TemplateValue, _ nodes: [TemplateNode]) {
        stack.append(value)
        render(nodes)
        stack.removeLast()
    }

    /// A name's value: `.` is the top of the stack; `a.b` takes the nearest value holding `a`, then
    /// `b` inside it (no second search if `b` is missing); `.a.b` looks in the top value only.
    private func lookup(_ name: TemplateName) -> TemplateValue? {
        switch name.scope {
        case .current:
            return stack.last
        case .top:
            return Self.descend(stack[stack.count - 1], name.parts[...])
        case .stack:
            guard let first = name.parts.first else { return stack.last }
            for value in stack.reversed() {
                if case .map(let map) = value, let child = map[first] {
                    return Self.descend(child, name.parts.dropFirst())
                }
            }
            return nil
        }
    }

    private static func descend(_ value: TemplateValue, _ parts: ArraySlice<String>) -> TemplateValue? {
        var value = value
        for part in parts {
            guard case .map(let map) = value, let child = map[part] else { return nil }
            value = child
        }
        return value
    }

    /// `& < > " '` as the character references swift-mustache (and `XML.escape`) write.
    private mutating func appendEscaped(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for index in bytes.indices {
                let reference: StaticString
                switch bytes[index] {
                case 0x26: reference = "&amp;"
                case 0x3C: reference = "&lt;"
                case 0x3E: reference = "&gt;"
                case 0x22: reference = "&quot;"
                case 0x27: reference = "&#39;"
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                reference.withUTF8Buffer { output.append(contentsOf: $0) }
                start = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }
}
