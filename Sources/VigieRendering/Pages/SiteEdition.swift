// One language's edition of the site: its wording, its page folders, its notes' translations, and
// where each of its pages lives in the other editions (the `hreflang` alternates and the switcher).

import VigieInput

/// What makes one edition of the site differ from another: the same tables, data files and
/// templates, in another language at other folders.
public struct SiteEdition: Sendable {
    /// Another edition, as the pages of this one link to it.
    public struct Other: Sendable {
        public let paths: SitePaths
        /// Its wording: the switcher on a page of this edition speaks the other edition's language.
        public let strings: Strings
        /// Each note of this edition that it has in translation: this edition's slug → its slug.
        public let noteSlugs: [String: String]
        let labels: Labels
    }

    public let paths: SitePaths
    public let strings: Strings
    public let others: [Other]

    public init(paths: SitePaths, strings: Strings, others: [Other] = []) {
        self.paths = paths
        self.strings = strings
        self.others = others
    }

    public var language: String { paths.language }

    /// The single edition of a site with one language: its first language at the root.
    public static func only(config: SiteConfig, strings: Strings) -> SiteEdition {
        SiteEdition(paths: SitePaths(language: config.language, defaultLanguage: config.language), strings: strings)
    }

    /// Every edition of `config.languages`, each knowing the others, with the translations of the notes.
    /// - Parameter notes: every note of every language; a note's language is its `lang`, else the first language.
    public static func all(config: SiteConfig, templates: TemplateSet, notes: [Note]) -> [SiteEdition] {
        let first = config.language
        let paths = config.languages.map { SitePaths(language: $0, defaultLanguage: first) }
        let strings = paths.map { templates.strings(for: $0.language, isDefault: $0.isDefault) }
        let translations = NoteTranslations(notes: notes, defaultLanguage: first)
        return paths.indices.map { index in
            let others = paths.indices.filter { $0 != index }.map { other in
                Other(
                    paths: paths[other], strings: strings[other],
                    noteSlugs: translations.slugs(from: paths[index].language, to: paths[other].language),
                    labels: Labels(config: config, strings: strings[other]))
            }
            return SiteEdition(paths: paths[index], strings: strings[index], others: others)
        }
    }

    /// The folder of the page of `other` that is the same page as `folder` of this edition, or nil
    /// when that edition does not have it (a note not translated, a tag).
    /// - Parameter labels: this edition's labels (for the platform slugs).
    func alternate(of folder: String, in other: Other, labels: Labels) -> String? {
        guard let (page, rest) = paths.section(of: folder) else { return nil }
        guard let page else { return other.paths.prefix }
        if rest.isEmpty { return other.paths.folder(page) }
        /// Later folder names: an embed view's folder is named in each language.
        func translated(_ names: ArraySlice<String>) -> String {
            names.map { ($0 + "/" == paths.embedFolderName ? String(other.paths.embedFolderName.dropLast()) : $0) + "/" }.joined()
        }
        switch page {
        case .statistics:
            return other.paths.folder(.statistics) + translated(rest[...])
        case .platforms:
            guard let key = labels.config.platforms.keys.first(where: { labels.platformSlug($0) == rest[0] }) else { return nil }
            // A figure's folder is named in each language (`part`, `share`).
            var names = Array(rest.dropFirst())
            if let name = names.first, let figure = paths.platformFigure(named: name) {
                names[0] = other.paths.platformFigureName(figure)
            }
            return other.paths.folder(.platforms) + other.labels.platformSlug(key) + "/" + translated(names[...])
        case .notes:
            guard rest.count == 1, let slug = other.noteSlugs[rest[0]] else { return nil }
            return other.paths.noteFolder(slug)
        case .publications:
            // A stored release's pages: `publications/<date>/`, and its statistics and data pages.
            guard let date = Day(iso: rest[0]), rest.count <= 2 else { return nil }
            guard rest.count == 2 else { return other.paths.releaseFolder(date) }
            switch paths.releasePage(named: rest[1]) {
            case .statistics: return other.paths.releaseStatisticsFolder(date)
            case .data: return other.paths.releaseDataPageFolder(date)
            default: return nil
            }
        default:
            return nil
        }
    }

    /// The slug of this edition's translation of the note `slug` of another edition, if it has one.
    func translatedSlug(_ slug: String) -> String? {
        for other in others {
            if let own = other.noteSlugs.first(where: { $0.value == slug })?.key { return own }
        }
        return nil
    }
}

/// Which note translates which: a note's `translation_of` names the slug of the note it translates,
/// in another language; the link holds both ways.
struct NoteTranslations {
    /// (language, slug) → (language, slug) of each translation.
    private var pairs: [String: [String: String]] = [:]

    init(notes: [Note], defaultLanguage: String) {
        var languageOf: [String: String] = [:]
        for note in notes { languageOf[note.slug] = note.language ?? defaultLanguage }
        for note in notes {
            guard let original = note.translationOf, let originalLanguage = languageOf[original] else { continue }
            let language = note.language ?? defaultLanguage
            pairs[language + ">" + originalLanguage, default: [:]][note.slug] = original
            pairs[originalLanguage + ">" + language, default: [:]][original] = note.slug
        }
    }

    func slugs(from language: String, to other: String) -> [String: String] {
        pairs[language + ">" + other] ?? [:]
    }
}
