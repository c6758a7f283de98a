// Loading stage for content/notes/*.md: YAML front matter checked key by key, body kept as Markdown.

import Foundation
import Yams

public enum NoteLoader {
    static let knownKeys = ["title", "date", "summary", "tags", "slug", "draft", "lang"]

    /// Parses one note file. Returns nil when it cannot be used; problems go to `diagnostics`.
    public static func load(text: String, path: String, fileStem: String, into diagnostics: inout [Diagnostic]) -> Note? {
        // Split on every line ending: in Swift "\r\n" is one Character, so splitting on "\n" would
        // leave a CRLF file (a note saved on Windows) as a single line. Lines are byte ranges, split
        // where `Character.isNewline` would split: 10,000 notes (76 MB) were 13 % of a build's
        // profile split and joined by Character, and are now a byte scan.
        var utf8 = text
        let parts: (yaml: String, body: String, closing: Int)? = utf8.withUTF8 { bytes in
            var lines = lineRanges(bytes)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { lines[0] = (lines[0].lowerBound + 3)..<lines[0].upperBound }
            func isFence(_ line: Range<Int>) -> Bool {
                guard containsFence(bytes, line) else { return false }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[line]), as: UTF8.self).trimmingCharacters(in: .whitespaces)
                    == "---"
            }
            guard isFence(lines[0]) else {
                diagnostics.append(
                    .error(
                        "a note must start with front matter: a line '---', YAML keys (title, date, …), and a closing '---'",
                        at: SourceLocation(path: path)))
                return nil
            }
            guard let closing = lines.indices.dropFirst().first(where: { isFence(lines[$0]) }) else {
                diagnostics.append(
                    .error("front matter is not closed: add a line '---' after the last key", at: SourceLocation(path: path)))
                return nil
            }
            func joined(_ range: ArraySlice<Range<Int>>) -> String {
                var out: [UInt8] = []
                for (k, line) in range.enumerated() {
                    if k > 0 { out.append(0x0A) }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[line]))
                }
                return String(decoding: out, as: UTF8.self)
            }
            return (joined(lines[1..<closing]), joined(lines[(closing + 1)...]), closing)
        }
        guard let (yaml, body, closing) = parts else { return nil }
        let what = "note front matter"
        guard let root = YAMLParser.parse(yaml, path: path, lineOffset: 1, into: &diagnostics) else {
            if yaml.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                diagnostics.append(.error("front matter is empty; 'title' and 'date' are required", at: SourceLocation(path: path)))
            }
            return nil
        }
        guard var reader = YAMLMappingReader(root, path: path, lineOffset: 1, what: what, into: &diagnostics) else { return nil }
        let title = reader.string("title", required: true, in: what, into: &diagnostics)
        let date = reader.day("date", required: true, in: what, into: &diagnostics)
        let summary = reader.string("summary", in: what, into: &diagnostics)
        let tags = reader.strings("tags", in: what, into: &diagnostics) ?? []
        let draft = reader.bool("draft", in: what, into: &diagnostics) ?? false
        let language = reader.string("lang", in: what, into: &diagnostics)
        var slug = fileStem.slugified
        if let node = reader.value("slug") {
            if let text = node.scalar?.string, text.isSlug {
                slug = text
            } else {
                diagnostics.append(
                    .error(
                        "slug must be lower-case letters and digits joined by dashes, e.g. 'mediation-des-entreprises'",
                        at: reader.location(of: node)))
            }
        }
        for tag in tags where tag.slugified.isEmpty {
            diagnostics.append(.error("tag '\(tag)' has no letter or digit", at: reader.firstLocation))
        }
        reader.reportUnknownKeys(known: knownKeys, what: what, into: &diagnostics)
        guard let title, let date, !slug.isEmpty else { return nil }
        return Note(
            path: path, title: title, date: date, summary: summary, tags: tags, slug: slug, draft: draft,
            language: language, body: body, bodyFirstLine: closing + 2)
    }

    /// Byte ranges of the lines, without their endings: LF, CR, CR LF, VT, FF, NEL, LS and PS, the
    /// scalars for which `Character.isNewline` holds (each is a grapheme cluster of its own, CR LF aside).
    static func lineRanges(_ b: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        var i = 0
        while i < b.count {
            let c = b[i]
            var ending = 0
            if c >= 0x0A && c <= 0x0D {
                ending = c == 0x0D && i + 1 < b.count && b[i + 1] == 0x0A ? 2 : 1
            } else if c == 0xC2, i + 1 < b.count, b[i + 1] == 0x85 {
                ending = 2
            } else if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0xA8 || b[i + 2] == 0xA9 {
                ending = 3
            }
            if ending > 0 {
                lines.append(start..<i)
                i += ending
                start = i
            } else {
                i += 1
            }
        }
        lines.append(start..<b.count)
        return lines
    }

    /// A line can trim to `---` only if it holds those three bytes.
    private static func containsFence(_ b: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        guard line.count >= 3 else { return false }
        for i in line.lowerBound..<(line.upperBound - 2) where b[i] == 0x2D && b[i + 1] == 0x2D && b[i + 2] == 0x2D { return true }
        return false
    }
}
