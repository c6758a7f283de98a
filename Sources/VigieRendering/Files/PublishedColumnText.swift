// What the spreadsheets and the database say of a published column: the French header the pages
// use and the definition datapackage.json gives it, so that every data file describes it alike.

import VigieReleases
import VigieStatistics

struct PublishedColumnText {
    /// `Plateforme`, `Dossiers`, `Part résolue`: the column's name on the site (`statistics.columns`).
    let header: String
    /// The column's definition and unit: the field's `description` in datapackage.json too.
    let definition: String

    init(_ column: TableColumn, labels: Labels) {
        let strings = labels.strings
        let threshold = labels.config.threshold
        let named = strings.optionalText("statistics.columns.\(column.name)") ?? column.name
        switch column.kind {
        case .status:
            let valueColumn = String(column.name.dropLast(OpenDataContract.statusSuffix.count))
            header = (strings.optionalText("statistics.columns.\(valueColumn)") ?? valueColumn) + " — " + strings.text("data.status_header")
            definition = strings.format("datapackage.status", ["column": valueColumn, "k": String(threshold)])
        case .count:
            header = named
            definition = named + " — " + strings.text("datapackage.count")
        case let .measure(unit):
            header = named
            // A column whose meaning its unit does not give (a share of all cases is not the resolved share) has its own words.
            let key = strings.optionalText("datapackage.column_unit.\(column.name)") != nil ? "datapackage.column_unit.\(column.name)" : "datapackage.unit_\(unit)"
            definition = named + " — " + strings.format(key, strings.definitionValues(threshold: threshold))
        case let .integer(unit):
            header = named
            definition = named + " — " + strings.text("datapackage.unit_\(unit)")
        case .suppressedFlag:
            header = strings.text("data.suppressed_header")
            definition = strings.text("datapackage.suppressed")
        case .key, .identifier, .text, .date:
            header = named
            definition = named
        }
    }
}
