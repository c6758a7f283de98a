// A parsed Mustache template: text and tags, sections holding their own nodes.

/// One piece of a parsed template.
package indirect enum TemplateNode: Sendable {
    /// Text copied as it is, as UTF-8.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}` (raw).
    case value(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(TemplateName, [TemplateNode], inverted: Bool)
    /// `{{> name}}`; a partial alone on its line indents every line it renders by `indentation`.
    case partial(String, indentation: [UInt8]?)
    /// `{{< name}}…{{/name}}`: renders template `name` with the `blocks` defined here overriding its own.
    case parent(String, indentation: [UInt8], blocks: [String: [TemplateNode]])
    /// `{{$name}}default{{/name}}` outside a parent: the block a child template may override.
    case block(String, defaultNodes: [TemplateNode], indentation: [UInt8])
}

/// A tag's name: `.` (the current value), `a.b.c` (looked up the context stack by `a`), or `.a.b`
/// (looked up in the current value only).
package struct TemplateName: Sendable, Hashable {
    enum Scope: Sendable, Hashable {
        case current
        case stack
        case top
    }

    let scope: Scope
    let parts: [String]

    init(_ name: String) {
        if name == "." {
            scope = .current
        } else if name.first == "." {
            scope = .top
        } else {
            scope = .stack
        }
        parts = scope == .current ? [] : name.split(separator: ".").map(String.init)
    }
}
