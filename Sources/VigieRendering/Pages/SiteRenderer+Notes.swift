// /notes/, /notes/<slug>/ and the tag pages /notes/themes/<tag>/.

import VigieInput
import VigieMustache
import VigieSupport

extension SiteRenderer {
    package func renderNotes() -> [OutputFile] {
        let folder = paths.folder(.notes)
        let root = Self.root(for: folder)
        let tags = allTags
        // Every page of the section is independent: the list, each note, each tag page, rendered on
        // every core in this order (render templates with 10,000 notes: 5.1–5.3 s with only the note
        // pages in parallel → 3.8 s; 1.2–1.4 s → 0.5–0.6 s on 1,000 notes against fully sequential).
        enum Job: Sendable {
            case list, note(Int), tag(String)
        }
        // The list and the tag pages, a card for each of their notes, are the longest jobs: first,
        // so that no core is left with one of them at the end (the pages go back to list, notes, tags).
        let jobs: [Job] = [.list] + tags.map { .tag($0.tag) } + notes.indices.map { .note($0) }
        let files = ParallelMap.map(jobs) { job -> OutputFile in
            switch job {
            case .list:
                return page(
                    template: "notes", folder: folder, title: strings.text("notes.title"), section: "notes",
                    values: [
                        "notes": .list(notes.map { .map(noteCard($0, root: root)) }),
                        "tags": .list(
                            tags.map {
                                [
                                    "label": .text($0.tag), "href": .text(root + tagFolder($0.tag)),
                                    "count": .text(String($0.count)),
                                ]
                            }),
                    ])
            case .note(let index):
                // Notes are newest first: the "previous" note is the older one.
                let older = index + 1 < notes.count ? notes[index + 1] : nil
                let newer = index > 0 ? notes[index - 1] : nil
                return renderNote(notes[index], older: older, newer: newer)
            case .tag(let tag):
                let tagFolder = self.tagFolder(tag)
                let tagRoot = Self.root(for: tagFolder)
                // Cards straight from `notes`: filtering first copied each tagged note (a dozen retains each).
                let cards = notes.compactMap { $0.note.tags.contains(tag) ? TemplateValue.map(noteCard($0, root: tagRoot)) : nil }
                let title = strings.format("notes.tag_title", ["tag": tag])
                return page(
                    template: "tag", folder: tagFolder, title: title, section: "notes",
                    values: [
                        "tag": .text(tag), "notes": .list(cards),
                        "notes_href": .text(tagRoot + paths.folder(.notes)),
                    ])
            }
        }
        return [files[0]] + files[(1 + tags.count)...] + files[1..<(1 + tags.count)]
    }

    /// Tags with their number of notes, sorted by tag.
    var allTags: [(tag: String, count: Int)] {
        var counts: [String: Int] = [:]
        for rendered in notes { for tag in Set(rendered.note.tags) { counts[tag, default: 0] += 1 } }
        return counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    func renderNote(_ rendered: RenderedNote, older: RenderedNote?, newer: RenderedNote?) -> OutputFile {
        let note = rendered.note
        let folder = paths.noteFolder(note.slug)
        let root = Self.root(for: folder)
        let toc = rendered.body.headings.filter { $0.level == 2 || $0.level == 3 }
        var values = noteCard(rendered, root: root)
        values["body"] = .text(rendered.body.html)
        values["published"] = .text(strings.format("notes.published", ["date": format.date(note.date)]))
        values["toc"] = .list(toc.map { ["text": .text($0.text), "anchor": .text($0.anchor), "sub": .flag($0.level == 3)] })
        values["has_toc"] = .flag(toc.count >= 3)
        values["lang"] = .text(note.language ?? "")
        values["has_lang"] = .flag(note.language != nil && note.language != paths.language)
        if let older { values["older"] = ["title": .text(older.note.title), "href": .text(root + paths.noteFolder(older.note.slug))] }
        if let newer { values["newer"] = ["title": .text(newer.note.title), "href": .text(root + paths.noteFolder(newer.note.slug))] }
        values["has_pager"] = .flag(older != nil || newer != nil)
        return page(template: "note", folder: folder, title: note.title, section: "notes", description: note.summary, values: values)
    }
}

extension SiteRenderer {
    /// The folders of the pages that show a note's body: its own page, and /methodologie/ for the
    /// methodology note. Its relative links are resolved from each (`InternalLinkChecker`).
    package static func folders(showing note: Note) -> [String] {
        let own = "notes/\(note.slug)/"
        return note.slug == methodologySlug ? [own, "methodologie/"] : [own]
    }

    /// The same in a site of several editions: the note's page in its edition's folder, and that
    /// edition's methodology page for the methodology note or its translation.
    package static func folders(showing note: Note, config: SiteConfig) -> [String] {
        let paths = SitePaths(language: ContentLoader.edition(of: note, config: config), defaultLanguage: config.language)
        let own = paths.noteFolder(note.slug)
        return isMethodology(note) ? [own, paths.folder(.methodology)] : [own]
    }

    /// The methodology note (`methodologie`) or a translation of it: the body of /methodologie/ and its translations.
    static func isMethodology(_ note: Note) -> Bool {
        note.slug == methodologySlug || note.translationOf == methodologySlug
    }
}
