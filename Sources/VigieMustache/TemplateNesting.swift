// Checks, once when the templates are loaded, that rendering any page ends and stays shallow: no
// template includes or inherits from itself, and nesting is bounded across the files a page uses.

import VigieSupport

/// How deep rendering may go. A partial including itself, two partials including each other, a
/// layout inheriting from itself and 10,000 nested sections each overflowed the stack (a
/// segmentation fault, exit 139, no message); each is now an error at the tag responsible.
package enum TemplateNesting {
    /// Levels a page may nest: sections, inverted sections, blocks and parent bodies inside one
    /// another, in one template and across the partials and layouts it includes. Vigie's own
    /// templates reach 12, counted as `depth(of:)` does; rendering 100 levels takes a few tens of
    /// kilobytes of stack.
    package static let limit = 100

    /// What the check needs of one parsed template.
    package struct Template {
        var path: String
        var references: [PartialReference]
        /// Its own nesting (`TemplateParser.parseForNesting`), at most `limit`.
        var depth: Int

        package init(path: String, references: [PartialReference], depth: Int) {
            self.path = path
            self.references = references
            self.depth = depth
        }
    }

    /// An error at every tag that closes a cycle of includes, and at the tag through which a
    /// template first goes past `limit` (not again in every template that includes it).
    package static func check(_ templates: [String: Template]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var depths: [String: Int] = [:]
        /// Tags closing a cycle, by template and index: left out of the depths once reported.
        var cycleEdges: Set<[String]> = []
        var onPath: [String: Int] = [:]
        // Depth-first, without recursion (a chain of thousands of templates must not overflow here either).
        for root in templates.keys.sorted() where depths[root] == nil {
            var path: [(name: String, next: Int)] = [(root, 0)]
            onPath[root] = 0
            while let (name, next) = path.last {
                let references = templates[name]!.references
                guard next < references.count else {
                    depths[name] = depth(of: templates[name]!, depths: depths)
                    onPath[name] = nil
                    path.removeLast()
                    continue
                }
                path[path.count - 1].next += 1
                let reference = references[next]
                guard templates[reference.name] != nil, depths[reference.name] == nil else { continue }
                if let start = onPath[reference.name] {
                    cycleEdges.insert([name, String(next)])
                    let chain = path[start...].map(\.name) + [reference.name]
                    diagnostics.append(cycle(chain, at: reference, in: templates[name]!.path))
                } else {
                    onPath[reference.name] = path.count
                    path.append((reference.name, 0))
                }
            }
        }
        for name in templates.keys.sorted() where depths[name]! > limit {
            let template = templates[name]!
            let included = template.references.enumerated().filter { !cycleEdges.contains([name, String($0.offset)]) }.map(\.element)
            // Reported where the limit is first passed: the templates this one includes are within it.
            guard included.allSatisfy({ (depths[$0.name] ?? 0) <= limit }) else { continue }
            let culprit = included.max { contribution($0, depths) < contribution($1, depths) }
            let location =
                culprit.map { SourceLocation(path: template.path, line: $0.line, column: $0.column) }
                ?? SourceLocation(path: template.path, line: 1, column: 1)
            let through = culprit.map { " with '\($0.name)'" } ?? ""
            diagnostics.append(
                .error(
                    "template '\(name)' nests more than \(limit) levels deep\(through) (sections, blocks, partials and layouts inside one another)",
                    at: location))
        }
        return diagnostics
    }

    /// Levels rendering `template` may reach, given those of the templates it includes: the deepest
    /// tag plus what it includes, and, for a child template, its layout's depth again, since the
    /// child's blocks are rendered inside the layout's (an upper bound, never less than the truth).
    /// A template not in `depths` is missing or closes a cycle: both are reported apart.
    static func depth(of template: Template, depths: [String: Int]) -> Int {
        var deepest = template.depth
        var layout = 0
        for reference in template.references {
            guard let included = depths[reference.name] else { continue }
            deepest = max(deepest, reference.depth + 1 + included)
            if reference.inherits { layout = max(layout, included) }
        }
        return deepest + layout
    }

    private static func contribution(_ reference: PartialReference, _ depths: [String: Int]) -> Int {
        reference.depth + 1 + (depths[reference.name] ?? 0)
    }

    private static func cycle(_ chain: [String], at reference: PartialReference, in path: String) -> Diagnostic {
        let verb = reference.inherits ? "inherits from" : "includes"
        let owner = chain[chain.count - 2]
        let message =
            chain.count == 2
            ? "template '\(owner)' \(verb) itself: rendering it would never end"
            : "template '\(owner)' \(verb) '\(reference.name)', which leads back to it (\(chain.joined(separator: " → "))): rendering it would never end"
        return .error(message, at: SourceLocation(path: path, line: reference.line, column: reference.column))
    }
}
