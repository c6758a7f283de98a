// docs/ARCHITECTURE.md draws the package's target graph; it must be the one Package.swift declares,
// so that the page cannot drift from what the compiler enforces.

import Foundation
import Testing
import VigieTestSupport

@Suite("docs/ARCHITECTURE.md: the target graph is Package.swift's")
struct TargetGraphTests {
    @Test("every target and dependency of the page is in Package.swift, and every one there is on the page")
    func pageMatchesPackage() throws {
        let page = try String(contentsOfFile: Repository.root + "/docs/ARCHITECTURE.md", encoding: .utf8)
        let manifest = try String(contentsOfFile: Repository.root + "/Package.swift", encoding: .utf8)
        let documented = TargetGraph.documented(in: page)
        let declared = TargetGraph.declared(in: manifest)
        #expect(!declared.isEmpty, "no target found in Package.swift")
        for name in Set(documented.keys).union(declared.keys).sorted() {
            #expect(documented[name] != nil, "\(name) is declared in Package.swift but not on the page")
            #expect(declared[name] != nil, "\(name) is on the page but not declared in Package.swift")
            guard let onPage = documented[name], let inManifest = declared[name] else { continue }
            #expect(onPage == inManifest, "\(name): the page says \(onPage.sorted()), Package.swift \(inManifest.sorted())")
        }
    }

    /// The pipeline's stages, in the order the build runs them.
    static let stages = [
        "VigieInput", "VigieStatistics", "VigieDisclosure", "VigieReleases", "VigieRendering", "VigieLinkChecking", "VigiePublishing",
        "VigieCore",
    ]

    @Test("each stage reaches no stage after it, through its dependencies and theirs; the pipeline reaches them all")
    func stagesPointBackwards() throws {
        let declared = TargetGraph.declared(in: try String(contentsOfFile: Repository.root + "/Package.swift", encoding: .utf8))
        #expect(
            TargetGraph.reachable(from: "VigieCore", in: declared).isSuperset(of: Self.stages.dropLast()), "the pipeline runs every stage")
        for (position, stage) in Self.stages.enumerated() {
            let reachable = TargetGraph.reachable(from: stage, in: declared)
            #expect(declared[stage] != nil, "\(stage) is not declared in Package.swift")
            let later = Set(Self.stages[(position + 1)...])
            #expect(reachable.isDisjoint(with: later), "\(stage) reaches \(reachable.intersection(later).sorted())")
        }
    }

    @Test("the readers find targets, their local dependencies, and nothing else")
    func readers() {
        let manifest = """
            .target(name: "Bottom"),
            // .target(name: "Commented"),
            .target(
                name: "Middle",
                dependencies: ["Bottom", .product(name: "Yams", package: "Yams")]
            ),
            .testTarget(name: "MiddleTests", dependencies: ["Middle", "Bottom"], path: "Tests/X"),
            """
        #expect(TargetGraph.declared(in: manifest) == ["Bottom": [], "Middle": ["Bottom"], "MiddleTests": ["Middle", "Bottom"]])
        let page = """
            ## Target graph

            - `Bottom`: nothing
            - `Middle`: `Bottom` (and `Yams`)

            ## Next
            - `NotATarget`: `Bottom`
            """
        #expect(TargetGraph.documented(in: page) == ["Bottom": [], "Middle": ["Bottom"]])
    }
}

/// Reads the target graph from its two places: the manifest's target declarations and the page's
/// list under `## Target graph` (one line `` - `Target`: `Dependency`, … (remark) `` per target).
enum TargetGraph {
    /// Each target declared with a literal name, and the targets of the package it depends on
    /// (products of other packages are left out: the page names them in words).
    static func declared(in manifest: String) -> [String: Set<String>] {
        let code = manifest.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }.joined(separator: "\n")
        var targets: [String: Set<String>] = [:]
        for kind in [".target(", ".executableTarget(", ".testTarget(", ".systemLibrary("] {
            var rest = code[...]
            while let start = rest.range(of: kind) {
                let body = balanced(rest[start.upperBound...])
                rest = rest[start.upperBound...]
                guard let name = quoted(after: "name:", in: body) else { continue }
                targets[name] = dependencies(in: body)
            }
        }
        return targets.mapValues { $0.intersection(targets.keys) }
    }

    /// Every target `target` depends on, directly or through others (the modules it can import).
    static func reachable(from target: String, in graph: [String: Set<String>]) -> Set<String> {
        var seen: Set<String> = []
        var next = Array(graph[target] ?? [])
        while let name = next.popLast() {
            guard seen.insert(name).inserted else { continue }
            next += graph[name] ?? []
        }
        return seen
    }

    /// The list under `## Target graph`, up to the next heading.
    static func documented(in page: String) -> [String: Set<String>] {
        var targets: [String: Set<String>] = [:]
        var inSection = false
        for line in page.split(separator: "\n") {
            if line.hasPrefix("#") {
                inSection = line == "## Target graph"
                continue
            }
            guard inSection, line.hasPrefix("- `"), let colon = line.range(of: "`:") else { continue }
            let name = String(line[line.index(line.startIndex, offsetBy: 3)..<colon.lowerBound])
            // A remark in parentheses (other packages, system libraries) names no target.
            let dependencies = line[colon.upperBound...].prefix { $0 != "(" }
            let names = dependencies.split(separator: "`", omittingEmptySubsequences: false)
            // Every other piece between backquotes is a name: `A`, `B` splits as " ", "A", ", ", "B", "".
            targets[name] = Set(names.enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) })
        }
        return targets
    }

    /// The text from just after an opening parenthesis to its matching closing one.
    private static func balanced(_ text: Substring) -> Substring {
        var depth = 1
        for index in text.indices {
            if text[index] == "(" { depth += 1 }
            if text[index] == ")" { depth -= 1 }
            if depth == 0 { return text[..<index] }
        }
        return text
    }

    private static func quoted(after label: String, in text: Substring) -> String? {
        guard let labelRange = text.range(of: label) else { return nil }
        // A name that is not a literal (`name: name` in a loop) is not read as the next string.
        let after = text[labelRange.upperBound...].drop { $0 == " " }
        guard after.first == "\"" else { return nil }
        let rest = after.dropFirst()
        guard let close = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<close])
    }

    /// The quoted strings of `dependencies: [...]`: target names, and the names inside products,
    /// which `declared` then drops by keeping only the package's own targets.
    private static func dependencies(in body: Substring) -> Set<String> {
        guard let label = body.range(of: "dependencies:"), let open = body[label.upperBound...].firstIndex(of: "[") else { return [] }
        let list = body[body.index(after: open)...].prefix { $0 != "]" }
        return Set(
            list.split(separator: "\"", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map {
                String($0.element)
            })
    }
}
