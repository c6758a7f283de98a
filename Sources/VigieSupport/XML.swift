// Escaping for everything the site writes as XML: the feed, the sitemap and the SVG charts.

package enum XML {
    /// `&`, `<`, `>`, `"` and `'` as character references. On bytes: the specials are ASCII, so no scalar decoding is needed (the feed holds every
    /// note's HTML: appending `unicodeScalars` was 4 % of a 100 k-case build's profile).
    /// `TemplateRenderer.appendEscaped` writes the same references straight into a page's bytes;
    /// `FastPathTests` holds both to one scalar-by-scalar reference.
    package static func escape(_ text: String) -> String {
        var utf8 = text
        let escaped = utf8.withUTF8 { bytes -> String? in
            guard bytes.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 8)
            for c in bytes {
                switch c {
                case 0x26: out.append(contentsOf: "&amp;".utf8)
                case 0x3C: out.append(contentsOf: "&lt;".utf8)
                case 0x3E: out.append(contentsOf: "&gt;".utf8)
                case 0x22: out.append(contentsOf: "&quot;".utf8)
                case 0x27: out.append(contentsOf: "&#39;".utf8)
                default: out.append(c)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        return escaped ?? text
    }
}
