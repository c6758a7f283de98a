// Where each page of an edition lives: the French folder names at the site root (/statistiques/),
// the English ones under /en/ (/en/statistics/). The one place that names page folders per language.

import VigieInput

/// The folders of one edition's pages, from the site root. The data files are one set for every
/// edition (`dataFiles`), since their keys are language-neutral.
public struct SitePaths: Sendable, Equatable {
    /// The sections of the site that have a folder of their own.
    public enum Page: String, CaseIterable, Sendable {
        case statistics, platforms, notes, progress, methodology, data, publications, glossary, siteMap
        case accessibility, legalNotice, personalData, contact
    }

    /// The edition's language (`fr`, `en`).
    public let language: String
    /// True for the first language of `languages`, served at the site root.
    public let isDefault: Bool
    /// `""` for the first language, `en/` for English as a second one.
    public let prefix: String
    /// The first language, at the site root, whose `x-default` pages are.
    public let defaultLanguage: String

    public init(language: String, defaultLanguage: String) {
        self.language = language
        self.defaultLanguage = defaultLanguage
        self.isDefault = language == defaultLanguage
        self.prefix = isDefault ? "" : language + "/"
    }

    /// The one folder of the published data files (CSV, JSON, ODS, SQLite, datapackage.json).
    public static let dataFiles = "donnees/"

    /// Each section's folder name, per language. A language missing here takes the English names.
    static let names: [String: [Page: String]] = [
        "fr": [
            .statistics: "statistiques", .platforms: "plateformes", .notes: "notes", .progress: "progres",
            .methodology: "methodologie", .data: "donnees", .publications: "publications", .glossary: "glossaire",
            .siteMap: "plan-du-site", .accessibility: "accessibilite", .legalNotice: "mentions-legales",
            .personalData: "donnees-personnelles", .contact: "contact",
        ],
        "en": [
            .statistics: "statistics", .platforms: "platforms", .notes: "notes", .progress: "progress",
            .methodology: "methodology", .data: "data", .publications: "publications", .glossary: "glossary",
            .siteMap: "site-map", .accessibility: "accessibility", .legalNotice: "legal-notice",
            .personalData: "personal-data", .contact: "contact",
        ],
    ]

    /// The folder of a figure's embed view inside the figure's folder, and of the tag pages inside the notes'.
    static let subfolderNames: [String: (embed: String, tags: String)] = [
        "fr": ("integrer", "themes"),
        "en": ("embed", "topics"),
    ]

    /// The name of each figure of a platform page in the addresses of an edition (its folder under
    /// the platform's, its anchor, its chart files). A language missing here takes the English names.
    static let platformFigureNames: [String: [PlatformFigure: String]] = [
        "fr": [.issues: "difficultes", .resolution: "suite", .delays: "delais", .loss: "perte", .share: "part"],
        "en": [.issues: "issues", .resolution: "outcome", .delays: "delays", .loss: "loss", .share: "share"],
    ]

    /// A platform figure's name in this edition: `difficultes`, `issues`.
    func platformFigureName(_ figure: PlatformFigure) -> String {
        (Self.platformFigureNames[language] ?? Self.platformFigureNames["en"]!)[figure]!
    }

    /// The platform figure a folder name of this edition stands for (`part` → `.share`), if any.
    func platformFigure(named name: String) -> PlatformFigure? {
        PlatformFigure.allCases.first { platformFigureName($0) == name }
    }

    private static func name(_ page: Page, in language: String) -> String {
        (names[language] ?? names["en"]!)[page]!
    }

    /// The folder of a section's page from the site root: `statistiques/`, `en/statistics/`.
    public func folder(_ page: Page) -> String {
        return prefix + Self.name(page, in: language) + "/"
    }

    /// The folder name of a figure's embed view (`integrer/`, `embed/`).
    public var embedFolderName: String { (Self.subfolderNames[language]?.embed ?? "embed") + "/" }

    /// The folder of a tag's page: `notes/themes/<slug>/`, `en/notes/topics/<slug>/`.
    public func tagFolder(_ slug: String) -> String {
        folder(.notes) + (Self.subfolderNames[language]?.tags ?? "topics") + "/" + slug + "/"
    }

    /// The folder of a note's page: `notes/<slug>/`, `en/notes/<slug>/`.
    public func noteFolder(_ slug: String) -> String { folder(.notes) + slug + "/" }

    /// The folder of a figure of the statistics page: `statistiques/cases-by-platform/`.
    public func figureFolder(_ anchor: String) -> String { folder(.statistics) + anchor + "/" }

    /// The folder of a stored release's overview page: `publications/2019-01-31/`,
    /// `en/publications/2019-01-31/`.
    public func releaseFolder(_ date: Day) -> String { folder(.publications) + date.iso + "/" }

    /// The folder of a stored release's statistics page: `publications/2019-01-31/statistiques/`,
    /// `en/publications/2019-01-31/statistics/`.
    public func releaseStatisticsFolder(_ date: Day) -> String {
        releaseFolder(date) + Self.name(.statistics, in: language) + "/"
    }

    /// The folder of a stored release's data page: `publications/2019-01-31/donnees/` (beside the
    /// release's files), `en/publications/2019-01-31/data/` (linking to those files).
    public func releaseDataPageFolder(_ date: Day) -> String { releaseFolder(date) + Self.name(.data, in: language) + "/" }

    /// The one folder of a stored release's data files, as it was published: `publications/2019-01-31/donnees/`.
    public static func releaseDataFiles(_ date: Day) -> String { "publications/" + date.iso + "/" + dataFiles }

    /// The page of a stored release a folder name inside `publications/<date>/` stands for in this
    /// edition (`statistiques` → `.statistics`, `donnees` → `.data`), nil for any other name.
    func releasePage(named name: String) -> Page? {
        [Page.statistics, .data].first { Self.name($0, in: language) == name }
    }

    /// The section a folder of this edition belongs to and what follows the section's folder
    /// (`plateformes/amazon/part/` → `(.platforms, ["amazon", "part"])`); the home page is `(nil, [])`;
    /// nil for a folder of no section of this edition.
    func section(of folder: String) -> (page: Page?, rest: [String])? {
        guard folder.hasPrefix(prefix) else { return nil }
        let segments = folder.dropFirst(prefix.count).split(separator: "/").map(String.init)
        guard let first = segments.first else { return (nil, []) }
        guard let page = Page.allCases.first(where: { Self.name($0, in: language) == first }) else { return nil }
        return (page, Array(segments.dropFirst()))
    }
}
