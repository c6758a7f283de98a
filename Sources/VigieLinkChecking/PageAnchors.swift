// The `id`s of a built HTML page: the anchors a `#fragment` may point at.

import Foundation

enum PageAnchors {
    private static let attribute = Array(" id=\"".utf8)

    /// Every value of an `id="…"` attribute in `html`, read on the bytes (`memchr` to each `i`):
    /// Vigie's templates and cmark write attributes with double quotes and one space before them.
    static func ids(in html: [UInt8]) -> Set<String> {
        var ids: Set<String> = []
        html.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            var i = 0
            while i < bytes.count, let hit = memchr(base + i, Int32(UInt8(ascii: "i")), bytes.count - i) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                i = at + 1
                guard at >= 1, at - 1 + attribute.count <= bytes.count,
                    bytes[at - 1] == 0x20 || bytes[at - 1] == 0x0A || bytes[at - 1] == 0x09,
                    bytes[at + 1] == UInt8(ascii: "d"), bytes[at + 2] == UInt8(ascii: "="), bytes[at + 3] == UInt8(ascii: "\"")
                else { continue }
                let start = at + 4
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                guard end < bytes.count else { return }
                ids.insert(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                i = end + 1
            }
        }
        return ids
    }
}
