// Loading stage for content/notes/*.md: YAML front matter checked key by key, body kept as Markdown.

import Foundation
import VigieSupport
import Yams

public enum NoteLoader {
    static let knownKeys = ["title", "date", "summary", "tags", "slug", "draft", "lang", "translation_of"]

    /// Parses one note file. Returns nil when it cannot be used; problems go to `diagnostics`.
    /// - Parameter useShortcut: false to read the front matter with Yams even when `PlainFrontMatter`
    ///   could (tests compare the two).
    public static func load(text: String, path: String, fileStem: String, useShortcut: Bool = true, into diagnostics: inout [Diagnostic])
        -> Note?
    {
        // Split on every line ending: in Swift "\r\n" is one Character, so splitting on "\n" would
        // leave a CRLF file (a note saved on Windows) as a single line. Lines are byte ranges, split
        // where `Character.isNewline` would split: 10,000 notes (76 MB) were 13 % of a build's
        // profile split and joined by Character, and are now a byte scan.
        var utf8 = text
        let parts: (yaml: String, body: String, closing: Int)? = utf8.withUTF8 { bytes in
            // Lines are read only up to the closing fence: the body is the rest of the file.
            var frontMatter: [Range<Int>] = []
            var next = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            var closing: Int?
            while next < bytes.count || frontMatter.isEmpty {
                let (line, after) = nextLine(bytes, from: next)
                next = after
                if frontMatter.isEmpty {
                    guard isFence(bytes, line) else {
                        diagnostics.append(
                            .error(
                                "a note must start with front matter: a line '---', YAML keys (title, date, …), and a closing '---'",
                                at: SourceLocation(path: path)))
                        return nil
                    }
                } else if isFence(bytes, line) {
                    closing = frontMatter.count
                    break
                }
                frontMatter.append(line)
            }
            guard let closing else {
                diagnostics.append(
                    .error("front matter is not closed: add a line '---' after the last key", at: SourceLocation(path: path)))
                return nil
            }
            let yaml = joined(bytes, frontMatter.dropFirst())
            // A body with only LF line ends is its bytes as they are (what joining its lines with LF
            // gives), sliced from the text without a copy line by line or a second UTF-8 check. With
            // the basic YAML resolver (see `YAMLParser`), the validate stage of 10,000 notes went from
            // 0.39 s to 0.28 s (medians of 5). Any other line end is normalised line by line.
            guard next < bytes.count else { return (yaml, "", closing) }
            let rest = UnsafeBufferPointer(rebasing: bytes[next...])
            guard hasOnlyLineFeeds(rest) else { return (yaml, joined(rest, lineRanges(rest)[...]), closing) }
            return (yaml, String(text[text.utf8.index(text.utf8.startIndex, offsetBy: next)...]), closing)
        }
        guard let (yaml, body, closing) = parts else { return nil }
        if useShortcut, let plain = PlainFrontMatter.parse(yaml),
            let note = plain.note(path: path, fileStem: fileStem, body: body, bodyFirstLine: closing + 2)
        {
            return note
        }
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
        var translationOf: String?
        var translationOfLine = 1
        if let node = reader.value("translation_of") {
            translationOfLine = reader.location(of: node).line
            if let text = node.scalar?.string, text.isSlug {
                translationOf = text
            } else {
                diagnostics.append(
                    .error(
                        "translation_of must be the slug of the note this one translates, e.g. 'methodologie'",
                        at: reader.location(of: node)))
            }
        }
        var slug = fileStem.slugified
        var slugLocation = reader.firstLocation
        if let node = reader.value("slug") {
            if let text = node.scalar?.string, text.isSlug {
                slug = text
                slugLocation = reader.location(of: node)
            } else {
                diagnostics.append(
                    .error(
                        "slug must be lower-case letters and digits joined by dashes, e.g. 'mediation-des-entreprises'",
                        at: reader.location(of: node)))
            }
        }
        if slug.count > String.maximumSlugLength {
            let (origin, remedy) =
                reader.has("slug")
                ? ("slug", "set a shorter one") : ("the slug made from the file name", "rename the file or set a shorter 'slug'")
            diagnostics.append(.error("\(origin) \(String.slugLengthProblem(slug.count)); \(remedy)", at: slugLocation))
            slug = ""
        }
        let tagsLocation = reader.entries.first { $0.key == "tags" }.map { reader.location(of: $0.value) } ?? reader.firstLocation
        for tag in tags {
            let tagSlug = tag.slugified
            if tagSlug.isEmpty {
                diagnostics.append(.error("tag \(CellPreview.naming(tag)) has no letter or digit", at: tagsLocation))
            } else if tagSlug.count > String.maximumSlugLength {
                diagnostics.append(
                    .error("the slug of a tag \(String.slugLengthProblem(tagSlug.count)); shorten the tag", at: tagsLocation))
            }
        }
        reader.reportUnknownKeys(known: knownKeys, what: what, into: &diagnostics)
        guard let title, let date, !slug.isEmpty else { return nil }
        return Note(
            path: path, title: title, date: date, summary: summary, tags: tags, slug: slug, draft: draft,
            language: language, translationOf: translationOf, translationOfLine: translationOfLine, body: body,
            bodyFirstLine: closing + 2)
    }

