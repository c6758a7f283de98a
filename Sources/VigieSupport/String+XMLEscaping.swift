// Escapes caller wording for SVG text and attribute values, so any label is safe inside HTML.

extension String {
    /// This text with `&`, `<`, `>`, `"` and `'` written as character references.
    package var xmlEscaped: String { XML.escape(self) }
}
