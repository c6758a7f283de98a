// libFuzzer target: a note file through the front matter reader (with and without its shortcut),
// cmark and Vigie's post-processing (anchors, French typography), then the check of its links
// (see scripts/fuzz.sh).

import Foundation
import FuzzSupport
import VigieInput
import VigieLinkChecking
import VigieRendering
import VigieSupport

/// The methodology placeholders, filled as `BuildSession` fills them before rendering.
private let placeholders = [
    ("{{threshold}}", "5"), ("{{threshold_minus_one}}", "4"), ("{{publication_date}}", "29 mars 2019"),
    ("{{case_count}}", "620"), ("{{labels.platforms}}", "« Amazon », « eBay »"),
]

/// Pages the links may reach besides the note's own (some with `id`s for `#fragment`s).
private let otherPages = [
    OutputFile(path: "index.html", text: "<main id=\"contenu\"><h1 id=\"top\">Vigie</h1></main>"),
    OutputFile(path: "statistiques/index.html", text: "<section id=\"plateformes\"></section><p id='delais'>"),
    OutputFile(path: "notes/mediation/index.html", text: "<h2 id=\"la-mediation\">La médiation</h2>"),
    OutputFile(path: "donnees/cases_by_platform.csv", text: "platform,cases\n"),
]

/// Reads the input as a note (front matter and body). The front matter shortcut promises the same
/// note and the same diagnostics as Yams, so both are read and compared; a difference is a bug,
/// reported as a crash so that libFuzzer keeps the input. The body (or the whole text when the
/// front matter is refused, so the Markdown is fuzzed without a valid header) is then rendered and
/// its links checked against a small site. The last byte picks the options.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNote(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard let text = String(data: Data(bytes: start, count: count), encoding: .utf8) else { return 0 }
    let options = count > 0 ? start.load(fromByteOffset: count - 1, as: UInt8.self) : 0
    let path = "content/notes/note.md"
    var fast: [Diagnostic] = []
    var slow: [Diagnostic] = []
    let note = NoteLoader.load(text: text, path: path, fileStem: "note", useShortcut: true, into: &fast)
    let yamsNote = NoteLoader.load(text: text, path: path, fileStem: "note", useShortcut: false, into: &slow)
    guard fields(of: note) == fields(of: yamsNote), fast == slow else {
        fatalError(
            "the front matter shortcut and Yams disagree:\n\(fields(of: note) ?? [])\n\(fast)\n-- against --\n\(fields(of: yamsNote) ?? [])\n\(slow)"
        )
    }

    let read = note ?? Note(path: path, title: "Note", date: Day(year: 2019, month: 1, day: 2)!, slug: "note", body: text)
    var body = read.body
    if body.contains("{{") {
        for (placeholder, value) in placeholders { body = body.replacingOccurrences(of: placeholder, with: value) }
    }
    let rendered = MarkdownRenderer.render(
        body, path: path, firstLine: read.bodyFirstLine, allowRawHTML: options & 1 != 0, frenchTypography: options & 2 == 0)
    let page = OutputFile(path: "notes/\(read.slug)/index.html", text: "<article>\(rendered.html)</article>")
    let diagnostics = InternalLinkChecker.check(
        [RenderedNote(note: read, body: rendered)], files: otherPages + [page],
        baseURL: options & 4 == 0 ? "https://example.org/" : "https://example.org/vigie/")
    for diagnostic in fast + rendered.diagnostics + diagnostics { _ = diagnostic.description }
    return 0
}

/// What a loaded note holds, comparable.
private func fields(of note: Note?) -> [String]? {
    note.map {
        [
            $0.title, $0.date.iso, $0.summary ?? "∅", $0.tags.joined(separator: "|"), $0.slug, "\($0.draft)", $0.language ?? "∅",
            $0.body, "\($0.bodyFirstLine)",
        ]
    }
}

runFuzzer { data, count in withInput(data, count, fuzzNote) }
