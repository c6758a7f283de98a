// /glossaire/: the site's one vocabulary — its terms, and every key of the data files with the label
// the tables give it.

extension SiteRenderer {
    /// The vocabularies listed on /glossaire/, in this order; each one's title and the columns that
    /// hold its keys are `glossary.vocabularies.<name>` in strings.yaml, its labels those of the tables
    /// (`Labels`), so the glossary cannot name a category otherwise than the tables do.
    static let glossaryVocabularies = [
        "platforms", "issues", "sizes", "regions", "sectors", "outcomes", "statuses", "paths", "stages", "delays", "milestone_status",
        "actors",
    ]

    package func renderGlossary() -> OutputFile {
        let k = String(config.threshold)
        // Terms may name the site's own markers ("< 5", "masqué", "n. p.", "—") and rules: filled
        // from the strings the tables use, never written twice.
        var placeholders = strings.definitionValues(threshold: config.threshold)
        placeholders["km1"] = String(config.threshold - 1)
        placeholders["withheld_primary"] = labels.withheldText(.primary)
        placeholders["withheld_secondary"] = labels.withheldText(.secondary)
        placeholders["withheld_small_group"] = labels.withheldText(.smallGroup)
        placeholders["empty_value"] = strings.text("statistics.empty_value")
        placeholders["k"] = k
        let terms: [[String: Any]] = strings.entries("glossary.terms").map { entry in
            let fill = { (text: String) in Strings.fill(text) { placeholders[String($0)] } }
            return ["id": entry["id"] ?? "", "term": fill(entry["term"] ?? ""), "definition": fill(entry["definition"] ?? "")]
        }
        let vocabularies: [[String: Any]] = Self.glossaryVocabularies.map { name in
            [
                "name": name,
                "title": strings.text("glossary.vocabularies.\(name).title"),
                "where": strings.text("glossary.vocabularies.\(name).where"),
                "entries": labels.keys(of: name).map { ["key": $0, "label": labels.label($0, in: name)] },
            ]
        }
        return page(
            template: "glossary", folder: paths.folder(.glossary), title: strings.text("glossary.title"), section: "glossary",
            values: ["terms": terms, "vocabularies": vocabularies])
    }
}
