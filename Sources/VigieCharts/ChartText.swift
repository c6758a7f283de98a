// The wording of one chart: its accessible name and description and the legend of withheld values.

/// What a chart says in words. The chart draws no other wording than what its caller passes in.
public struct ChartText: Sendable, Hashable {
    /// The accessible name of the chart (`<title>`); the page shows its own visible caption.
    public var title: String
    /// The key finding in words (`<desc>`), read by screen readers after the title.
    public var description: String
    /// The legend entry of the hatched marks, such as "Valeur masquée (secret statistique)";
    /// drawn only when some value is withheld.
    public var withheldLegend: String

    public init(title: String, description: String, withheldLegend: String) {
        self.title = title
        self.description = description
        self.withheldLegend = withheldLegend
    }
}
