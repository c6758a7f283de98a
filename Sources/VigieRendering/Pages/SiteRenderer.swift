// Render stage: builds every page of the site from the content, the rendered notes and the
// protected statistics only, through the Mustache templates; returns the files in memory.

import Foundation
import VigieDisclosure
import VigieInput
import VigieMustache
import VigieReleases
import VigieStatistics

/// Everything a page needs, prepared once per build.
public struct SiteRenderer: Sendable {
    public let content: Content
    public let notes: [RenderedNote]
    public let statistics: ProtectedStatistics
    /// The stored releases up to this publication, with their revisions.
    public let history: ReleaseHistory
    public let templates: TemplateSet
    public let labels: Labels
    /// The language and folders of the pages this renderer makes, and the other editions they link to.
    public let edition: SiteEdition
    /// `site.*` of every page, formatted once per build rather than once per page.
    let siteValue: TemplateValue
    /// Each tag's slug (`/notes/themes/<slug>/`), made once per build rather than once per note card.
    let tagSlugs: [String: String]
    /// Each tag's folder, from the site root, made once too: a card shows its note's tags, and there
    /// are three cards a note (the list, the tag pages, its own page); 22 ms of 1 M + 10,000 notes.
    let tagFolders: [String: String]
    /// The main menu: key, path from the site root, label.
    let navItems: [(key: String, path: String, label: String)]
    /// The layout's values made once per page depth (see `page`).
    let layoutValues = LayoutValues()

    public init(
        content: Content, notes: [RenderedNote], statistics: ProtectedStatistics, history: ReleaseHistory, templates: TemplateSet,
        edition: SiteEdition? = nil
    ) {
        let edition = edition ?? .only(config: content.config, strings: templates.strings)
        self.content = content
        self.notes = notes
        self.statistics = statistics
        self.history = history
        self.templates = templates
        self.edition = edition
        self.labels = Labels(config: content.config, strings: edition.strings)
        var site = Self.siteValues(config: content.config, strings: edition.strings, format: labels.format)
        site["language"] = edition.language
        self.siteValue = .map(site.mapValues { .text($0) })
        let tags = Set(notes.flatMap(\.note.tags))
        self.tagSlugs = Dictionary(uniqueKeysWithValues: tags.map { ($0, $0.slugified) })
        self.tagFolders = tagSlugs.mapValues { edition.paths.tagFolder($0) }
        let strings = edition.strings
        let paths = edition.paths
        self.navItems = [
            ("home", paths.prefix, strings.text("nav.home")),
            ("statistics", paths.folder(.statistics), strings.text("nav.statistics")),
            ("platforms", paths.folder(.platforms), strings.text("nav.platforms")),
            ("notes", paths.folder(.notes), strings.text("nav.notes")),
            ("progress", paths.folder(.progress), strings.text("nav.progress")),
            ("methodology", paths.folder(.methodology), strings.text("nav.methodology")),
            ("data", paths.folder(.data), strings.text("nav.data")),
            ("publications", paths.folder(.publications), strings.text("nav.publications")),
        ]
    }

    package var config: SiteConfig { content.config }
    /// The latest stored release before this publication, as it was published: the base of "what changed".
    var previous: ProtectedStatistics? { history.previous?.statistics }
    package var strings: Strings { edition.strings }
    /// The folders of this edition's pages.
    package var paths: SitePaths { edition.paths }
    var format: ReaderFormatter { labels.format }

    // MARK: Layout

    /// The relative prefix from a page folder back to the site root: `""`, `"../"`, `"../../"`.
    static func root(for folder: String) -> String {
        let depth = folder.split(separator: "/").count
        return String(repeating: "../", count: depth)
    }

    /// Renders a page template inside the base layout.
    /// - Parameters:
    ///   - folder: the page's folder (`""` for the home page, `statistiques/`), or nil for the
    ///     edition's `404.html` (`en/404.html` for English).
    func page(template: String, folder: String?, title: String, section: String, description: String? = nil, values: [String: Any])
        -> OutputFile
    {
        page(
            template: template, folder: folder, title: title, section: section, description: description,
            values: values.compactMapValues(TemplateValue.present))
    }

