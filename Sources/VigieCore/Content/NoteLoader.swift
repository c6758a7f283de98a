// Loading stage for content/notes/*.md: YAML front matter checked key by key, body kept as Markdown.

import Foundation
import Yams

public enum NoteLoader {
    static let knownKeys = ["title", "date", "summary", "tags", "slug", "draft", "lang"]

    /// Parses one note file. Returns nil when it cannot be used; problems go to `diagnostics`.
    public static func load(text: String, path: String, fileStem: String, into diagnostics: inout [Diagnostic]) -> Note? {
        // Split on every line ending: in Swift "\r\n" is one Character, so splitting on "\n" would
        // leave a CRLF file (a note saved on Windows) as a single line.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = first.dropFirst() }
        guard let first = lines.first, first.trimmingCharacters(in: .whitespaces) == "---" else {
            diagnostics.append(
                .error(
                    "a note must start with front matter: a line '---', YAML keys (title, date, …), and a closing '---'",
                    at: SourceLocation(path: path)))
            return nil
        }
        guard let closing = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }) else {
            diagnostics.append(.error("front matter is not closed: add a line '---' after the last key", at: SourceLocation(path: path)))
            return nil
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
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
}
