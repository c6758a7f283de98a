// A `{{> partial}}` or `{{< parent}}` tag of a template, found by `TemplateParser`.

/// The template a tag includes, and where the tag starts (line and column from 1).
package struct PartialReference: Hashable {
    package var name: String
    package var line: Int
    package var column: Int
    /// Sections, blocks and parent bodies open around the tag in its own template.
    var depth: Int = 0
    /// `{{< parent}}` (the template inherits from `name`) rather than `{{> partial}}`.
    var inherits = false
}
