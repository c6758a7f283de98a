// Where a link written in a note leads: a file of the built site (and an anchor in it), or
// somewhere else (another host, `mailto:`), which is never fetched.

import Foundation

public enum SiteLink: Equatable, Sendable {
    /// A path of the site relative to its root (`notes/x/`, `` for the home page), with the
    /// fragment after `#` when there is one; both percent-decoded.
    case page(path: String, fragment: String?)
    /// A site-relative link (`/x/`) that does not lead under the site's root path (`/vigie/`), or a
    /// relative one with more `..` than the page has folders.
    case outside
    /// Another host, another scheme (`mailto:`, `tel:`), or nothing to check (an empty destination).
    case external

    /// What a link needs of `base_url`, read once per build (`URLComponents` on every link was most
    /// of the check: 2,000 generated notes, debug build, 0.09–0.16 s → see README's figure).
    public struct Base: Sendable {
        var scheme: String
        var host: String
        var port: Int?
        /// The site's root path: `/`, or `/vigie/` for a site published under a folder.
        var rootPath: String
        /// `scheme://host`, lowercased: an absolute link that does not start with it is external.
        var origin: String

        public init(_ baseURL: String) {
            let url = URLComponents(string: baseURL)
            scheme = url?.scheme?.lowercased() ?? "https"
            host = url?.host?.lowercased() ?? ""
            port = url?.port
            let path = url?.percentEncodedPath ?? ""
            rootPath = path.isEmpty ? "/" : path
            origin = scheme + "://" + host
        }
    }

    /// Resolves `destination` as written on the page in folder `folder` (`notes/x/`, `` for the
    /// home page) of a site published at `baseURL` (absolute, ending in `/`).
    public static func resolve(_ destination: String, from folder: String, baseURL: String) -> SiteLink {
        resolve(destination, from: folder, base: Base(baseURL))
    }

    public static func resolve(_ destination: String, from folder: String, base: Base) -> SiteLink {
        guard !destination.isEmpty else { return .external }
        // On the bytes (`#`, `?` and `/` are ASCII): once for each link of every page.
        var rest = Substring(destination)
        var fragment: String?
        if let hash = rest.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(rest[rest.utf8.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let query = rest.utf8.firstIndex(of: UInt8(ascii: "?")) { rest = rest[..<query] }

        let sitePath: Substring
        let isNetworkPath = rest.utf8.starts(with: "//".utf8)
        if isNetworkPath || scheme(of: rest) != nil {
            // Absolute: only the site's own base_url (any letter case in scheme and host) leads inside.
            let absolute = isNetworkPath ? base.scheme + ":" + rest : String(rest)
            let path: Substring
            if let plain = plainPath(of: absolute, base: base) {
                path = plain
            } else {
                guard absolute.count >= base.origin.count, absolute.prefix(base.origin.count).lowercased() == base.origin,
                    let url = URLComponents(string: absolute), url.host?.lowercased() == base.host, url.port == base.port
                else { return .external }
                path = Substring(url.percentEncodedPath.isEmpty ? "/" : url.percentEncodedPath)
            }
            guard let inside = under(base.rootPath, path) else { return .external }
            sitePath = inside
        } else if rest.utf8.first == UInt8(ascii: "/") {
            guard let inside = under(base.rootPath, rest) else { return .outside }
            sitePath = inside
        } else {
            sitePath = climbed(rest, from: folder)
        }
        guard let path = normalized(sitePath) else { return .outside }
        return .page(path: path, fragment: fragment.map { decoded(Substring($0)) })
    }

    /// `text` percent-decoded; Foundation only when there is a `%` (2,000 notes, debug: 0.08–0.10 s → 0.05–0.09 s).
    static func decoded(_ text: Substring) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return String(text) }
        return text.removingPercentEncoding ?? String(text)
    }

