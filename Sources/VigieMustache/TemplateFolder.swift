// The templates folder as a build reads it: a file found in it is read only if it really lies
// inside it, links included.

import Foundation

/// The templates folder, resolved once. A partial that was a link to `/etc/passwd` was followed and
/// its text published; every template, `strings.yaml` and asset is now read only when its real path
/// lies inside the folder's real path. The folder itself may be a link (a theme kept elsewhere, or a
/// folder shared by two sites): it is followed, and its entries are held to where it leads.
package struct TemplateFolder {
    /// The folder as the user named it: diagnostics show paths under it.
    package let path: String
    /// Its real path, links resolved.
    package let realPath: String

    /// Nil when there is no folder at `path`.
    package init?(path: String) {
        guard let resolved = Self.realPath(of: path) else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        self.path = path
        self.realPath = resolved
    }

    /// Whether `relative` resolves, through any links, to a path inside the folder (a file that does
    /// not exist is inside: reading it fails with its own message).
    package func contains(_ relative: String) -> Bool {
        guard let resolved = Self.realPath(of: path + "/" + relative) else { return true }
        return resolved.hasPrefix(realPath == "/" ? "/" : realPath + "/")
    }

    /// The folder's entries, relative to it and sorted, found in its real path (an enumerator of a
    /// link to a folder lists nothing on Linux). Links to folders inside it are not entered.
    package func entries() -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: realPath) else { return [] }
        return enumerator.compactMap { $0 as? String }.sorted()
    }

    private static func realPath(of path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
