// Chooses and feeds the chart of each table from the protected numbers and the wording in strings.yaml.

struct ChartBuilder {
    let renderer: SiteRenderer

    /// The SVG chart of a table, or nil for tables shown as a table only.
    func chart(for table: StatTable) -> String? {
        nil
    }
}
