// After rendering, before publishing: every `href` and `src` of every built page that leads inside
// the site must reach a built file (and an element with its `#fragment` as `id`). A broken one is an
// error at the template attribute that wrote it. Links written in notes are `InternalLinkChecker`'s,
// which reports them at the note; external links are not fetched.

import Foundation
import VigieRendering
import VigieSupport

package enum PageLinkChecker {
    /// A link whose destination the content gives (a path listed in site.yaml), shown on the pages of
    /// `folder`: when it is broken, the error is at `location`, where the publisher wrote it.
    package struct ContentLink: Sendable {
        package var folder: String
        /// A path from the site root: `/statistiques/`.
        package var sitePath: String
        package var location: SourceLocation

        package init(folder: String, sitePath: String, location: SourceLocation) {
            self.folder = folder
            self.sitePath = sitePath
            self.location = location
        }
    }

    /// A link of a built page, as the page holds it (HTML-escaped) and as a browser reads it.
    struct Link: Hashable, Sendable {
        var written: Substring
        var destination: String
    }

    /// Checks the links of every HTML page of `files`. One error per template attribute and
    /// destination, naming the first page (in path order) that shows it and how many others do;
    /// a broken link of `contentLinks` is reported at its place in the content instead.
    package static func check(
        _ files: [OutputFile], notes: [RenderedNote], templates: TemplateLinks, baseURL: String, contentLinks: [ContentLink] = []
    ) -> [Diagnostic] {
        let index = Dictionary(files.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { _, last in last })
        let base = SiteLink.Base(baseURL)
        let pages = files.indices.filter { files[$0].path.hasSuffix(".html") }
        // The pages in slices on every core, each slice remembering what a destination reaches when
        // that does not depend on the page (`SliceCheck`). A 1 M-case site has 10,000 pages and about
        // a million links; resolved and looked up one by one on both cores they took 0.99 s of a
        // 3.8 s build (`SiteLink.resolve` alone 13 % of its CPU).
        // Slices of one size in bytes: by count, the one with the notes' list and tag pages (28,000
        // cards) was left alone on one core for the last 0.07 s.
        let slices = ParallelMap.ranges(
            weights: pages.map { files[$0].bytes.count }, parts: ProcessInfo.processInfo.activeProcessorCount * 8
        )
        .map { pages[$0] }
        let broken = ParallelMap.map(slices) { slice -> [Broken] in
            var check = SliceCheck(files: files, index: index, base: base)
            return slice.flatMap { check.brokenLinks(onPage: $0) }
        }
        .joined()
        guard !broken.isEmpty else { return [] }

        // A note's link is reported at the note; leave it out here, on every page that shows the note.
        var fromNotes: Set<String> = []
        for rendered in notes {
            for folder in rendered.folders {
                for link in rendered.body.links {
                    fromNotes.insert(key(folder, SiteLink.resolve(link.destination, from: folder, base: base)))
                }
            }
        }
        var fromContent: [String: SourceLocation] = [:]
        for link in contentLinks {
            fromContent[key(link.folder, SiteLink.resolve(String(link.sitePath.dropFirst()), from: "", base: base))] = link.location
        }
        // One error per template attribute and target, however many pages show it (from as many folders).
        var groups: [(location: SourceLocation, target: String, firstPage: String, problem: String, pages: Int)] = []
        var group: [String: Int] = [:]
        // `broken` is in page order already: `files` are sorted by path, and each page's links by destination.
        for entry in broken {
            let (page, link, target) = (entry.page, entry.link, entry.target)
            guard !fromNotes.contains(key(folder(of: files[page].path), target)) else { continue }
            let template = files[page].template
            let location =
                fromContent[key(folder(of: files[page].path), target)]
                ?? template.flatMap { templates.origin(of: link.written, onPageOf: $0) }
                ?? template.flatMap { templates.paths[$0] }.map(SourceLocation.wholeFile) ?? .wholeFile("templates")
            // A link to a fragment of its own page is one mistake however many pages show it.
            let shown = link.destination.hasPrefix("#") ? link.destination : shownTarget(target, base: base) ?? link.destination
            let identity = "\(location)\u{0}\(shown)"
            if let position = group[identity] {
                groups[position].pages += 1
            } else {
                group[identity] = groups.count
                groups.append((location, shown, files[page].path, entry.problem, 1))
            }
        }
        return groups.map { entry in
            let others = entry.pages - 1
            let pages = shownPage(entry.firstPage) + (others == 0 ? "" : " and \(others) other page\(others == 1 ? "" : "s")")
            return .error("link to \(InternalLinkChecker.shown(entry.target)) on \(pages): \(entry.problem)", at: entry.location)
        }
    }

    /// A link of a page that does not reach its target, and why.
    struct Broken: Sendable {
        var page: Int
        var link: Link
        var target: SiteLink
        var problem: String
    }

    /// The check of a slice of pages, with what it learnt on the way: the outcome of each destination
    /// whose target does not depend on the page, and the ids of each page a fragment named.
    private struct SliceCheck {
        let files: [OutputFile]
        let index: [String: Int]
        let base: SiteLink.Base
        /// By destination, for the links `SiteLink.leadsAlike` says any page resolves alike: the target and what is wrong with it.
        var outcomes: [String: (target: SiteLink, problem: String?)] = [:]
        var anchors: [Int: Set<String>] = [:]

        /// The distinct broken links of `page`, sorted by destination.
        mutating func brokenLinks(onPage page: Int) -> [Broken] {
            let path = files[page].path
            let folder = PageLinkChecker.folder(of: path)
            let depth = folder.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 }
            var broken: [Broken] = []
            let (links, ids) = PageAttributes.read(files[page].bytes)
            var own = [page: ids]
            for link in links {
                let outcome: (target: SiteLink, problem: String?)
                if link.destination.hasPrefix("#") {
                    // The page itself, also where its folder's index is another page (`404.html`).
                    let fragment = SiteLink.decoded(link.destination.dropFirst())
                    let target = SiteLink.page(
                        path: path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path, fragment: fragment)
                    outcome = (target, InternalLinkChecker.problem(reaching: fragment, in: page, files: files, anchors: &own))
                } else if SiteLink.leadsAlike(link.destination, fromDepth: depth) {
                    if let known = outcomes[link.destination] {
                        outcome = known
                    } else {
                        outcome = resolve(link.destination, from: folder)
                        outcomes[link.destination] = outcome
                    }
                } else {
                    outcome = resolve(link.destination, from: folder)
                }
                if let problem = outcome.problem { broken.append(Broken(page: page, link: link, target: outcome.target, problem: problem)) }
            }
            guard broken.count > 1 else { return broken }
            // One entry per distinct link (a page may show the same one twice), in the order of their destinations.
            broken.sort { ($0.link.destination, $0.link.written) < ($1.link.destination, $1.link.written) }
            return broken.enumerated().filter { $0.offset == 0 || broken[$0.offset - 1].link != $0.element.link }.map(\.element)
        }

        private mutating func resolve(_ destination: String, from folder: String) -> (target: SiteLink, problem: String?) {
            let target = SiteLink.resolve(destination, from: folder, base: base)
            return (target, InternalLinkChecker.problem(reaching: target, base: base, index: index, files: files, anchors: &anchors))
        }
    }

    /// A link's target as the site's own address (`/glossaire/#cles`), whatever folder it was written from.
    private static func shownTarget(_ target: SiteLink, base: SiteLink.Base) -> String? {
        guard case .page(let path, let fragment) = target else { return nil }
        return base.rootPath + path + (fragment.map { "#" + $0 } ?? "")
    }

    /// `/statistiques/` for `statistiques/index.html`, `/404.html` for `404.html`.
    static func shownPage(_ path: String) -> String {
        "/" + (path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path)
    }

    /// The folder a page's relative links start from: `statistiques/` for `statistiques/index.html`.
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    private static func key(_ folder: String, _ link: SiteLink) -> String {
        switch link {
        case .page(let path, let fragment): return "\(folder)\u{0}\(path)#\(fragment ?? "")"
        case .outside: return "\(folder)\u{0}outside"
        case .external: return ""
        }
    }

    /// An attribute value as the browser reads it: HTML's character references decoded (the ones
    /// Vigie's escapers and cmark write, and numeric ones).
    static func unescaped(_ value: String) -> String {
        // On the bytes: `String.contains(_: String)` goes through Foundation's search (3 % of a build's CPU).
        guard value.utf8.contains(UInt8(ascii: "&")) else { return value }
        var result = ""
        var rest = Substring(value)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            rest = rest[ampersand...]
            guard let semicolon = rest.prefix(12).firstIndex(of: ";") else {
                result += "&"
                rest = rest.dropFirst()
                continue
            }
            let name = rest[rest.index(after: rest.startIndex)..<semicolon]
            let named: [Substring: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
            if let text = named[name] {
                result += text
            } else if name.hasPrefix("#"), let scalar = numericScalar(name.dropFirst()) {
                result.unicodeScalars.append(scalar)
            } else {
                result += rest[...semicolon]
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }

    private static func numericScalar(_ digits: Substring) -> Unicode.Scalar? {
        let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        return value.flatMap(Unicode.Scalar.init)
    }
}
