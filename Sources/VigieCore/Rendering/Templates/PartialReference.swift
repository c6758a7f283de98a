// A `{{> partial}}` or `{{< parent}}` tag of a template, found by `TemplateParser`.

/// The template a tag includes, and where the tag starts (line and column from 1).
struct PartialReference: Hashable {
    var name: String
    var line: Int
    var column: Int
}
