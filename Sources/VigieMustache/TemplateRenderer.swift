// Renders compiled templates into UTF-8 bytes.

/// Renders one page: runs a `TemplateProgram`'s instructions with a stack of context values and
/// appends to one byte buffer.
///
/// Why not swift-mustache, which Vigie used at first: its lookups ask every value what it is
/// (`as? MustacheParent`, `as? MustacheCustomRenderable`, `as? MustacheLambda`, … through the
/// runtime's conformance cache) and concatenate a `String` per tag. With 10,000 notes perf put its
/// rendering at 29 % of all samples of a build (`getChild` 17 %, `swift_dynamicCast` 12.8 %), and the
/// template stage at 1.5 s of a 3.9 s build of 1 M cases. Values here are `TemplateValue`s, whose case
/// is the answer, and text is escaped straight into the page's bytes.
///
/// The output is what swift-mustache 2.1 gives for the same template and values
/// (`TemplateRendererTests` renders 38 templates with both: every kind of tag, standalone lines,
/// partials and inheritance, indentation, the site's note card), including its way of indenting:
/// in a partial or block that stands alone on an indented line, each non-empty piece of output that
/// starts a line is preceded by the indentation. At 1 M cases + 10,000 notes the template stage
/// took 0.30–0.37 s with this renderer where swift-mustache took 1.5 s (BENCHMARKS.md).
package struct TemplateRenderer {
    let program: TemplateProgram
    package private(set) var output: [UInt8] = []
    private var stack: [TemplateValue]
    /// The indentation of the partials and blocks being rendered, when they stand alone on indented lines.
    private var indentation: [UInt8]?
    /// The blocks the child templates being rendered define, the outermost first to win.
    private var overrides: [Int32: TemplateProgram.Body] = [:]

    package init(program: TemplateProgram, context: TemplateValue, capacity: Int = 16_384) {
        self.program = program
        self.stack = [context]
        output.reserveCapacity(capacity)
    }

    /// Renders template `number` of the program.
    package mutating func render(template number: Int) {
        run(program.templates[number])
    }

    /// Runs a range of instructions; what swift-mustache's `render(context:)` of one template did.
    private mutating func run(_ body: TemplateProgram.Body) {
        let end = Int(body.start + body.count)
        var index = Int(body.start)
        guard let indentation, !indentation.isEmpty else {
            while index < end { index = step(index) }
            return
        }
        let start = output.count
        while index < end {
            let before = output.count
            index = step(index)
            if output.count > before, before > start, output[before - 1] == 0x0A {
                output.insert(contentsOf: indentation, at: before)
            }
        }
    }

    /// Runs the instruction at `index` (with its body) and returns the index of the next one.
    private mutating func step(_ index: Int) -> Int {
        let instruction = program.code[index]
        let next = index + 1 + Int(instruction.count)
        switch instruction.operation {
        case .text:
            output.append(
                contentsOf: UnsafeBufferPointer(
                    rebasing: program.bytes[Int(instruction.operand)..<Int(instruction.operand + instruction.count)]))
            return index + 1

        case .escapedValue, .rawValue:
            guard let value = lookup(program.names[Int(instruction.operand)]) else { return next }
            switch value {
            case .text(let text): instruction.operation == .escapedValue ? appendEscaped(text) : output.append(contentsOf: text.utf8)
            case .flag(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
            case .list, .map: break
            }

        case .section:
            let body = TemplateProgram.Body(start: Int32(index + 1), count: instruction.count)
            switch lookup(program.names[Int(instruction.operand)]) {
            case .list(let items)?: for item in items { run(body, pushing: item) }
            case .flag(let flag)?: if flag { run(body) }
            case let value?: run(body, pushing: value)
            case nil: break
            }

        case .invertedSection:
            let body = TemplateProgram.Body(start: Int32(index + 1), count: instruction.count)
            switch lookup(program.names[Int(instruction.operand)]) {
            case .list(let items)? where items.isEmpty: run(body, pushing: .list(items))
            case .flag(false)?, nil: run(body)
            default: break
            }

        case .partial:
            guard instruction.operand >= 0 else { return next }
            let saved = indentation
            if instruction.indentation >= 0 { indentation = (indentation ?? []) + program.indentations[Int(instruction.indentation)] }
            run(program.templates[Int(instruction.operand)])
            indentation = saved

        case .parent:
            guard instruction.operand >= 0 else { return next }
            let (savedIndentation, savedOverrides) = (indentation, overrides)
            indentation = (indentation ?? []) + program.indentations[Int(instruction.indentation)]
            overrides.merge(program.overrideTables[Int(instruction.table)]) { outer, _ in outer }
            run(program.templates[Int(instruction.operand)])
            (indentation, overrides) = (savedIndentation, savedOverrides)

        case .block:
            let saved = indentation
            indentation = (indentation ?? []) + program.indentations[Int(instruction.indentation)]
            if let override = overrides[instruction.operand] {
                // Inside its own override a block of the same name is not overridden again: it
                // renders its own text. Overriding it with the override that holds it recursed until
                // the stack overflowed (`{{$content}}…{{$content}}…{{/content}}…{{/content}}` in a
                // page, found by FuzzTemplate); no check at load saw it, as it is no loop of files.
                let savedOverrides = overrides
                overrides[instruction.operand] = nil
                run(override)
                overrides = savedOverrides
            } else {
                run(TemplateProgram.Body(start: Int32(index + 1), count: instruction.count))
            }
            indentation = saved
        }
        return next
    }

    private mutating func run(_ body: TemplateProgram.Body, pushing value: TemplateValue) {
        stack.append(value)
        run(body)
        stack.removeLast()
    }

    /// A name's value: `.` is the top of the stack; `a.b` takes the nearest value holding `a`, then
    /// `b` inside it (no second search if `b` is missing); `.a.b` looks in the top value only.
    private func lookup(_ name: TemplateProgram.Name) -> TemplateValue? {
        let parts = program.nameParts
        let start = Int(name.start)
        let end = start + Int(name.count)
        switch name.scope {
        case .current:
            return stack[stack.count - 1]
        case .top:
            return descend(stack[stack.count - 1], parts, start..<end)
        case .stack:
            guard start < end else { return stack[stack.count - 1] }
            var level = stack.count - 1
            while level >= 0 {
                if case .map(let map) = stack[level], let child = map[parts[start]] {
                    return descend(child, parts, (start + 1)..<end)
                }
                level -= 1
            }
            return nil
        }
    }

    private func descend(_ value: TemplateValue, _ parts: UnsafeMutableBufferPointer<String>, _ range: Range<Int>) -> TemplateValue? {
        var value = value
        for index in range {
            guard case .map(let map) = value, let child = map[parts[index]] else { return nil }
            value = child
        }
        return value
    }

    /// `& < > " '` as the character references swift-mustache (and `XML.escape`) write
    /// (`FastPathTests` compares the two).
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
