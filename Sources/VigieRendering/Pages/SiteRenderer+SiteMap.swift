// /plan-du-site/: every page of the site for people, by section, made from the pages just built (so
// it cannot miss one or list one that does not exist); `sitemap.xml` stays for robots.

import VigieMustache
import VigieSupport

extension SiteRenderer {
    static let siteMapFolder = "plan-du-site/"

    /// The site map of `files`: each HTML page but the 404 page and the figures' embed views (frames
    /// for other sites, each reached from its figure's page), under the section of its first folder
    /// (the sections of the navigation first, in its order, then the others by path), named by its
    /// `<h1>`. Within a section, the section's own page comes first, then the others by path.
    package func renderSiteMap(of files: [OutputFile]) -> OutputFile {
        var sections: [String: [(path: String, title: String)]] = [:]
        let ownFolder = paths.folder(.siteMap)
        // Sections are named by their folder within the edition (`statistics` for `en/statistics/`).
        func section(of folder: String) -> String {
            folder.dropFirst(paths.prefix.count).split(separator: "/", maxSplits: 1).first.map(String.init) ?? ""
        }
        let listed = files.filter { file in
            file.path.hasSuffix("index.html") && file.path != ownFolder + "index.html"
                && !file.path.hasSuffix("/" + embedFolderName + "index.html")
        }
        // Each page's heading read on every core (10,000 note pages: 0.1 s on one).
        let headings = ParallelMap.map(listed) { Self.heading(of: $0.bytes) }
        for (file, heading) in zip(listed, headings) {
            let folder = String(file.path.dropLast("index.html".count))
            sections[section(of: folder), default: []].append((folder, heading ?? folder))
        }
        let navOrder = navItems.map { section(of: $0.path) }
        let ordered = navOrder.filter { sections[$0] != nil } + sections.keys.filter { !navOrder.contains($0) }.sorted()
        let values: [TemplateValue] = ordered.map { section in
            let pages = sections[section]!.sorted { $0.path < $1.path }
            let own = paths.prefix + (section.isEmpty ? "" : section + "/")
            let head = pages.first { $0.path == own } ?? (own, own)
            let rest: [TemplateValue] = pages.filter { $0.path != own }.map { ["href": .text($0.path), "title": .text($0.title)] }
            return [
                "id": .text(section.isEmpty ? "accueil" : section), "href": .text(head.path), "title": .text(head.title),
                "pages": .list(rest), "has_pages": .flag(!rest.isEmpty),
            ]
        }
        return page(
            template: "sitemap", folder: ownFolder, title: strings.text("sitemap.title"), section: "sitemap",
            values: ["sections": TemplateValue.list(values)])
    }

    /// The text of a page's first `<h1>` with its tags removed, still escaped as the page has it (the
    /// template writes it with `{{{…}}}`), or nil when the page has none.
    static func heading(of html: [UInt8]) -> String? {
        let open = Array("<h1".utf8)
        let close = Array("</h1>".utf8)
        guard let start = firstIndex(of: open, in: html, from: 0),
            let contentStart = html[start...].firstIndex(of: UInt8(ascii: ">")),
            let end = firstIndex(of: close, in: html, from: contentStart)
        else { return nil }
        var text: [UInt8] = []
        var inTag = false
        for byte in html[(contentStart + 1)..<end] {
            if byte == UInt8(ascii: "<") {
                inTag = true
            } else if byte == UInt8(ascii: ">") {
                inTag = false
            } else if !inTag {
                text.append(byte)
            }
        }
        let words = String(decoding: text, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var i = start
        while i + needle.count <= haystack.count {
            if haystack[i] == needle[0] && haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