    /// The scheme of an absolute URL (`https`, `mailto`): an ASCII letter, then letters, digits,
    /// `+ - .` up to a `:` (so before any `/`). On the bytes: once per link of every page.
    static func scheme(of text: Substring) -> Substring? {
        let bytes = text.utf8
        guard let first = bytes.first, isLetter(first) else { return nil }
        for position in bytes.indices.dropFirst() {
            let byte = bytes[position]
            if byte == UInt8(ascii: ":") { return text[..<position] }
            guard isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            else { return nil }
        }
        return nil
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// True when `destination` resolves to the same target from every folder `depth` folders deep
    /// (`notes/x/` is 2 deep): an absolute link, a site-rooted one (`/x/`), or a relative one that
    /// climbs exactly to the site's root first (`../../x/` from `notes/x/`), as the templates write
    /// theirs. The link checker remembers those by destination alone, since the destination tells
    /// the depth it climbs from.
    public static func leadsAlike(_ destination: String, fromDepth depth: Int) -> Bool {
        let text = Substring(destination)
        if text.utf8.first == UInt8(ascii: "/") || scheme(of: text) != nil { return true }
        let bytes = text.utf8
        var climbs = 0
        var position = bytes.startIndex
        while climbs <= depth, bytes[position...].starts(with: "../".utf8) {
            climbs += 1
            position = bytes.index(position, offsetBy: 3)
        }
        return climbs == depth
    }

    /// The path of `absolute` (`https://host/x/`, query and fragment already cut) when it is on the
    /// site's host without a port and its path holds only characters a URL path may hold as they are
    /// (a `%` followed by two hex digits): `URLComponents` would give the same `percentEncodedPath`.
    /// Nil otherwise, for `URLComponents` to tell. Every page names its own address (the canonical
    /// link, the other edition's): 20,000 `URLComponents` a build.
    static func plainPath(of absolute: String, base: Base) -> Substring? {
        let origin = base.origin.utf8
        let bytes = absolute.utf8
        guard base.port == nil, bytes.count > origin.count, origin.allSatisfy({ $0 < 0x80 }),
            zip(bytes, origin).allSatisfy({ isLetter($1) ? $0 | 0x20 == $1 : $0 == $1 })
        else { return nil }
        let pathStart = bytes.index(bytes.startIndex, offsetBy: origin.count)
        guard bytes[pathStart] == UInt8(ascii: "/") else { return nil }
        var position = pathStart
        while position < bytes.endIndex {
            let byte = bytes[position]
            if byte == UInt8(ascii: "%") {
                let first = bytes.index(after: position)
                guard first < bytes.endIndex, bytes.index(after: first) < bytes.endIndex, isHexDigit(bytes[first]),
                    isHexDigit(bytes[bytes.index(after: first)])
                else { return nil }
            } else if !isPathByte(byte) {
                return nil
            }
            position = bytes.index(after: position)
        }
        return Substring(absolute)[pathStart...]
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "f"))
    }

    /// RFC 3986's `pchar` and `/`, without `%` (checked with its digits): unreserved, sub-delims, `:` and `@`.
    private static func isPathByte(_ byte: UInt8) -> Bool { pathBytes[Int(byte)] }

    private static let pathBytes: [Bool] = (0...255).map { byte in
        let byte = UInt8(byte)
        return isLetter(byte) || isDigit(byte) || "-._~!$&'()*+,;=:@/".utf8.contains(byte)
    }

    /// `path` without the site's root path `root` (`/` or `/vigie/`), or nil when it is not under it
    /// (`/vigie` alone counts as the root).
    static func under(_ root: String, _ path: Substring) -> Substring? {
        if path.utf8.starts(with: root.utf8) { return path[path.utf8.index(path.startIndex, offsetBy: root.utf8.count)...] }
        if root.hasSuffix("/"), path == root.dropLast() { return "" }
        return nil
    }

    /// `folder` + `relative`, with the `../` that `relative` starts with taken off `folder` first
    /// when both are ASCII (`notes/x/` + `../../a/` is `a/`), for `normalized` to find a plain path.
    /// A page's folder is a clean path of the site; `normalized` does the rest (and climbing above it).
    static func climbed(_ relative: Substring, from folder: String) -> Substring {
        let climb = "../".utf8
        let slash = UInt8(ascii: "/")
        guard relative.utf8.starts(with: climb), folder.utf8.last == slash,
            relative.utf8.allSatisfy({ $0 < 0x80 }), folder.utf8.allSatisfy({ $0 < 0x80 })
        else { return Substring(folder) + relative }
        var rest = relative.utf8[...]
        var base = Substring(folder).utf8[...]
        while rest.starts(with: climb), !base.isEmpty {
            // `notes/x/` → `notes/`, `notes/` → ``.
            base = base.dropLast().lastIndex(of: slash).map { base[...$0] } ?? base.prefix(0)
            rest = rest.dropFirst(climb.count)
        }
        return Substring(base) + Substring(rest)
    }

    /// Removes `.` and `..` segments and decodes each segment; nil when `..` climbs above the root.
    /// A trailing `/` (or a last segment `.` or `..`) is kept as a folder.
    static func normalized(_ path: Substring) -> String? {
        if isPlain(path) { return String(path) }
        var segments: [String] = []
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        var isFolder = path.isEmpty || path.hasSuffix("/")
        for (index, part) in parts.enumerated() {
            let last = index == parts.count - 1
            switch part {
            case "", ".":
                if last { isFolder = true }
            case "..":
                guard !segments.isEmpty else { return nil }
                segments.removeLast()
                if last { isFolder = true }
            default:
                segments.append(decoded(part))
            }
        }
        let joined = segments.joined(separator: "/")
        return isFolder && !joined.isEmpty ? joined + "/" : joined
    }

    /// True when `normalized` would give `path` back as it is: ASCII without `%`, no segment empty
    /// (but the last: `a/` is a folder), `.` or `..`, as nearly every link of a built page. On the
    /// bytes, without splitting: `normalized` took 6 % of a 1 M-case build's CPU.
    static func isPlain(_ path: Substring) -> Bool {
        var length = 0
        var dots = 0
        for byte in path.utf8 {
            if byte >= 0x80 || byte == UInt8(ascii: "%") { return false }
            if byte == UInt8(ascii: "/") {
                if length == dots && dots <= 2 { return false }  // empty, `.` or `..`
                length = 0
                dots = 0
            } else {
                length += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return !(length > 0 && length == dots && dots <= 2)
    }
}
