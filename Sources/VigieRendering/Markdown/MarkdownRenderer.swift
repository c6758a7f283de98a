// Markdown stage: renders a note body with the C library cmark, adds heading anchors for the
// table of contents and applies French typography to text nodes only (never to code).

import CCmark
import CMarkArena
import Foundation
import VigieSupport

/// A note body rendered to HTML, with what the note page needs beside it.
public struct RenderedMarkdown: Sendable {
    public var html: String
    public var headings: [Heading]
    public var wordCount: Int
    public var diagnostics: [Diagnostic]
    /// Every link of the body, in document order, for the internal link check after rendering.
    public var links: [MarkdownLink] = []

    public init(html: String, headings: [Heading], wordCount: Int, diagnostics: [Diagnostic], links: [MarkdownLink] = []) {
        self.html = html
        self.headings = headings
        self.wordCount = wordCount
        self.diagnostics = diagnostics
        self.links = links
    }

    public struct Heading: Sendable, Hashable {
        public var level: Int
        public var text: String
        public var anchor: String

        public init(level: Int, text: String, anchor: String) {
            self.level = level
            self.text = text
            self.anchor = anchor
        }
    }
}

public enum MarkdownRenderer {
    /// The Markdown library and its version, e.g. `cmark 0.30.2`: a rendering cached by another may differ.
    public static let engineVersion = "cmark " + String(cString: cmark_version_string())

    /// Renders CommonMark with smart punctuation. Raw HTML is dropped (with a warning) unless allowed.
    /// - Parameters:
    ///   - path: the source file, for diagnostics.
    ///   - firstLine: the file line on which `markdown` starts (after the front matter).
    public static func render(_ markdown: String, path: String, firstLine: Int = 1, allowRawHTML: Bool, frenchTypography: Bool)
        -> RenderedMarkdown
    {
        // No CMARK_OPT_VALIDATE_UTF8: a Swift `String` is valid UTF-8 already (cmark replaces NUL either way).
        var options = CMARK_OPT_SMART
        if allowRawHTML { options |= CMARK_OPT_UNSAFE }
        // cmark allocates from this thread's arena, reset when the note is done (the HTML and every
        // text read from the tree are copied into Swift values first), so nothing is freed node by
        // node: malloc and free were about a third of cmark's time on 10,000 notes.
        let arena = vigie_cmark_arena().assumingMemoryBound(to: cmark_mem.self)
        defer { vigie_cmark_arena_reset() }
        var markdown = markdown
        guard
            let document = markdown.withUTF8({ buffer -> OpaquePointer? in
                guard let parser = cmark_parser_new_with_mem(options, arena) else { return nil }
                defer { cmark_parser_free(parser) }
                buffer.baseAddress.map { pointer in
                    pointer.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
                }
                return cmark_parser_finish(parser)
            })
        else {
            return RenderedMarkdown(html: "", headings: [], wordCount: 0, diagnostics: [])
        }

        var headings: [RenderedMarkdown.Heading] = []
        var diagnostics: [Diagnostic] = []
        var wordCount = 0
        var usedAnchors: [String: Int] = [:]
        var headingText: String?
        var headingLevel = 0
        var links: [MarkdownLink] = []

        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            switch (type, event) {
            case (CMARK_NODE_HEADING, CMARK_EVENT_ENTER):
                headingText = ""
                headingLevel = Int(cmark_node_get_heading_level(node))
            case (CMARK_NODE_HEADING, CMARK_EVENT_EXIT):
                let text = headingText ?? ""
                var anchor = text.slugified
                if anchor.isEmpty { anchor = "section" }
                let seen = usedAnchors[anchor, default: 0]
                usedAnchors[anchor] = seen + 1
                if seen > 0 { anchor += "-\(seen + 1)" }
                headings.append(.init(level: headingLevel, text: text, anchor: anchor))
                headingText = nil
            case (CMARK_NODE_TEXT, _), (CMARK_NODE_CODE, _):
                guard let literal = cmark_node_get_literal(node) else { break }
                // Bytes first: a String per text node, walked by Character, was 60 % of the stage.
                let bytes = UnsafeBufferPointer(
                    start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
                var result = FrenchTypography.ByteResult.unchanged
                if type == CMARK_NODE_TEXT && frenchTypography {
                    result = FrenchTypography.apply(bytes: bytes)
                } else if !FrenchTypography.isSimple(bytes) {
                    result = .needsCharacters
                }
                switch result {
                case .unchanged:
                    wordCount += FrenchTypography.wordCount(bytes)
                    if headingText != nil { headingText! += String(decoding: bytes, as: UTF8.self) }
                case .changed(var typeset):
                    wordCount += typeset.withUnsafeBufferPointer { FrenchTypography.wordCount($0) }
                    if headingText != nil { headingText! += String(decoding: typeset, as: UTF8.self) }
                    typeset.append(0)
                    typeset.withUnsafeBufferPointer { buffer in
                        buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                            _ = cmark_node_set_literal(node, $0)
                        }
                    }
                case .needsCharacters:
                    var text = String(cString: literal)
                    if type == CMARK_NODE_TEXT && frenchTypography {
                        let typeset = FrenchTypography.apply(to: text)
                        if typeset != text {
                            cmark_node_set_literal(node, typeset)
                            text = typeset
                        }
                    }
                    wordCount += text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
                    if headingText != nil { headingText! += text }
                }
            case (CMARK_NODE_HTML_BLOCK, CMARK_EVENT_ENTER), (CMARK_NODE_HTML_INLINE, CMARK_EVENT_ENTER):
                if !allowRawHTML {
                    let line = Int(cmark_node_get_start_line(node)) + firstLine - 1
                    let column = max(1, Int(cmark_node_get_start_column(node)))
                    diagnostics.append(
                        .warning(
                            "raw HTML is not published (set allow_raw_html: true in site.yaml to allow it)",
                            at: SourceLocation(path: path, line: line, column: column)))
                }
            case (CMARK_NODE_LINK, CMARK_EVENT_ENTER), (CMARK_NODE_IMAGE, CMARK_EVENT_ENTER):
                if let url = cmark_node_get_url(node), url.pointee != 0 {
                    let bodyLine = Int(cmark_node_get_start_line(node))
                    var column = max(1, Int(cmark_node_get_start_column(node)))
                    let isImage = type == CMARK_NODE_IMAGE
                    if !isImage, let autolink = autolinkColumn(node, url: url, line: bodyLine, in: markdown) { column = autolink }
                    let line = bodyLine + firstLine - 1
                    links.append(
                        MarkdownLink(
                            destination: String(cString: url), location: SourceLocation(path: path, line: line, column: column),
                            isImage: isImage))
                }
            case (CMARK_NODE_SOFTBREAK, _), (CMARK_NODE_LINEBREAK, _):
                if headingText != nil { headingText! += " " }
            default:
                break
            }
        }

