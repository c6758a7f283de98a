// Publish stage: what the site manifest remembers of one published folder (the site now at the output,
// or the one kept as `.vigie-previous-<name>`), file by file.

import Foundation

/// The folder a record describes, by device and inode (a rename keeps both; a copy or a new folder
/// of the same name does not), and the record of each regular file in it, by relative path.
struct FolderRecord: Sendable {
    var device: UInt64
    var inode: UInt64
    /// A status-change time read from the file system once every file here had been written and
    /// checked (see `SiteManifest.save`): a file changed later has a ctime at or after it, so an entry
    /// whose ctime is earlier cannot match a file changed since. Entries at or after it (written in
    /// the same clock tick) are never trusted. Nil until the record is saved.
    var seal: Int64?
    var files: [String: FileRecord]

    init(device: UInt64, inode: UInt64, seal: Int64? = nil, files: [String: FileRecord]) {
        self.device = device
        self.inode = inode
        self.seal = seal
        self.files = files
    }

    /// The record of the folder at `root`, unsealed; nil when `root` cannot be read.
    init?(of root: String, files: [String: FileRecord]) {
        guard let identity = Self.identity(of: root) else { return nil }
        self.init(device: identity.device, inode: identity.inode, files: files)
    }

    /// True when the folder at `path` (not a symbolic link to one) is the folder recorded.
    func describes(_ path: String) -> Bool {
        guard let identity = Self.identity(of: path) else { return false }
        return identity.device == device && identity.inode == inode
    }

    /// The digest recorded for `path` when `status` (its `lstat` now) proves the file is the one
    /// recorded: a regular file of `mode`, on this folder's device, with the size, inode, mtime and ctime
    /// recorded, and a ctime before the seal. Nil when in any doubt: the caller then reads the file.
    func digest(of path: String, status: stat, mode: mode_t) -> ContentDigest? {
        guard let seal, let file = files[path], file.changed < seal, UInt64(status.st_dev) == device,
            status.st_mode & S_IFMT == S_IFREG, status.st_mode & 0o7777 == mode, file.matches(status)
        else { return nil }
        return file.digest
    }

    /// The device and inode of the folder at `path`; nil for anything but a real folder.
    static func identity(of path: String) -> (device: UInt64, inode: UInt64)? {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { return nil }
        return (UInt64(status.st_dev), UInt64(status.st_ino))
    }
}
