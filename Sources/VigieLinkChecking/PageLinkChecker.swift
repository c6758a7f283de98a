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
        // On every core, each page's own links resolved and checked against the built files; a link
        // to a fragment keeps the page it names for the second pass (a 1 M-case site has 10,000
        // pages and about a million links: resolving them on one core took 17 % of the build).
        let checkedByPage = ParallelMap.map(pages) { page -> [Checked] in
            let folder = folder(of: files[page].path)
            return Set(links(in: files[page].bytes)).sorted { $0.destination < $1.destination }.map { link in
                if link.destination.hasPrefix("#") {
                    // The page itself, also where its folder's index is another page (`404.html`).
                    let fragment = SiteLink.decoded(link.destination.dropFirst())
                    let path = files[page].path
                    let target = SiteLink.page(
                        path: path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path, fragment: fragment)
                    return Checked(link: link, target: target, reached: .fragment(fragment, in: page))
                }
                let target = SiteLink.resolve(link.destination, from: folder, base: base)
                return Checked(link: link, target: target, reached: InternalLinkChecker.reach(target, base: base, index: index))
            }
        }
        // Then the `id`s of each page a fragment names, read once, on every core.
        var named: Set<Int> = []
        for checked in checkedByPage.joined() {
            if case .fragment(let fragment, let target) = checked.reached,
                InternalLinkChecker.needsAnchor(fragment, in: target, files: files)
            {
                named.insert(target)
            }
        }
        let targets = named.sorted()
        var anchors = Dictionary(uniqueKeysWithValues: zip(targets, ParallelMap.map(targets) { PageAnchors.ids(in: files[$0].bytes) }))
        var broken: [(page: Int, link: Link, target: SiteLink, problem: String)] = []
        for (page, checked) in zip(pages, checkedByPage) {
            for entry in checked {
                let problem: String?
                switch entry.reached {
                case .reached: problem = nil
                case .problem(let text): problem = text
                case .fragment(let fragment, let target):
                    problem = InternalLinkChecker.problem(reaching: fragment, in: target, files: files, anchors: &anchors)
                }
                if let problem { broken.append((page, entry.link, entry.target, problem)) }
            }
        }
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
        for (page, link, target, problem) in broken {
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
                groups.append((location, shown, files[page].path, problem, 1))
            }
        }
        return groups.map { entry in
            let others = entry.pages - 1
            let pages = shownPage(entry.firstPage) + (others == 0 ? "" : " and \(others) other page\(others == 1 ? "" : "s")")
            return .error("link to \(InternalLinkChecker.shown(entry.target)) on \(pages): \(entry.problem)", at: entry.location)
        }
    }

    /// A link of a page, resolved, and how far the first pass got.
    struct Checked: Sendable {
        var link: Link
        var target: SiteLink
        var reached: InternalLinkChecker.Reach
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

    private static let attributes = [Array(" href=\"".utf8), Array(" src=\"".utf8)]

    /// Every `href="…"` and `src="…"` value of `html`, read on the bytes (`memchr` to each `=`):
    /// Vigie's templates and cmark write attributes with double quotes after one space, a newline or
    /// a tab. The value is decoded from HTML's escapes for the check, and kept as written to find its template.
    static func links(in html: [UInt8]) -> [Link] {
        var links: [Link] = []
        html.withUnsafeBufferPointer { bytes in
            guard let start = bytes.baseAddress else { return }
            var i = 0
            while i < bytes.count, let hit = memchr(start + i, Int32(UInt8(ascii: "=")), bytes.count - i) {
                let at = start.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                i = at + 1
                guard at + 1 < bytes.count, bytes[at + 1] == UInt8(ascii: "\""),
                    attributes.contains(where: { at + 2 >= $0.count && matches($0, bytes, endingAt: at + 2) })
                else { continue }
                let valueStart = at + 2
                var end = valueStart
                while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                guard end < bytes.count else { return }
                let written = String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<end]), as: UTF8.self)
                links.append(Link(written: Substring(written), destination: unescaped(written)))
                i = end + 1
            }
        }
        return links
    }

    /// Whether `bytes` just before `end` hold `pattern`, its first byte (a space) standing for any blank.
    private static func matches(_ pattern: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> Bool {
        let start = end - pattern.count
        let blank = bytes[start]
        guard blank == 0x20 || blank == 0x0A || blank == 0x09 else { return false }
        for offset in 1..<pattern.count where bytes[start + offset] != pattern[offset] { return false }
        return true
    }

    /// An attribute value as the browser reads it: HTML's character references decoded (the ones
    /// Vigie's escapers and cmark write, and numeric ones).
    static func unescaped(_ value: String) -> String {
        guard value.contains("&") else { return value }
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
