// Parses Mustache template text into nodes, on bytes, with swift-mustache's rules for whitespace.

/// Reads one template: interpolation, sections, inverted sections, comments, partials, parents and
/// blocks (inheritance) and set delimiters.
///
/// Vigie rendered with swift-mustache until that library's value lookups became the largest part of
/// a build (see `TemplateRenderer`); the published pages had to stay byte-identical, so this parser
/// decides exactly as swift-mustache 2.1 does which tags stand alone on their line (their line then
/// leaves no trace), which whitespace indents a partial or a block, and where an error is reported.
/// `TemplateRendererTests` checks it against the library. Not supported: swift-mustache's own
/// extensions (transforms `{{f(x)}}`, pragmas `{{% … }}`, dynamic partials `{{>*name}}`); they are
/// syntax errors here.
package struct TemplateParser {
    private let bytes: [UInt8]
    private var position = 0
    /// The `{{> name}}` and `{{< name}}` tags read so far.
    private var partials: [PartialReference] = []
    /// Sections, blocks and parent bodies open around the current position.
    private var depth = 0
    /// The deepest `depth` reached: the template's own nesting, for `TemplateNesting`.
    private var deepest = 0
    /// The last offset whose line and column were computed, so locating tags in order reads the
    /// template once: 100,000 partial tags in one page took minutes when each was located from the
    /// start of the text (quadratic); see `location(of:)`.
    private var cursor = (offset: 0, line: 1, column: 1)

    /// What a nested parse inherits from the one that started it.
    private struct State {
        /// The name the current section must be closed with; nil at the top of the template.
        var sectionName: String?
        /// The parser is at the start of a line (only blanks so far): a tag here may stand alone.
        var newLine = true
        /// Inside `{{<parent}}…{{/parent}}`, where only `{{$block}}` definitions count.
        var isParentBody = false
        /// Directly inside the parent's body, not in one of its blocks.
        var isParentBodyTopLevel = false
        /// Inside a block definition of a parent: the indentation of its first line, removed from the others.
        var blockIndentation: [UInt8]?
        var open: [UInt8] = Array("{{".utf8)
        var close: [UInt8] = Array("}}".utf8)

        func section(_ name: String, standalone: Bool) -> State {
            var state = self
            state.sectionName = name
            state.isParentBodyTopLevel = false
            if !standalone { state.newLine = false }
            return state
        }

        func parentBody(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.newLine = true
            state.isParentBody = true
            state.isParentBodyTopLevel = true
            return state
        }
    }

    package static func parse(_ text: String) throws(TemplateSyntaxError) -> [TemplateNode] {
        try parseWithPartials(text).nodes
    }

    /// The nodes, and every partial and parent the template names with where its tag starts (for
    /// `TemplateSet`'s check that each one exists).
    package static func parseWithPartials(_ text: String) throws(TemplateSyntaxError) -> (nodes: [TemplateNode], partials: [PartialReference]) {
        let parsed = try parseForNesting(text)
        return (parsed.nodes, parsed.partials)
    }

    /// As `parseWithPartials`, with the template's own nesting depth (sections, blocks and parent
    /// bodies inside one another), which `TemplateNesting` adds up across the templates a page includes.
    package static func parseForNesting(_ text: String) throws(TemplateSyntaxError) -> (
        nodes: [TemplateNode], partials: [PartialReference], depth: Int
    ) {
        var parser = TemplateParser(bytes: Array(text.utf8))
        let nodes = try parser.parse(State())
        return (nodes, parser.partials, parser.deepest)
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    // MARK: Nodes

    private mutating func parse(_ initial: State) throws(TemplateSyntaxError) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = initial
        var blanksBefore: [UInt8] = []
        /// Emits the blanks that started the line as text, before a tag that does not stand alone.
        func flushBlanks() {
            if !blanksBefore.isEmpty { nodes.append(.text(blanksBefore)) }
            blanksBefore = []
        }
        while position < bytes.count {
            if state.newLine {
                let blanks = readBlanks()
                if state.isParentBody, !state.isParentBodyTopLevel {
                    if let indentation = state.blockIndentation {
                        blanksBefore = Array(blanks.dropFirst(indentation.count))
                    } else {
                        state.blockIndentation = blanks
                    }
                } else {
                    blanksBefore = blanks
                }
            }
            let text = readText(state)
            if let newline = newlineLength(at: position) {
                nodes.append(.text(blanksBefore + text + bytes[position..<position + newline]))
                position += newline
                state.newLine = true
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(blanksBefore + text))
                blanksBefore = []
                state.newLine = false
            }
            guard position < bytes.count else { break }
            let tagStart = position - state.open.count
            var standalone = false
            switch bytes[position] {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let inverted = bytes[position] == UInt8(ascii: "^")
                position += 1
                let name = try readName(state)
                if isStandalone(state) { standalone = true } else { flushBlanks() }
                let inner = try nested(at: tagStart) { parser throws(TemplateSyntaxError) in
                    try parser.parse(state.section(name, standalone: standalone))
                }
                nodes.append(.section(TemplateName(name), inner, inverted: inverted))

            case UInt8(ascii: "/"):
                position += 1
                let nameStart = position
                let name = try readName(state)
                guard name == state.sectionName else {
                    position = nameStart
                    throw error(
                        state.sectionName == nil
                            ? "'\(name)' is closed but was never opened"
                            : "a section is closed with a different name than it was opened with")
                }
                if !isStandalone(state) { flushBlanks() }
                return nodes

            case UInt8(ascii: "!"):
                position += 1
                guard let end = find(state.close, from: position) else {
                    throw error("a comment is not closed with '\(string(state.close))'")
                }
                position = end + state.close.count
                standalone = isStandalone(state)

            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                let triple = bytes[position] == UInt8(ascii: "{")
                flushBlanks()
                position += 1
                let name = try readName(state)
                if triple {
                    guard position < bytes.count, bytes[position] == UInt8(ascii: "}") else { throw unclosedTag(state) }
                    position += 1
                }
                nodes.append(.value(TemplateName(name), escaped: false))

            case UInt8(ascii: ">"):
                position += 1
                skipWhitespace()
                if position < bytes.count, bytes[position] == UInt8(ascii: "*") {
                    throw error("dynamic partials ({{>*name}}) are not supported")
                }
                let name = try readPartialName(state)
                notePartial(name, at: tagStart, inherits: false)
                if !blanksBefore.isEmpty { nodes.append(.text(blanksBefore)) }
                if isStandalone(state) {
                    standalone = true
                    nodes.append(.partial(name, indentation: blanksBefore))
                } else {
                    nodes.append(.partial(name, indentation: nil))
                }
                blanksBefore = []

            case UInt8(ascii: "<"):
                position += 1
                skipWhitespace()
                let name = try readPartialName(state)
                notePartial(name, at: tagStart, inherits: true)
                if !blanksBefore.isEmpty { nodes.append(.text(blanksBefore)) }
                standalone = isStandalone(state)
                var blocks: [String: [TemplateNode]] = [:]
                let body = try nested(at: tagStart) { parser throws(TemplateSyntaxError) in try parser.parse(state.parentBody(name)) }
                for node in body {
                    switch node {
                    case .block(let blockName, let defaultNodes, _): blocks[blockName] = defaultNodes
                    case .text: continue
                    default: throw error("only {{$block}} definitions and text may appear inside {{<\(name)}}")
                    }
                }
                nodes.append(.parent(name, indentation: blanksBefore, blocks: blocks))
                blanksBefore = []

            case UInt8(ascii: "$"):
                position += 1
                let name = try readName(state)
                if state.isParentBodyTopLevel {
                    standalone = isStandalone(state)
                    // A definition inside a parent: kept by the parent as an override, never rendered in place.
                    let definition = try nested(at: tagStart) { parser throws(TemplateSyntaxError) in
                        try parser.parse(state.section(name, standalone: standalone))
                    }
                    nodes.append(.block(name, defaultNodes: definition, indentation: []))
                } else {
                    if !blanksBefore.isEmpty { nodes.append(.text(blanksBefore)) }
                    standalone = isStandalone(state)
                    let inner = try nested(at: tagStart) { parser throws(TemplateSyntaxError) in
                        try parser.parse(state.section(name, standalone: standalone))
                    }
                    nodes.append(.block(name, defaultNodes: inner, indentation: blanksBefore))
                    blanksBefore = []
                }

            case UInt8(ascii: "="):
                position += 1
                try setDelimiters(&state)
                standalone = isStandalone(state)

            case UInt8(ascii: "%"):
                throw error("pragmas ({{% … }}) are not supported")

            default:
                flushBlanks()
                nodes.append(.value(TemplateName(try readName(state)), escaped: true))
            }
            state.newLine = standalone
        }
        guard state.sectionName == nil else { throw error("a section is opened but never closed") }
        return nodes
    }

    /// Parses the body of the section, block or parent whose tag starts at `tagStart`, one level
    /// deeper. Past `TemplateNesting.limit` levels it stops with an error at that tag: 10,000 nested
    /// sections overflowed the stack (here, in the renderer and in freeing the nodes).
    private mutating func nested(
        at tagStart: Int, _ body: (inout TemplateParser) throws(TemplateSyntaxError) -> [TemplateNode]
    ) throws(TemplateSyntaxError) -> [TemplateNode] {
        guard depth < TemplateNesting.limit else {
            position = tagStart
            throw error("sections, blocks and parents nest more than \(TemplateNesting.limit) levels deep here")
        }
        depth += 1
        deepest = max(deepest, depth)
        defer { depth -= 1 }
        return try body(&self)
    }

    // MARK: Reading

    /// Text up to the next tag (whose opening delimiter is consumed) or `\n` / `\r\n` (not consumed).
    private mutating func readText(_ state: State) -> [UInt8] {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x0A || (byte == 0x0D && position + 1 < bytes.count && bytes[position + 1] == 0x0A) {
                return Array(bytes[start..<position])
            } else if byte == state.open[0], matches(state.open, at: position) {
                let text = Array(bytes[start..<position])
                position += state.open.count
                return text
            }
            position += 1
        }
        return Array(bytes[start..<position])
    }

    /// A line end as Swift's `Character.isNewline` sees one among ASCII (`\n`, `\r\n`, `\r`, `\v`, `\f`), by byte length.
    private func newlineLength(at index: Int) -> Int? {
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case 0x0A: return 1
        case 0x0D: return index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
        case 0x0B, 0x0C: return 1
        default: return nil
        }
    }

    private mutating func readBlanks() -> [UInt8] {
        let start = position
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
        return Array(bytes[start..<position])
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, Self.isWhitespace(bytes[position]) { position += 1 }
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// A tag's name and its closing delimiter.
    private mutating func readName(_ state: State) throws(TemplateSyntaxError) -> String {
        try readName(state, allowed: Self.nameBytes)
    }

    private mutating func readPartialName(_ state: State) throws(TemplateSyntaxError) -> String {
        try readName(state, allowed: Self.partialNameBytes)
    }

    private mutating func readName(_ state: State, allowed: Set<UInt8>) throws(TemplateSyntaxError) -> String {
        skipWhitespace()
        let start = position
        while position < bytes.count, allowed.contains(bytes[position]) { position += 1 }
        let name = String(decoding: bytes[start..<position], as: UTF8.self)
        skipWhitespace()
        guard matches(state.close, at: position) else {
            if position < bytes.count, bytes[position] == UInt8(ascii: "(") {
                throw error("transforms such as {{f(x)}} are not supported")
            }
            throw unclosedTag(state)
        }
        position += state.close.count
        return name
    }

    /// Letters, digits and `.-_?` name a value; a partial's name may also hold `/`.
    static let nameBytes = Set(Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?".utf8))
    static let partialNameBytes = nameBytes.union([UInt8(ascii: "/")])

    /// Reads `{{=<% %>=}}` (the `{{=` already consumed).
    private mutating func setDelimiters(_ state: inout State) throws(TemplateSyntaxError) {
        skipWhitespace()
        let openStart = position
        while position < bytes.count, !Self.isWhitespace(bytes[position]) { position += 1 }
        let open = Array(bytes[openStart..<position])
        guard position < bytes.count else {
            position = openStart
            throw error("invalid set-delimiter tag")
        }
        skipWhitespace()
        let closeStart = position
        while position < bytes.count, bytes[position] != UInt8(ascii: "="), !Self.isWhitespace(bytes[position]) { position += 1 }
        let close = Array(bytes[closeStart..<position])
        guard position < bytes.count else {
            position = closeStart
            throw error("invalid set-delimiter tag")
        }
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else { throw error("invalid set-delimiter tag") }
        position += 1
        guard matches(state.close, at: position) else { throw error("invalid set-delimiter tag") }
        position += state.close.count
        guard !open.isEmpty, !close.isEmpty else { throw error("invalid set-delimiter tag") }
        state.open = open
        state.close = close
        state.isParentBodyTopLevel = false
    }

    /// A tag stands alone when only blanks precede it on its line and only blanks follow it up to the
    /// line end (consumed) or the end of the template.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if position >= bytes.count { return true }
        var index = position
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        guard let newline = newlineLength(at: index) else { return false }
        position = index + newline
        return true
    }

    private func matches(_ delimiter: [UInt8], at index: Int) -> Bool {
        guard index + delimiter.count <= bytes.count else { return false }
        for offset in delimiter.indices where bytes[index + offset] != delimiter[offset] { return false }
        return true
    }

    private func find(_ delimiter: [UInt8], from index: Int) -> Int? {
        var index = index
        while index + delimiter.count <= bytes.count {
            if matches(delimiter, at: index) { return index }
            index += 1
        }
        return nil
    }

    private func string(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    // MARK: Errors

    private func unclosedTag(_ state: State) -> TemplateSyntaxError {
        error("a tag is not closed with '\(string(state.close))'")
    }

    /// An error at the current position.
    private func error(_ message: String) -> TemplateSyntaxError {
        let (line, column) = location(of: position)
        return TemplateSyntaxError(message: message, line: line, column: column)
    }

    private mutating func notePartial(_ name: String, at offset: Int, inherits: Bool) {
        guard !name.isEmpty else { return }
        let (line, column) = locate(offset)
        partials.append(PartialReference(name: name, line: line, column: column, depth: depth, inherits: inherits))
    }

    /// `location(of:)` for offsets met in order (the partial tags): counts on from the last one.
    /// 100,000 partial tags in a 1.6 MB template: see the commit that made it linear for the figures.
    private mutating func locate(_ offset: Int) -> (line: Int, column: Int) {
        if offset < cursor.offset { cursor = (0, 1, 1) }
        let (line, column) = Self.advance(bytes, from: cursor, to: offset)
        cursor = (min(offset, bytes.count), line, column)
        return (line, column)
    }

    /// Line and column from 1 of a byte offset, the column counted in Unicode scalars.
    private func location(of offset: Int) -> (line: Int, column: Int) {
        Self.advance(bytes, from: (0, 1, 1), to: offset)
    }

    private static func advance(_ bytes: [UInt8], from start: (offset: Int, line: Int, column: Int), to offset: Int) -> (
        line: Int, column: Int
    ) {
        var line = start.line
        var column = start.column
        for byte in bytes[start.offset..<min(offset, bytes.count)] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
