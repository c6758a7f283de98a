// A second language's wording (templates/strings.<code>.yaml) held to the first's keys, so that an
// English page never shows a French word or an empty label: every gap is an error at its file and key.

import VigieInput
import VigieSupport
import Yams

extension Strings {
    /// The file of a language's wording: `strings.yaml` for the site's first language, else `strings.<code>.yaml`.
    public static func fileName(language: String, isDefault: Bool) -> String {
        isDefault ? "strings.yaml" : "strings.\(language).yaml"
    }

    /// Where each key of a strings file is written, by dotted path (`nav.statistics`); a mapping's
    /// own path is listed too, and `leaves` are the paths that hold a text or a list (the keys compared).
    struct KeyIndex {
        var locations: [String: SourceLocation] = [:]
        var leaves: [String] = []

        init(_ node: Node, path: String) {
            walk(node, prefix: "", file: path)
        }

        private mutating func walk(_ node: Node, prefix: String, file: String) {
            guard let mapping = node.mapping else {
                leaves.append(prefix)
                return
            }
            for (key, value) in mapping {
                let name = key.string ?? "\(key)"
                let path = prefix.isEmpty ? name : prefix + "." + name
                locations[path] = SourceLocation(path: file, line: key.mark?.line ?? 1, column: key.mark?.column ?? 1)
                walk(value, prefix: path, file: file)
            }
        }

        /// The location of `path`, or of its nearest ancestor written in the file, or the file's start.
        func nearest(_ path: String, file: String) -> SourceLocation {
            var parts = path.split(separator: ".").map(String.init)
            while !parts.isEmpty {
                if let location = locations[parts.joined(separator: ".")] { return location }
                parts.removeLast()
            }
            return SourceLocation(path: file, line: 1, column: 1)
        }
    }

    /// Every key of `reference` (the first language's strings.yaml) that `translation` lacks, and
    /// every key `translation` has that `reference` does not: the two files must name the same keys.
    static func keyProblems(translation: KeyIndex, translationPath: String, reference: KeyIndex, referencePath: String)
        -> [Diagnostic]
    {
        var problems: [Diagnostic] = []
        let translated = Set(translation.leaves)
        let referenced = Set(reference.leaves)
        for key in reference.leaves.sorted() where !translated.contains(key) {
            let origin = reference.locations[key].map { "\(referencePath):\($0.line)" } ?? referencePath
            problems.append(
                .error("missing key '\(key)' (present in \(origin))", at: translation.nearest(key, file: translationPath)))
        }
        for key in translation.leaves.sorted() where !referenced.contains(key) {
            problems.append(
                .error(
                    "unknown key '\(key)': \(referencePath) has no such key, so no page would show it",
                    at: translation.nearest(key, file: translationPath)))
        }
        return problems
    }
}