    /// Lines joined with LF, as text.
    private static func joined(_ bytes: UnsafeBufferPointer<UInt8>, _ lines: ArraySlice<Range<Int>>) -> String {
        var out: [UInt8] = []
        for (k, line) in lines.enumerated() {
            if k > 0 { out.append(0x0A) }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[line]))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A line that trims to `---`.
    private static func isFence(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        guard containsFence(bytes, line) else { return false }
        if line.count == 3 { return true }  // `---` itself, as most fences are
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[line]), as: UTF8.self).trimmingCharacters(in: .whitespaces) == "---"
    }

    /// The line starting at `start` (without its ending) and where the next one starts, past the end
    /// (`b.count + 1`) for the last line; a line end is one `lineEndLength` finds.
    static func nextLine(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> (line: Range<Int>, next: Int) {
        var i = start
        while i < b.count {
            let ending = lineEndLength(b, at: i)
            if ending > 0 { return (start..<i, i + ending) }
            i += 1
        }
        return (start..<b.count, b.count + 1)
    }

    /// The length of the line ending at `i`, or 0: LF, CR, CR LF, VT, FF, NEL, LS and PS, the scalars
    /// for which `Character.isNewline` holds (each is a grapheme cluster of its own, CR LF aside).
    private static func lineEndLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let c = b[i]
        if c >= 0x0A && c <= 0x0D { return c == 0x0D && i + 1 < b.count && b[i + 1] == 0x0A ? 2 : 1 }
        if c == 0xC2, i + 1 < b.count, b[i + 1] == 0x85 { return 2 }
        if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0xA8 || b[i + 2] == 0xA9 { return 3 }
        return 0
    }

    /// True when every line end of the text is a lone LF: no VT, FF or CR byte, no NEL (C2 85), LS
    /// or PS (E2 80 A8/A9). Searched with `memchr`, from lead byte to lead byte: a loop over every
    /// byte was 0.04 s of CPU for 10,000 notes.
    static func hasOnlyLineFeeds(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress else { return true }
        for byte: Int32 in [0x0B, 0x0C, 0x0D] where memchr(base, byte, b.count) != nil { return false }
        for lead: UInt8 in [0xC2, 0xE2] {
            var i = 0
            while i < b.count, let hit = memchr(base + i, Int32(lead), b.count - i) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if lineEndLength(b, at: at) > 0 { return false }
                i = at + 1
            }
        }
        return true
    }

    /// Byte ranges of the lines, without their endings (see `lineEndLength`); a text ending with a
    /// line end has an empty last line.
    static func lineRanges(_ b: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var next = 0
        repeat {
            let (line, after) = nextLine(b, from: next)
            lines.append(line)
            next = after
        } while next <= b.count
        return lines
    }

    /// A line can trim to `---` only if it holds those three bytes.
    private static func containsFence(_ b: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        guard line.count >= 3 else { return false }
        for i in line.lowerBound..<(line.upperBound - 2) where b[i] == 0x2D && b[i + 1] == 0x2D && b[i + 2] == 0x2D { return true }
        return false
    }
}
