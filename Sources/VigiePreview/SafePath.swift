// Maps a request path to a file inside the served folder, refusing anything that could escape it.

import Foundation

enum SafePath {
    /// The relative file path for a URL path, or nil when the path is not acceptable: encoded or
    /// plain `..` segments, backslashes, NUL bytes, or invalid percent-encoding.
    static func relativeFile(for urlPath: String) -> String? {
        let withoutQuery = urlPath.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        // Decode repeatedly so that double-encoded forms (%252e%252e) cannot slip through.
        var decoded = withoutQuery
        for _ in 0..<3 {
            guard let next = decoded.removingPercentEncoding else { return nil }
            if next == decoded { break }
            decoded = next
        }
        if decoded.contains("\0") || decoded.contains("\\") || decoded.contains("%") { return nil }
        var segments: [String] = []
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." || segment.hasPrefix(".") { return nil }  // no parent, no hidden files
            segments.append(String(segment))
        }
        var relative = segments.joined(separator: "/")
        if decoded.hasSuffix("/") || relative.isEmpty { relative += relative.isEmpty ? "index.html" : "/index.html" }
        return relative
    }

    /// The absolute path of `relative` under `root`, only if it resolves (links included) inside `root`.
    static func resolve(_ relative: String, under root: String) -> String? {
        let rootURL = URL(fileURLWithPath: root).resolvingSymlinksInPath().standardizedFileURL
        let candidate = rootURL.appendingPathComponent(relative).resolvingSymlinksInPath().standardizedFileURL
        let rootPath = rootURL.path.hasSuffix("/") ? rootURL.path : rootURL.path + "/"
        guard candidate.path.hasPrefix(rootPath) else { return nil }
        return candidate.path
    }

    /// Where a request for a folder is sent: its path with a slash at the end, rebuilt from the
    /// checked relative path. The raw path was echoed: `GET //notes` answered `Location: //notes/`,
    /// which a browser reads as the host `notes`. Percent-encoded again (segments are plain names).
    static func folderRedirect(for relative: String) -> String {
        let folder = relative + "/"
        return "/" + (folder.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? folder)
    }
}
