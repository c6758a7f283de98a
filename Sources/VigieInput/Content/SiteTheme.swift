// The look of the published site, chosen in site.yaml (`theme`): the neutral default, or the
// French State's design system (DSFR), which only State sites may use.

/// `theme` in site.yaml. A theme other than `neutral` is a folder of templates and assets laid
/// over the templates folder (`themes/<name>/`): a file there replaces the file of the same path.
public enum SiteTheme: String, Sendable, CaseIterable {
    /// The templates folder alone: no web font, no logo, no mark of the State.
    case neutral
    /// The Système de design de l'État: its header with the "République française" block, its
    /// footer, tables, tags and badges, the Marianne font. Reserved to State sites, hence opt-in.
    case dsfr

    /// The overlay folder, relative to the templates folder; nil for the neutral theme.
    public var overlayFolder: String? {
        switch self {
        case .neutral: nil
        case .dsfr: "themes/dsfr"
        }
    }

    /// Files the overlay needs that are not in the repository (they come from a package and are
    /// installed by a command), relative to the overlay folder, with that command; nil when none.
    public var installedFiles: (marker: String, command: String, what: String)? {
        switch self {
        case .neutral: nil
        case .dsfr:
            (
                marker: "assets/dsfr/dsfr.min.css", command: "bash scripts/install-dsfr.sh",
                what: "the DSFR's stylesheet, icons and fonts (from the django-dsfr package on PyPI)"
            )
        }
    }
}