        guard let rendered = cmark_render_html(document, options) else {
            return RenderedMarkdown(html: "", headings: headings, wordCount: wordCount, diagnostics: diagnostics, links: links)
        }
        defer { if !vigie_cmark_arena_owns(rendered) { free(rendered) } }
        let renderedBytes = UnsafeBufferPointer(
            start: UnsafeRawPointer(rendered).assumingMemoryBound(to: UInt8.self), count: strlen(rendered))
        let html: String
        if let fast = postProcess(renderedBytes, headings: headings) {
            html = fast
        } else {
            html = postProcessByCharacters(String(cString: rendered), headings: headings)
        }
        return RenderedMarkdown(html: html, headings: headings, wordCount: wordCount, diagnostics: diagnostics, links: links)
    }

    /// The column of an autolink (`<https://…>`) on its line. cmark 0.30 gives an autolink on the
    /// second line of a paragraph or later a column counted from the paragraph's start (a link on
    /// line 7 once came out at column 109), so it is found on the line: the first `<url>` there.
    /// Nil for a link that is not an autolink (their columns are right).
    static func autolinkColumn(_ node: OpaquePointer, url: UnsafePointer<CChar>, line: Int, in markdown: String) -> Int? {
        guard let child = cmark_node_first_child(node), cmark_node_get_type(child) == CMARK_NODE_TEXT,
            cmark_node_next(child) == nil, let literal = cmark_node_get_literal(child)
        else { return nil }
        let destination = String(cString: url), text = String(cString: literal)
        guard destination == text || destination == "mailto:" + text else { return nil }
        let lines = markdown.utf8.split(separator: UInt8(ascii: "\n"), maxSplits: line, omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return nil }
        let source = Array(lines[line - 1])
        let wanted = Array("<\(text)>".utf8)
        guard wanted.count <= source.count else { return nil }
        for start in 0...(source.count - wanted.count) where source[start..<(start + wanted.count)].elementsEqual(wanted) {
            return start + 1
        }
        return nil
    }

    private static let omittedMarker = Array("<!-- raw HTML omitted -->".utf8)

    /// Removes cmark's raw-HTML markers and adds the heading anchors, on the bytes: what the
    /// Foundation path below gives (profile of a 100 k-case build: `replacingOccurrences` and `range(of:)`,
    /// which compare composed characters, were 10 % of all samples; see `FrenchTypography` for the stage's figure). Returns nil, for that path, when the page
    /// holds a scalar that could join a grapheme cluster with a tag's `<` or `>` (see `isPlain`).
    ///
    /// One pass from `<` to `<` (`memchr`), copying the text between them whole: a first version
    /// that stripped, then anchored, appending byte by byte, was 42 % of the Swift part of the stage
    /// (10,000 notes, 71 MB of HTML: 0.35 s of one core).
    static func postProcess(_ html: UnsafeBufferPointer<UInt8>, headings: [RenderedMarkdown.Heading]) -> String? {
        guard isPlain(html), let base = html.baseAddress else { return html.isEmpty ? "" : nil }
        let openings = headings.map { Array("<h\($0.level) id=\"\($0.anchor)\">".utf8) }
        // Straight into the string's storage: through an array first, every note's HTML was copied
        // once more, into memory of its own (10,000 notes: 71 MB, and the page faults of that).
        return String(unsafeUninitializedCapacity: html.count + openings.reduce(0) { $0 + $1.count }) { out in
            var written = 0
            func put(_ bytes: UnsafeBufferPointer<UInt8>) {
                guard let source = bytes.baseAddress else { return }
                (out.baseAddress! + written).update(from: source, count: bytes.count)
                written += bytes.count
            }
            var next = 0
            var tag = headings.first.map { Array("<h\($0.level)>".utf8) } ?? []
            var copied = 0
            var i = 0
            while i < html.count, let hit = memchr(base + i, Int32(UInt8(ascii: "<")), html.count - i) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if matches(omittedMarker, in: html, at: at) {
                    put(UnsafeBufferPointer(rebasing: html[copied..<at]))
                    copied = at + omittedMarker.count
                    i = copied
                } else if next < headings.count, matches(tag, in: html, at: at) {
                    put(UnsafeBufferPointer(rebasing: html[copied..<at]))
                    openings[next].withUnsafeBufferPointer { put($0) }
                    copied = at + tag.count
                    i = copied
                    next += 1
                    if next < headings.count { tag = Array("<h\(headings[next].level)>".utf8) }
                } else {
                    i = at + 1
                }
            }
            put(UnsafeBufferPointer(rebasing: html[copied...]))
            return written
        }
    }

    private static func matches(_ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i + pattern.count <= bytes.count else { return false }
        for k in 0..<pattern.count where bytes[i + k] != pattern[k] { return false }
        return true
    }

    /// The reference `postProcess` must agree with: the same two steps on `Character`s, through
    /// Foundation (`FastPathTests` compares them on generated pages).
    static func postProcessByCharacters(_ html: String, headings: [RenderedMarkdown.Heading]) -> String {
        addHeadingAnchors(html.replacingOccurrences(of: "<!-- raw HTML omitted -->", with: ""), headings: headings)
    }

    /// True when every scalar is below U+0300 or in U+2000–U+20BF except U+200C/U+200D: none of them
    /// extends or prepends a grapheme cluster, so a byte match is a match between `Character`s.
    ///
    /// Wider than `FrenchTypography.isSimple` on purpose: matching a tag only needs scalars that do
    /// not join a cluster with its `<` or `>`, while the typography rule also asks whether a scalar
    /// is whitespace, which its byte rule knows only for the few it accepts (U+2003 is whitespace,
    /// and `isSimple` turns it away). `FastPathTests` checks each set scalar by scalar.
    static func isPlain(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < b.count {
            let c = b[i]
            if c < 0x80 {
                i = ByteWords.asciiRunEnd(b, from: i + 1)
            } else if c >= 0xC2 && c <= 0xCB {
                i += 2
            } else if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80 || b[i + 1] == 0x81 || b[i + 1] == 0x82 {
                if b[i + 1] == 0x80 && (b[i + 2] == 0x8C || b[i + 2] == 0x8D) { return false }
                i += 3
            } else {
                return false
            }
        }
        return true
    }

    /// cmark writes `<h2>`; give each heading, in document order, the `id` computed from its text.
    static func addHeadingAnchors(_ html: String, headings: [RenderedMarkdown.Heading]) -> String {
        guard !headings.isEmpty else { return html }
        var output = ""
        output.reserveCapacity(html.utf8.count + headings.count * 24)
        var rest = Substring(html)
        for heading in headings {
            let tag = "<h\(heading.level)>"
            guard let range = rest.range(of: tag) else { break }
            output += rest[..<range.lowerBound]
            output += "<h\(heading.level) id=\"\(heading.anchor)\">"
            rest = rest[range.upperBound...]
        }
        output += rest
        return output
    }
}
