// /feed.xml: an Atom feed of the stored releases and the latest notes, dated by them and by the
// publication (never the build clock).

import VigieInput
import VigieSupport

public enum AtomFeedWriter {
    /// Entries in the feed: the newest notes only, as feed readers poll the file again and again. All
    /// 10,000 notes of the benchmark made a 94 MB feed, a third of the site's bytes; the whole list
    /// stays on /notes/ and in the sitemap.
    public static let entryLimit = 50

    /// - Parameters:
    ///   - notes: newest first, as the site lists them.
    ///   - releases: the dates of the stored releases; each is announced by an entry of its own.
    ///   - paths: the edition the feed is of (its language, its notes' folders); the first language's by default.
    public static func write(
        notes: [RenderedNote], releases: [Day] = [], config: SiteConfig, strings: Strings, paths: SitePaths? = nil
    ) -> [UInt8] {
        let base = config.baseURL
        let paths = paths ?? SitePaths(language: config.language, defaultLanguage: config.language)
        var out = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XML.escape(paths.language))">
              <title>\(XML.escape(config.title))</title>
              <subtitle>\(XML.escape(config.description))</subtitle>
              <id>\(XML.escape(base + paths.prefix))</id>
              <link rel="self" type="application/atom+xml" href="\(XML.escape(base + paths.prefix + "feed.xml"))"/>
              <link rel="alternate" type="text/html" href="\(XML.escape(base + paths.folder(.notes)))"/>
              <updated>\(config.publicationDate.iso)T00:00:00Z</updated>
              <author><name>\(XML.escape(config.publisher.isEmpty ? config.title : config.publisher))</name></author>
              <rights>\(XML.escape(config.licence))</rights>

            """
        // Releases and notes in one list, newest first; a release before a note of the same day.
        let format = ReaderFormatter(strings: strings)
        var entries: [(date: Day, text: String)] = []
        for date in releases.sorted(by: >) {
            // Each edition announces a release at its own page of it (`publications/<date>/`, `en/publications/<date>/`).
            let url = base + paths.releaseFolder(date)
            entries.append(
                (
                    date,
                    """
                      <entry>
                        <title>\(XML.escape(strings.format("publications.feed_entry", ["date": format.date(date)])))</title>
                        <id>\(XML.escape(url))</id>
                        <link rel="alternate" type="text/html" href="\(XML.escape(url))"/>
                        <published>\(date.iso)T00:00:00Z</published>
                        <updated>\(date.iso)T00:00:00Z</updated>
                        <summary>\(XML.escape(strings.text("publications.feed_summary")))</summary>
                      </entry>

                    """
                ))
        }
        for rendered in notes.prefix(entryLimit) {
            let note = rendered.note
            let url = base + paths.noteFolder(note.slug)
            var entry = """
                  <entry>
                    <title>\(XML.escape(note.title))</title>
                    <id>\(XML.escape(url))</id>
                    <link rel="alternate" type="text/html" href="\(XML.escape(url))"/>
                    <published>\(note.date.iso)T00:00:00Z</published>
                    <updated>\(note.date.iso)T00:00:00Z</updated>

                """
            for tag in note.tags.sorted() { entry += "    <category term=\"\(XML.escape(tag))\"/>\n" }
            if let summary = note.summary { entry += "    <summary>\(XML.escape(summary))</summary>\n" }
            entry += "    <content type=\"html\">\(XML.escape(rendered.body.html))</content>\n  </entry>\n"
            entries.append((note.date, entry))
        }
        // A stable merge: each list is already newest first.
        let ordered = entries.enumerated().sorted { a, b in
            a.element.date != b.element.date ? a.element.date > b.element.date : a.offset < b.offset
        }
        for entry in ordered { out += entry.element.text }
        out += "</feed>\n"
        return Array(out.utf8)
    }
}
