// The groups of output files that are re-rendered together when their inputs change.

enum PageGroup: CaseIterable, Hashable {
    /// /statistiques/ and its figure pages, /plateformes/, /donnees/ and the data files: depend on the
    /// cases and milestones.
    case statistics
    /// /notes/, the note and tag pages, the feed: depend on the notes.
    case notes
    case home
    /// /publications/: the calendar (revisions depend on the cases) and each stored release's frozen pages.
    case publications
    case progress
    /// /methodologie/ and /glossaire/: depend on the configuration, the strings and the statistics' report.
    case methodology
    /// /accessibilite/, /mentions-legales/, /donnees-personnelles/, /contact/: depend on the configuration only.
    case legal
    case notFound
    case assets
}
