// Detects changes in the content and templates folders by polling a signature of every file
// (path, size, modification time): portable, no inotify limits, cheap for thousands of files.

import Foundation

struct FolderWatcher: Sendable {
    let folders: [String]

    /// A value that changes whenever a file is added, removed, resized or touched.
    func signature() -> [String: String] {
        var result: [String: String] = [:]
        let fm = FileManager.default
        for folder in folders {
            guard let enumerator = fm.enumerator(atPath: folder) else { continue }
            while let relative = enumerator.nextObject() as? String {
                if (relative as NSString).lastPathComponent.hasPrefix(".") { continue }
                let path = folder + "/" + relative
                guard let attributes = try? fm.attributesOfItem(atPath: path), (attributes[.type] as? FileAttributeType) == .typeRegular
                else { continue }
                let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
                let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                result[path] = "\(size)@\(modified)"
            }
        }
        return result
    }

    /// Paths whose signature differs between two snapshots.
    static func changedPaths(_ old: [String: String], _ new: [String: String]) -> [String] {
        let keys = Set(old.keys).union(new.keys)
        return keys.filter { old[$0] != new[$0] }.sorted()
    }
}
