// A template that does not parse, with where it stopped.

/// Why and where a template failed to parse (line and column from 1, columns in Unicode scalars).
package struct TemplateSyntaxError: Error, Equatable {
    package var message: String
    package var line: Int
    package var column: Int
}
