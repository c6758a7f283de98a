// Parsed templates laid out flat for rendering: instructions, text and names in plain buffers.

/// Every template of a set compiled into one instruction buffer. A section's body follows its
/// instruction; text is a range of one byte buffer; names and block names are numbers.
///
/// Why: rendering the parsed `TemplateNode` trees copied an enum payload per node visited, and the
/// retains and releases of those copies were two thirds of the renderer's time (perf, 1 M cases +
/// 10,000 notes: `swift_retain` 0.18 s and `swift_release` 0.07 s of its 0.38 s on two cores).
/// Instructions here are plain values read through a pointer: reading one retains nothing.
package final class TemplateProgram: @unchecked Sendable {
    enum Operation: UInt8 {
        /// `operand`: offset in `bytes`; `count`: length.
        case text
        /// `operand`: name.
        case escapedValue, rawValue
        /// `operand`: name; `count`: instructions in the body, which follows.
        case section, invertedSection
        /// `operand`: template (−1 when missing); `indentation`.
        case partial
        /// `operand`: template (−1 when missing); `indentation`; `table`: its overrides, whose
        /// bodies follow (`count` instructions in all).
        case parent
        /// `operand`: block name; `count`: instructions of the default body, which follows; `indentation`.
        case block
    }

    struct Instruction {
        var operation: Operation
        var operand: Int32
        var count: Int32 = 0
        /// An index into `indentations`, or −1 for none.
        var indentation: Int32 = -1
        /// An index into `overrideTables` (parents only).
        var table: Int32 = -1
    }

    /// A name as the renderer reads it: no array to retain.
    struct Name {
        var scope: TemplateName.Scope
        var start: Int32
        var count: Int32
    }

    /// A range of instructions.
    struct Body {
        var start: Int32
        var count: Int32
    }

    /// Read-only after `init`; freed with the program.
    let code: UnsafeMutableBufferPointer<Instruction>
    let bytes: UnsafeMutableBufferPointer<UInt8>
    /// Each name's scope and parts (a range of `nameParts`), by name number.
    let names: UnsafeMutableBufferPointer<Name>
    let nameParts: UnsafeMutableBufferPointer<String>
    let indentations: [[UInt8]]
    /// The blocks each parent tag overrides, by block name.
    let overrideTables: [[Int32: Body]]
    /// Each template's instructions, by template number.
    let templates: [Body]
    /// Template numbers by name.
    package let numbers: [String: Int]

    package init(_ parsed: [String: [TemplateNode]]) {
        let sortedNames = parsed.keys.sorted()
        var compiler = Compiler(numbers: Dictionary(uniqueKeysWithValues: sortedNames.enumerated().map { ($1, Int32($0)) }))
        var templates: [Body] = []
        for name in sortedNames {
            let start = Int32(compiler.code.count)
            compiler.emit(parsed[name]!)
            templates.append(Body(start: start, count: Int32(compiler.code.count) - start))
        }
        code = .allocate(capacity: compiler.code.count)
        _ = code.initialize(fromContentsOf: compiler.code)
        bytes = .allocate(capacity: compiler.bytes.count)
        _ = bytes.initialize(fromContentsOf: compiler.bytes)
        let parts = compiler.names.flatMap(\.parts)
        nameParts = .allocate(capacity: parts.count)
        _ = nameParts.initialize(fromContentsOf: parts)
        var start: Int32 = 0
        let laidOut = compiler.names.map { name in
            defer { start += Int32(name.parts.count) }
            return Name(scope: name.scope, start: start, count: Int32(name.parts.count))
        }
        names = .allocate(capacity: laidOut.count)
        _ = names.initialize(fromContentsOf: laidOut)
        indentations = compiler.indentations
        overrideTables = compiler.tables
        self.templates = templates
        numbers = compiler.numbers.mapValues(Int.init)
    }

    deinit {
        code.deallocate()
        bytes.deallocate()
        names.deallocate()
        nameParts.deinitialize()
        nameParts.deallocate()
    }

    /// Lays out nodes as instructions.
    private struct Compiler {
        let numbers: [String: Int32]
        var code: [Instruction] = []
        var bytes: [UInt8] = []
        var names: [TemplateName] = []
        var nameNumbers: [TemplateName: Int32] = [:]
        var blockNumbers: [String: Int32] = [:]
        var indentations: [[UInt8]] = []
        var tables: [[Int32: Body]] = []

        mutating func emit(_ nodes: [TemplateNode]) {
            for node in nodes {
                switch node {
                case .text(let text):
                    code.append(Instruction(operation: .text, operand: Int32(bytes.count), count: Int32(text.count)))
                    bytes.append(contentsOf: text)
                case .value(let name, let escaped):
                    code.append(Instruction(operation: escaped ? .escapedValue : .rawValue, operand: number(of: name)))
                case .section(let name, let body, let inverted):
                    let at = code.count
                    code.append(Instruction(operation: inverted ? .invertedSection : .section, operand: number(of: name)))
                    emit(body)
                    code[at].count = Int32(code.count - at - 1)
                case .partial(let name, let indentation):
                    let indentationNumber = indentation.map { number(of: $0) } ?? -1
                    code.append(Instruction(operation: .partial, operand: numbers[name] ?? -1, indentation: indentationNumber))
                case .parent(let name, let indentation, let blocks):
                    let at = code.count
                    code.append(
                        Instruction(
                            operation: .parent, operand: numbers[name] ?? -1, indentation: number(of: indentation),
                            table: Int32(tables.count)))
                    tables.append([:])
                    for (block, body) in blocks.sorted(by: { $0.key < $1.key }) {
                        let start = Int32(code.count)
                        emit(body)
                        tables[Int(code[at].table)][blockNumber(block)] = Body(start: start, count: Int32(code.count) - start)
                    }
                    code[at].count = Int32(code.count - at - 1)
                case .block(let name, let defaultNodes, let indentation):
                    let at = code.count
                    code.append(Instruction(operation: .block, operand: blockNumber(name), indentation: number(of: indentation)))
                    emit(defaultNodes)
                    code[at].count = Int32(code.count - at - 1)
                }
            }
        }

        mutating func number(of name: TemplateName) -> Int32 {
            if let number = nameNumbers[name] { return number }
            names.append(name)
            nameNumbers[name] = Int32(names.count - 1)
            return Int32(names.count - 1)
        }

        mutating func blockNumber(_ name: String) -> Int32 {
            if let number = blockNumbers[name] { return number }
            blockNumbers[name] = Int32(blockNumbers.count)
            return Int32(blockNumbers.count - 1)
        }

        mutating func number(of indentation: [UInt8]) -> Int32 {
            if let index = indentations.firstIndex(of: indentation) { return Int32(index) }
            indentations.append(indentation)
            return Int32(indentations.count - 1)
        }
    }
}
