// The preview's private folder in the temporary directory: a random name, and a marker naming the
// process that owns it, so the folders of killed previews are found and removed safely.

import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `vigie-preview-<pid>` was predictable (another local user could create it first, or a link by
/// that name) and stayed behind after a `kill -9`. The folder is now made by `mkdtemp` (a random
/// name, mode 0700), and holds a marker with the owner's pid; a later preview removes the folders
/// whose marker names a process that no longer exists. Nothing else is ever removed: no marker, a
/// marker that is not a plain file, another user's folder, or a link.
enum PreviewFolder {
    static let prefix = "vigie-preview-"
    static let markerName = ".vigie-preview-owner"

    /// Creates a new folder in `temporary`, marked as this process's.
    static func create(in temporary: String) throws -> String {
        var template = Array((temporary + "/" + prefix + "XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary])
        }
        let folder = String(cString: made)
        let marker = "\(getpid())\n"
        guard FileManager.default.createFile(atPath: folder + "/" + markerName, contents: Data(marker.utf8)) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: folder])
        }
        return folder
    }

    /// Removes the preview folders in `temporary` whose owner is gone. Returns their paths.
    @discardableResult
    static func removeStale(in temporary: String) -> [String] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: temporary) else { return [] }
        var removed: [String] = []
        for entry in entries.sorted() where entry.hasPrefix(prefix) {
            let folder = temporary + "/" + entry
            guard let owner = owner(of: folder), owner != getpid(), kill(owner, 0) != 0, errno == ESRCH else { continue }
            if (try? FileManager.default.removeItem(atPath: folder)) != nil { removed.append(folder) }
        }
        return removed
    }

    /// The pid in the marker of a folder this user made (not a link), or nil.
    static func owner(of folder: String) -> pid_t? {
        var status = stat()
        guard lstat(folder, &status) == 0, status.st_mode & S_IFMT == S_IFDIR, status.st_uid == getuid() else { return nil }
        let marker = folder + "/" + markerName
        guard lstat(marker, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size < 32,
            let data = FileManager.default.contents(atPath: marker),
            let pid = pid_t(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)), pid > 0
        else { return nil }
        return pid
    }
}
