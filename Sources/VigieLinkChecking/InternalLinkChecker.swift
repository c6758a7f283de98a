// After rendering, before publishing: every link written in a note that leads inside the site must
// reach a built file (and an element with its `#fragment` as `id`), or it is an error at the link.
// External links are not fetched.

import Foundation
import VigieRendering
import VigieSupport

public enum InternalLinkChecker {
    /// A link is shown in a message up to this many characters (a whole 1 MB destination once was).
    static let shownLength = 100

    /// Checks the links of `notes` against the built `files`. Each link is resolved from every page
    /// that shows its note (`SiteRenderer.folders(showing:)`); one error per link at most. Linear:
    /// one dictionary of the output paths, and the `id`s of a page read only when a link names a
    /// fragment in it, once per page.
    public static func check(_ notes: [RenderedNote], files: [OutputFile], baseURL: String) -> [Diagnostic] {
        let linking = notes.filter { !$0.body.links.isEmpty }
        guard !linking.isEmpty else { return [] }
        var index: [String: Int] = [:]
        index.reserveCapacity(files.count)
        for (position, file) in files.enumerated() { index[file.path] = position }
        let base = SiteLink.Base(baseURL)
        // The notes in slices on every core, each slice with the ids of the pages its links named
        // (10,000 generated notes: 0.10 s on one core).
        let slices = ParallelMap.ranges(count: linking.count, parts: ProcessInfo.processInfo.activeProcessorCount * 4).map { linking[$0] }
        return ParallelMap.map(slices) { [index] slice -> [Diagnostic] in
            var anchors: [Int: Set<String>] = [:]
            var diagnostics: [Diagnostic] = []
            for rendered in slice {
                let folders = rendered.folders
                for link in rendered.body.links {
                    if link.isImage, case .external = SiteLink.resolve(link.destination, from: folders[0], base: base),
                        let problem = remoteImageProblem(link.destination)
                    {
                        diagnostics.append(.error("image \(shown(link.destination)): \(problem)", at: link.location))
                        continue
                    }
                    for folder in folders {
                        guard
                            let problem = problem(
                                link.destination, from: folder, base: base, index: index, files: files, anchors: &anchors)
                        else { continue }
                        diagnostics.append(.error("link to \(shown(link.destination)): \(problem)", at: link.location))
                        break
                    }
                }
            }
            return diagnostics
        }
        .flatMap { $0 }
    }

    /// What is wrong with `destination` on the page in `folder`, or nil when it reaches its target
    /// (or leads off the site).
    static func problem(
        _ destination: String, from folder: String, base: SiteLink.Base, index: [String: Int], files: [OutputFile],
        anchors: inout [Int: Set<String>]
    ) -> String? {
        let link = SiteLink.resolve(destination, from: folder, base: base)
        guard let problem = problem(reaching: link, base: base, index: index, files: files, anchors: &anchors) else { return nil }
        let relative = !(destination.hasPrefix("/") || destination.hasPrefix("#") || SiteLink.scheme(of: Substring(destination)) != nil)
        guard relative, case .page(let path, _) = link, problem == missingPage else { return problem }
        return problem + " (/\(path) from /\(folder))"
    }

    static let missingPage = "no such page on the site"

    /// What is wrong with a resolved link, or nil when it reaches its target (or leads off the site).
    static func problem(
        reaching link: SiteLink, base: SiteLink.Base, index: [String: Int], files: [OutputFile], anchors: inout [Int: Set<String>]
    ) -> String? {
        switch reach(link, base: base, index: index) {
        case .reached: return nil
        case .problem(let text): return text
        case .fragment(let fragment, let target): return problem(reaching: fragment, in: target, files: files, anchors: &anchors)
        }
    }

    /// How far a resolved link gets without reading any page's ids.
    enum Reach: Sendable {
        /// The link reaches its target (or leads off the site, which is not checked).
        case reached
        case problem(String)
        /// The link reaches the built file `in`; whether `fragment` names an element of it needs its ids.
        case fragment(String?, in: Int)
    }

    static func reach(_ link: SiteLink, base: SiteLink.Base, index: [String: Int]) -> Reach {
        switch link {
        case .external: return .reached
        case .outside: return .problem("leads outside the site, whose pages are under \(base.rootPath) (base_url)")
        case .page(let path, let fragment):
            guard let target = file(at: path, index: index) else { return .problem(missingPage) }
            return .fragment(fragment, in: target)
        }
    }

    /// True when `fragment` in the built file `target` must be found among its ids: it is not empty,
    /// not `top`, and the file is a page.
    static func needsAnchor(_ fragment: String?, in target: Int, files: [OutputFile]) -> Bool {
        guard let fragment else { return false }
        return !fragment.isEmpty && fragment.lowercased() != "top" && files[target].path.hasSuffix(".html")
    }

    /// What is wrong with `fragment` in the built file `target`: nil when it names an element of the
    /// page (or needs none, `needsAnchor`).
    static func problem(reaching fragment: String?, in target: Int, files: [OutputFile], anchors: inout [Int: Set<String>]) -> String? {
        guard let fragment, needsAnchor(fragment, in: target, files: files) else { return nil }
        if anchors[target] == nil { anchors[target] = PageAttributes.ids(in: files[target].bytes) }
        guard anchors[target]!.contains(fragment) else {
            return "no element with id '\(shown(fragment))' on \(PageLinkChecker.shownPage(files[target].path))"
        }
        return nil
    }

    /// Why an image off the site at `destination` cannot be published, or nil: one on another host (`https:`,
    /// `http:`, `//host/…`) would make every reader's browser request it there, and the site makes no
    /// external request. A `data:` image is in the page itself.
    static func remoteImageProblem(_ destination: String) -> String? {
        let trimmed = Substring(destination).drop(while: { $0 == " " })
        let scheme = SiteLink.scheme(of: trimmed)?.lowercased()
        guard trimmed.hasPrefix("//") || scheme == "http" || scheme == "https" else { return nil }
        return "an image from another site would be fetched by every reader's browser; "
            + "copy the file into templates/assets/ and link it as /assets/<name>"
    }

    /// The built file a site path names: a folder's `index.html`, the file itself, or (as servers
    /// redirect `/notes/x` to `/notes/x/`) the `index.html` of the folder without its final `/`.
    static func file(at path: String, index: [String: Int]) -> Int? {
        if path.isEmpty || path.hasSuffix("/") { return index[path + "index.html"] }
        return index[path] ?? index[path + "/index.html"]
    }

    /// The destination as the message shows it: cut after `shownLength` characters, control
    /// characters (a terminal escape) replaced by `?`. Not masked like a case file's cell: the link
    /// is published in the note anyway.
    static func shown(_ text: String) -> String {
        let cut = text.count <= shownLength ? Substring(text) : text.prefix(shownLength)
        let printable = String(String.UnicodeScalarView(cut.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : $0 }))
        return cut.count < text.count ? printable + "…" : printable
    }
}
