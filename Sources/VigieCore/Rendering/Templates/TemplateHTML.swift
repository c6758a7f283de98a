// The escaping of `{{value}}` in every template, on bytes.

import Mustache

/// HTML escaping for the templates: the five characters swift-mustache escapes (`& < > " '`), with
/// the same character references, through `XML.escape`. The library's own escaper walks grapheme
/// clusters and looks each one up in a dictionary: perf put it at 37 % of the template stage (10.8 %
/// of all samples of a build with 10,000 notes). The one difference: a `<` carrying a combining mark
/// is escaped here, where the library, seeing one cluster, left it raw.
struct TemplateHTML: MustacheContentType {
    /// The name templates are parsed under; it replaces the library's own "HTML" (see `TemplateSet`).
    static let name = "HTML"

    func escapeText(_ text: String) -> String { XML.escape(text) }

    /// Makes every template parsed from now on escape with `TemplateHTML`. The library's render
    /// context always starts with its own HTML escaper; a `CONTENT_TYPE` pragma at the top of a
    /// template switches to the registered one, so `TemplateSet` puts the pragma on a line of its
    /// own (a standalone tag: it leaves no trace in the output) above each template's text.
    static func register() {
        MustacheContentTypes.register(TemplateHTML(), named: name)
    }

    /// The pragma line put above each template's text; parser errors count lines from the template's own first line.
    static let pragmaLine = "{{% CONTENT_TYPE: \(name) }}\n"
}
