// What the link checker reads of a built HTML page: the values of its `href` and `src` attributes
// (its links) and of its `id` attributes (the anchors a `#fragment` may name).

import Foundation

enum PageAttributes {
    private static let href = Array(" href=\"".utf8)
    private static let src = Array(" src=\"".utf8)
    private static let id = Array(" id=\"".utf8)

    /// The links of `html`, as written and as a browser reads them.
    static func links(in html: [UInt8]) -> [PageLinkChecker.Link] { read(html, ids: false).links }

    /// The `id`s of `html`.
    static func ids(in html: [UInt8]) -> Set<String> { read(html, links: false).ids }

    /// Both in one pass on the bytes, `memchr` to each `=`: Vigie's templates and cmark write
    /// attributes with double quotes after one space, a newline or a tab. (Reading the ids apart,
    /// `memchr` to each `i`, stopped every few bytes of French text: 1.3 % of a build's CPU.)
    static func read(_ html: [UInt8], links wantLinks: Bool = true, ids wantIDs: Bool = true) -> (
        links: [PageLinkChecker.Link], ids: Set<String>
    ) {
        var links: [PageLinkChecker.Link] = []
        var ids: Set<String> = []
        html.withUnsafeBufferPointer { bytes in
            guard let start = bytes.baseAddress else { return }
            var i = 0
            while i < bytes.count, let hit = memchr(start + i, Int32(UInt8(ascii: "=")), bytes.count - i) {
                let at = start.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                i = at + 1
                guard at + 1 < bytes.count, bytes[at + 1] == UInt8(ascii: "\"") else { continue }
                let isLink = wantLinks && (matches(href, bytes, endingAt: at + 2) || matches(src, bytes, endingAt: at + 2))
                let isID = !isLink && wantIDs && matches(id, bytes, endingAt: at + 2)
                guard isLink || isID else { continue }
                let valueStart = at + 2
                guard let close = memchr(start + valueStart, Int32(UInt8(ascii: "\"")), bytes.count - valueStart) else { return }
                let end = start.distance(to: close.assumingMemoryBound(to: UInt8.self))
                let value = UnsafeBufferPointer(rebasing: bytes[valueStart..<end])
                let text = String(decoding: value, as: UTF8.self)
                if isLink {
                    let destination = value.contains(UInt8(ascii: "&")) ? PageLinkChecker.unescaped(text) : text
                    links.append(PageLinkChecker.Link(written: Substring(text), destination: destination))
                } else {
                    ids.insert(text)
                }
                i = end + 1
            }
        }
        return (links, ids)
    }

    /// Whether `bytes` just before `end` hold `pattern`, its first byte (a space) standing for any blank.
    private static func matches(_ pattern: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> Bool {
        let start = end - pattern.count
        guard start >= 0 else { return false }
        let blank = bytes[start]
        guard blank == 0x20 || blank == 0x0A || blank == 0x09 else { return false }
        for offset in 1..<pattern.count where bytes[start + offset] != pattern[offset] { return false }
        return true
    }
}
