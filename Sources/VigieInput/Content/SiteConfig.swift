// The site's configuration from content/site.yaml, with the SPEC's defaults.

import VigieSupport

/// Everything `site.yaml` sets. Built by `SiteConfigLoader`; passed to every later stage.
public struct SiteConfig: Sendable {
    public var title: String
    public var description: String
    public var publisher: String
    /// Absolute base URL ending with `/` (used in the feed, the sitemap and the data package).
    public var baseURL: String
    public var language: String
    /// The editions built (`languages`), the first being `language`, served at the site root; the
    /// others under `/<code>/`. `[language]` when site.yaml names none: one edition, as before.
    public var languages: [String]
    /// `title`, `description` and `publisher` in each further language (`title_en`, …), by code.
    public var translations: [String: [String: String]] = [:]
    /// The date stamped on this build; the only clock the build knows.
    public var publicationDate: Day
    /// Where `publication_date` is set, for the diagnostics that concern the date itself.
    public var publicationDateLocation: SourceLocation
    /// The next planned publication date, announced on /publications/ (optional).
    public var nextPublication: Day?
    public var licence: String
    public var licenceURL: String
    /// Disclosure threshold k: counts 1…k−1 are never published.
    public var threshold: Int
    /// Raw HTML in notes is dropped unless this is true.
    public var allowRawHTML: Bool
    public var platforms: Vocabulary
    public var issues: Vocabulary
    public var sectors: Vocabulary
    public var outcomes: Vocabulary
    public var regions: Vocabulary
    /// The facts of the mandatory pages (`legal`), or nil when site.yaml has none: the pages are
    /// still published and say which facts the publisher has not provided.
    public var legal: LegalInformation?
    /// The look of the site (`theme`): the templates folder alone, or with a theme laid over it.
    public var theme: SiteTheme
    /// Where `theme` is set, for the error when the theme's installed files are missing.
    public var themeLocation: SourceLocation
    /// `cases_database`: the cases come from PostgreSQL instead of `content/cases/` (nil: the CSV files).
    public var casesDatabase: CasesDatabase?
    /// True when site.yaml has `cases_database`, even a refused one: its error is then the only
    /// one, not followed by "no case file" about a folder the publisher meant to leave empty.
    public var namesCasesDatabase = false

    public init(
        title: String = "Vigie",
        description: String = "",
        publisher: String = "",
        baseURL: String = "https://example.org/",
        language: String = "fr",
        publicationDate: Day,
        nextPublication: Day? = nil,
        licence: String = "Licence Ouverte / Open Licence 2.0",
        licenceURL: String = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
        threshold: Int = 5,
        allowRawHTML: Bool = false,
        platforms: Vocabulary = Vocabulary(name: "platforms", keys: DefaultVocabularies.platforms),
        issues: Vocabulary = Vocabulary(name: "issues", keys: DefaultVocabularies.issues),
        sectors: Vocabulary = Vocabulary(name: "sectors", keys: DefaultVocabularies.sectors),
        outcomes: Vocabulary = Vocabulary(name: "outcomes", keys: DefaultVocabularies.outcomes),
        regions: Vocabulary = Vocabulary(name: "regions", keys: DefaultVocabularies.regions),
        legal: LegalInformation? = nil,
        theme: SiteTheme = .neutral
    ) {
        self.title = title
        self.description = description
        self.publisher = publisher
        self.baseURL = baseURL
        self.language = language
        self.languages = [language]
        self.publicationDate = publicationDate
        self.publicationDateLocation = SourceLocation(path: "site.yaml")
        self.nextPublication = nextPublication
        self.licence = licence
        self.licenceURL = licenceURL
        self.threshold = threshold
        self.allowRawHTML = allowRawHTML
        self.platforms = platforms
        self.issues = issues
        self.sectors = sectors
        self.outcomes = outcomes
        self.regions = regions
        self.legal = legal
        self.theme = theme
        self.themeLocation = SourceLocation(path: "site.yaml")
    }

    /// The configuration as an edition in `language` shows it: its title, description and publisher
    /// in that language where site.yaml gives them (`title_en`, …).
    public func localized(for language: String) -> SiteConfig {
        guard let texts = translations[language] else { return self }
        var copy = self
        if let title = texts["title"] { copy.title = title }
        if let description = texts["description"] { copy.description = description }
        if let publisher = texts["publisher"] { copy.publisher = publisher }
        return copy
    }
}
