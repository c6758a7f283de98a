// Table definitions with their placeholders filled the same way on every page and in datapackage.json.

import VigieStatistics

extension Strings {
    /// The placeholders a table definition or a column description may use: `{k}`, and
    /// `{share_definition}`, the one definition of the resolved share (`definitions.share_resolved`).
    func definitionValues(threshold: Int) -> [String: String] {
        ["k": String(threshold), "share_definition": text("definitions.share_resolved")]
    }

    /// `tables.<id>.definition`, filled.
    func tableDefinition(_ id: TableID, threshold: Int) -> String {
        format("tables.\(id.rawValue).definition", definitionValues(threshold: threshold))
    }
}
