// /notes/, /notes/<slug>/ and the tag pages /notes/themes/<tag>/.

extension SiteRenderer {
    func renderNotes() -> [OutputFile] {
        let folder = "notes/"
        let root = Self.root(for: folder)
        let tags = allTags
        // Every page of the section is independent: the list, each note, each tag page, rendered on
        // every core in this order (render templates with 10,000 notes: 5.1–5.3 s with only the note
        // pages in parallel → 3.8 s; 1.2–1.4 s → 0.5–0.6 s on 1,000 notes against fully sequential).
        enum Job: Sendable {
            case list, note(Int), tag(String)
        }
        let jobs: [Job] = [.list] + notes.indices.map { .note($0) } + tags.map { .tag($0.tag) }
        return ParallelMap.map(jobs) { job -> OutputFile in
            switch job {
            case .list:
                return page(
                    template: "notes", folder: folder, title: strings.text("notes.title"), section: "notes",
                    values: [
                        "notes": notes.map { noteCard($0, root: root) },
                        "tags": tags.map {
                            ["label": $0.tag, "href": root + "notes/themes/\($0.tag.slugified)/", "count": String($0.count)]
                        },
                    ])
            case .note(let index):
                // Notes are newest first: the "previous" note is the older one.
                let older = index + 1 < notes.count ? notes[index + 1] : nil
                let newer = index > 0 ? notes[index - 1] : nil
                return renderNote(notes[index], older: older, newer: newer)
            case .tag(let tag):
                let tagFolder = "notes/themes/\(tag.slugified)/"
                let tagRoot = Self.root(for: tagFolder)
                let tagged = notes.filter { $0.note.tags.contains(tag) }
                let title = strings.format("notes.tag_title", ["tag": tag])
                return page(
                    template: "tag", folder: tagFolder, title: title, section: "notes",
                    values: [
                        "tag": tag, "notes": tagged.map { noteCard($0, root: tagRoot) }, "notes_href": tagRoot + "notes/",
                    ])
            }
        }
    }

    /// Tags with their number of notes, sorted by tag.
    var allTags: [(tag: String, count: Int)] {
        var counts: [String: Int] = [:]
        for rendered in notes { for tag in Set(rendered.note.tags) { counts[tag, default: 0] += 1 } }
        return counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    func renderNote(_ rendered: RenderedNote, older: RenderedNote?, newer: RenderedNote?) -> OutputFile {
        let note = rendered.note
        let folder = "notes/\(note.slug)/"
        let root = Self.root(for: folder)
        let toc = rendered.body.headings.filter { $0.level == 2 || $0.level == 3 }
        var values = noteCard(rendered, root: root)
        values["body"] = rendered.body.html
        values["published"] = strings.format("notes.published", ["date": format.date(note.date)])
        values["toc"] = toc.map { ["text": $0.text, "anchor": $0.anchor, "sub": $0.level == 3] }
        values["has_toc"] = toc.count >= 3
        values["lang"] = note.language ?? ""
        values["has_lang"] = note.language != nil && note.language != config.language
        if let older { values["older"] = ["title": older.note.title, "href": root + "notes/\(older.note.slug)/"] }
        if let newer { values["newer"] = ["title": newer.note.title, "href": root + "notes/\(newer.note.slug)/"] }
        values["has_pager"] = older != nil || newer != nil
        return page(template: "note", folder: folder, title: note.title, section: "notes", description: note.summary, values: values)
    }
}
