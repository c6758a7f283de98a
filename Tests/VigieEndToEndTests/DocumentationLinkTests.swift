// The user's documentation lives in the repository: README.md and docs/*.md link to nothing outside
// it, and every relative link reaches a file (and a heading, when it names one).

import Foundation
import Testing
import VigieTestSupport

@Suite("README and docs/: every relative link resolves inside the repository")
struct DocumentationLinkTests {
    /// README.md and every Markdown page of docs/, relative to the repository root.
    static let pages: [String] = {
        let docs = (try? FileManager.default.contentsOfDirectory(atPath: Repository.root + "/docs")) ?? []
        return ["README.md"] + docs.filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
    }()

    @Test("the documentation pages exist")
    func pagesExist() {
        for page in ["docs/content.md", "docs/command-line.md", "docs/published-site.md", "docs/disclosure.md", "docs/deployment.md"] {
            #expect(Self.pages.contains(page), "\(page)")
        }
    }

    @Test("no link or path leads outside the repository", arguments: pages)
    func nothingOutside(page: String) throws {
        let text = try String(contentsOfFile: Repository.root + "/" + page, encoding: .utf8)
        // The old contract outside the repository, named as a path or linked.
        #expect(!text.contains("../shared"), "\(page) refers to ../shared")
        for link in MarkdownLinks.targets(in: text) {
            // The documentation is read offline, from a clone: a web address belongs in a code span
            // as an example, not as a link a reader must follow.
            #expect(!MarkdownLinks.isExternal(link.target), "\(page):\(link.line): link \(link.target) leads outside the repository")
            let (path, _) = MarkdownLinks.split(link.target)
            guard !MarkdownLinks.isExternal(link.target), !path.isEmpty else { continue }
            let resolved = MarkdownLinks.resolve(path, from: page)
            #expect(resolved != nil, "\(page):\(link.line): link \(link.target) leads outside the repository")
        }
    }

    @Test("every relative link reaches a file, and its #fragment a heading", arguments: pages)
    func relativeLinksResolve(page: String) throws {
        let text = try String(contentsOfFile: Repository.root + "/" + page, encoding: .utf8)
        for link in MarkdownLinks.targets(in: text) where !MarkdownLinks.isExternal(link.target) {
            let (path, fragment) = MarkdownLinks.split(link.target)
            let target = path.isEmpty ? page : MarkdownLinks.resolve(path, from: page)
            guard let target else { continue }  // reported by `nothingOutside`
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: Repository.root + "/" + target, isDirectory: &isDirectory)
            #expect(exists, "\(page):\(link.line): link \(link.target): no file \(target)")
            guard exists, !isDirectory.boolValue, let fragment, target.hasSuffix(".md") else { continue }
            let targetText = try String(contentsOfFile: Repository.root + "/" + target, encoding: .utf8)
            #expect(
                MarkdownLinks.headingAnchors(in: targetText).contains(fragment),
                "\(page):\(link.line): link \(link.target): no heading with anchor '\(fragment)' in \(target)")
        }
    }

    @Test("the link reader finds inline links, skips code, and resolves as GitHub does")
    func linkReader() {
        let text = """
            See [the content](docs/content.md#site-yaml) and [web](https://example.org/).
            `[not a link](nowhere.md)`

            ```
            [nor this](nowhere.md)
            ```
            ## `cases/*.csv`: the case files
            """
        #expect(MarkdownLinks.targets(in: text).map(\.target) == ["docs/content.md#site-yaml", "https://example.org/"])
        #expect(MarkdownLinks.headingAnchors(in: text) == ["casescsv-the-case-files"])
        #expect(MarkdownLinks.resolve("../README.md", from: "docs/content.md") == "README.md")
        #expect(MarkdownLinks.resolve("../../shared/SPEC.md", from: "docs/content.md") == nil)
        #expect(MarkdownLinks.resolve("/etc/passwd", from: "README.md") == nil)
    }
}

/// A small reader of Markdown links, enough for the repository's own pages: inline links
/// `[text](target)` outside code, and the anchors GitHub gives headings.
enum MarkdownLinks {
    struct Link {
        var target: String
        var line: Int
    }

    /// Inline link targets, outside fenced code blocks and code spans.
    static func targets(in text: String) -> [Link] {
        var links: [Link] = []
        var inFence = false
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("```") {
                inFence.toggle()
                continue
            }
            guard !inFence else { continue }
            let characters = Array(withoutCodeSpans(line))
            var i = 0
            while i + 1 < characters.count {
                if characters[i] == "]" && characters[i + 1] == "(" {
                    var j = i + 2
                    var depth = 1
                    while j < characters.count {
                        if characters[j] == "(" { depth += 1 }
                        if characters[j] == ")" {
                            depth -= 1
                            if depth == 0 { break }
                        }
                        j += 1
                    }
                    if j < characters.count {
                        let inside = String(characters[(i + 2)..<j]).trimmingCharacters(in: .whitespaces)
                        // A title after the target (`(file.md "Title")`) is not part of it.
                        let target = inside.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
                        links.append(Link(target: target, line: index + 1))
                    }
                    i = j
                }
                i += 1
            }
        }
        return links
    }

    /// The line with each code span (`` `…` ``) removed.
    private static func withoutCodeSpans(_ line: String) -> String {
        var out = ""
        var inCode = false
        for character in line {
            if character == "`" {
                inCode.toggle()
                continue
            }
            if !inCode { out.append(character) }
        }
        return out
    }

    /// A link with a scheme (`https:`, `mailto:`) or protocol-relative: not a file of the repository.
    static func isExternal(_ target: String) -> Bool {
        if target.hasPrefix("//") { return true }
        guard let colon = target.firstIndex(of: ":") else { return false }
        let scheme = target[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
    }

    /// The path and the fragment (without `#`) of a target.
    static func split(_ target: String) -> (path: String, fragment: String?) {
        guard let hash = target.firstIndex(of: "#") else { return (target, nil) }
        return (String(target[..<hash]), String(target[target.index(after: hash)...]))
    }

    /// The repository-relative path a link of `page` leads to, or nil when it leaves the repository
    /// (an absolute path, or more `..` than the page is deep).
    static func resolve(_ path: String, from page: String) -> String? {
        guard !path.hasPrefix("/") else { return nil }
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                if parts.isEmpty { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    /// The anchors GitHub gives the headings of a page: lower case, only letters, digits, `-`, `_`
    /// and spaces kept, spaces made `-`; a repeated anchor gets `-1`, `-2`, ….
    static func headingAnchors(in text: String) -> Set<String> {
        var anchors: Set<String> = []
        var seen: [String: Int] = [:]
        var inFence = false
        for line in text.components(separatedBy: "\n") {
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("```") {
                inFence.toggle()
                continue
            }
            guard !inFence, line.hasPrefix("#") else { continue }
            let title = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
            var anchor = ""
            for character in title.lowercased() {
                if character.isLetter || character.isNumber || character == "-" || character == "_" {
                    anchor.append(character)
                } else if character == " " {
                    anchor.append("-")
                }
            }
            let count = seen[anchor, default: 0]
            seen[anchor] = count + 1
            anchors.insert(count == 0 ? anchor : "\(anchor)-\(count)")
        }
        return anchors
    }
}