    func page(
        template: String, folder: String?, title: String, section: String, description: String? = nil, values: [String: TemplateValue]
    ) -> OutputFile {
        let root: String
        if let folder {
            root = Self.root(for: folder)
        } else {
            // 404.html is served at any depth: link from the site root path.
            root = URLComponents(string: config.baseURL)?.path ?? "/"
        }
        let home = root + paths.prefix == "" ? "./" : root + paths.prefix
        // The menu and the paths depend only on the page's depth (and section): made once for all
        // the pages that share them (10,000 note pages: 0.05 s of CPU made them page by page).
        let nav = layoutValues.value(for: root + "\u{0}" + section) {
            TemplateValue.list(
                navItems.map {
                    [
                        "key": .text($0.key), "href": .text($0.path.isEmpty ? home : root + $0.path), "label": .text($0.label),
                        "current": .flag($0.key == section),
                    ]
                })
        }
        var context = values
        context["t"] = strings.value
        context["root"] = .text(root)
        context["home"] = .text(home)
        context["nav"] = nav
        context["page_title"] = .text(title)
        context["page_description"] = .text(description ?? config.description)
        context["is_home"] = .flag(folder == "")
        context["canonical"] = .text(config.baseURL + (folder ?? paths.prefix + "404.html"))
        context["site"] = siteValue
        context["paths"] = layoutValues.value(for: root) { pathsValue(root: root, home: home) }
        if let folder, !edition.others.isEmpty {
            let (alternates, switcher) = languageLinks(folder: folder, root: root)
            if !alternates.isEmpty { context["alternates"] = .list(alternates) }
            context["switcher"] = .list(switcher)
        }
        let html = templates.render("pages/\(template)", .map(context))
        let path = folder.map { $0 + "index.html" } ?? paths.prefix + "404.html"
        return OutputFile(path: path, bytes: html, template: "pages/\(template)")
    }

    static func siteValues(config: SiteConfig, strings: Strings, format: ReaderFormatter) -> [String: String] {
        let date = format.date(config.publicationDate)
        return [
            "title": config.title,
            "description": config.description,
            "publisher": config.publisher,
            "language": config.language,
            "licence": config.licence,
            "licence_url": config.licenceURL,
            "date": date,
            "date_iso": config.publicationDate.iso,
            "published_on": strings.format("site.published_on", ["date": date]),
            "licence_line": strings.format("site.data_licence", ["licence": config.licence]),
            // The footer's first legal link names the declared status, as French public sites do.
            "accessibility_footer": strings.format(
                "legal.footer_accessibility",
                ["status": strings.text("legal.status." + (config.legal?.accessibility.status.rawValue ?? "unknown"))]),
        ]
    }

    // MARK: Shared helpers

    func count(_ table: TableID, _ keys: [String], column: String = "cases") -> TableCell? {
        statistics[table].cell(keys: keys, column: column)
    }

    /// A count as text, or its withheld marker.
    func countText(_ cell: TableCell?) -> String {
        guard let cell else { return strings.text("statistics.empty_value") }
        return labels.cellText(cell, column: TableColumn("cases", .count), vocabulary: nil)
    }

    /// "+42 depuis le 31 janvier 2019", or nil when the change cannot be published.
    func changeText(_ table: TableID, _ keys: [String], column: String = "cases") -> String? {
        guard let previous else { return nil }
        let previousDate = previous.asOf
        guard
            let change = ProtectedPublications(current: statistics, previous: previous).publishedDifference(
                table: table, keys: keys, column: column)
        else {
            return strings.format("home.no_change_published", [:])
        }
        return strings.format("home.change_since", ["change": format.signed(change), "date": format.date(previousDate)])
    }

    /// A tag's slug, from the build's table.
    func tagSlug(_ tag: String) -> String { tagSlugs[tag] ?? tag.slugified }

    /// The folder of a tag's page, from the site root.
    func tagFolder(_ tag: String) -> String { tagFolders[tag] ?? paths.tagFolder(tagSlug(tag)) }

    func noteCard(_ rendered: RenderedNote, root: String, level: Int = 2) -> [String: TemplateValue] {
        let note = rendered.note
        return [
            "title": .text(note.title),
            "href": .text(root + paths.noteFolder(note.slug)),
            "date": .text(format.date(note.date)),
            "date_iso": .text(note.date.iso),
            "summary": .text(note.summary ?? ""),
            "has_summary": .flag(note.summary != nil),
            "reading_time": .text(strings.format("notes.reading_time", ["minutes": String(rendered.readingMinutes)])),
            "level": .text(String(level)),
            "has_tags": .flag(!note.tags.isEmpty),
            "tags": .list(
                note.tags.sorted().map { tag in
                    ["label": .text(tag), "href": .text(root + tagFolder(tag))]
                }),
        ]
    }
}

/// Template values made once and shared by the pages rendered on every core, under a key that says
/// all they depend on.
final class LayoutValues: @unchecked Sendable {
    private var values: [String: TemplateValue] = [:]
    private let lock = NSLock()

    /// The value under `key`, made by `make` the first time.
    func value(for key: String, make: () -> TemplateValue) -> TemplateValue {
        lock.lock()
        defer { lock.unlock() }
        if let known = values[key] { return known }
        let made = make()
        values[key] = made
        return made
    }
}
