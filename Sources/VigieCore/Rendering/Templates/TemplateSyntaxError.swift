// A template that does not parse, with where it stopped.

/// Why and where a template failed to parse (line and column from 1, columns in Unicode scalars).
struct TemplateSyntaxError: Error, Equatable {
    var message: String
    var line: Int
    var column: Int
}
