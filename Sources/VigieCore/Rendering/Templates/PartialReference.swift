// Finds `{{> partial}}` and `{{< parent}}` tags in a template, with their line and column.

import Foundation

struct PartialReference: Hashable {
    var name: String
    var line: Int
    var column: Int

    static func scan(_ text: String) -> [PartialReference] {
        var references: [PartialReference] = []
        var line = 1
        var column = 1
        let characters = Array(text)
        var i = 0
        while i < characters.count {
            if characters[i] == "{", i + 2 < characters.count, characters[i + 1] == "{",
                characters[i + 2] == ">" || characters[i + 2] == "<"
            {
                var j = i + 3
                var name = ""
                while j < characters.count, characters[j] != "}" { name.append(characters[j]); j += 1 }
                let trimmed = name.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty { references.append(PartialReference(name: trimmed, line: line, column: column)) }
            }
            if characters[i] == "\n" { line += 1; column = 1 } else { column += 1 }
            i += 1
        }
        return references
    }
}
