// View model of one figure of /statistiques/: chart, table, definition, source, downloads, citation.

public struct FigureModel: Sendable {
    public var anchor: String
    public var title: String
    public var definition: String
    public var unit: String
    public var source: String
    public var chart: String?
    public var table: TableModel
    public var csvHref: String
    public var jsonHref: String
    /// What the CSV and JSON hold beyond the figure (a platform's figure links to the table of every
    /// platform: which rows are its), said after the links.
    public var downloadNote: String? = nil
    public var cite: String
    /// Which release the figure belongs to, and whether it is frozen or provisional.
    public var release: String
    public var changeText: String?
    /// A sentence with the figure's key number and its definition (the resolved share on the case paths).
    public var keyFigure: String? = nil
    /// What the reader must know before citing the figure (the open-case bias of the delays).
    public var caveat: String? = nil
    /// How to read the chart, shown under it where its marks need it (the quartile ranges).
    public var chartCaption: String? = nil
    /// The figure's own page (`/statistiques/<figure>/`), relative to the page showing the figure;
    /// nil on a stored release's frozen page, which links to nothing published after it.
    public var pageHref: String? = nil
    /// The chart as a file (SVG, and PNG made from it), relative to the page; on the figure's page only.
    public var svgHref: String? = nil
    public var pngHref: String? = nil
}
