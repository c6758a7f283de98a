// Markdown stage: renders a note body with the C library cmark, adds heading anchors for the
// table of contents and applies French typography to text nodes only (never to code).

import CCmark
import Foundation

/// A note body rendered to HTML, with what the note page needs beside it.
public struct RenderedMarkdown: Sendable {
    public var html: String
    public var headings: [Heading]
    public var wordCount: Int
    public var diagnostics: [Diagnostic]

    public struct Heading: Sendable, Hashable {
        public var level: Int
        public var text: String
        public var anchor: String
    }
}

public enum MarkdownRenderer {
    /// Renders CommonMark with smart punctuation. Raw HTML is dropped (with a warning) unless allowed.
    /// - Parameters:
    ///   - path: the source file, for diagnostics.
    ///   - firstLine: the file line on which `markdown` starts (after the front matter).
    public static func render(_ markdown: String, path: String, firstLine: Int = 1, allowRawHTML: Bool, frenchTypography: Bool) -> RenderedMarkdown {
        var options = CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8
        if allowRawHTML { options |= CMARK_OPT_UNSAFE }
        let utf8 = Array(markdown.utf8)
        guard let document = utf8.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress.map { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parse_document($0, buffer.count, options) }
            } ?? cmark_parse_document("", 0, options)
        }) else {
            return RenderedMarkdown(html: "", headings: [], wordCount: 0, diagnostics: [])
        }
        defer { cmark_node_free(document) }

        var headings: [RenderedMarkdown.Heading] = []
        var diagnostics: [Diagnostic] = []
        var wordCount = 0
        var usedAnchors: [String: Int] = [:]
        var headingText: String?
        var headingLevel = 0

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
            case (CMARK_NODE_HTML_BLOCK, CMARK_EVENT_ENTER), (CMARK_NODE_HTML_INLINE, CMARK_EVENT_ENTER):
                if !allowRawHTML {
                    let line = Int(cmark_node_get_start_line(node)) + firstLine - 1
                    let column = max(1, Int(cmark_node_get_start_column(node)))
                    diagnostics.append(.warning("raw HTML is not published (set allow_raw_html: true in site.yaml to allow it)", at: SourceLocation(path: path, line: line, column: column)))
                }
            case (CMARK_NODE_SOFTBREAK, _), (CMARK_NODE_LINEBREAK, _):
                if headingText != nil { headingText! += " " }
            default:
                break
            }
        }

        guard let rendered = cmark_render_html(document, options) else {
            return RenderedMarkdown(html: "", headings: headings, wordCount: wordCount, diagnostics: diagnostics)
        }
        defer { free(rendered) }
        var html = String(cString: rendered)
        html = html.replacingOccurrences(of: "<!-- raw HTML omitted -->", with: "")
        html = addHeadingAnchors(html, headings: headings)
        return RenderedMarkdown(html: html, headings: headings, wordCount: wordCount, diagnostics: diagnostics)
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
