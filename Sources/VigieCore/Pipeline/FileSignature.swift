// A cheap fingerprint of input files (size and modification time) to tell what changed between builds.

import Foundation

enum FileSignature {
    static func of(_ path: String) -> String {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return "missing" }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(size)@\(modified)"
    }

    static func of(_ paths: [String]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: paths.map { ($0, of($0)) })
    }

    /// Every regular file under a folder, recursively, with its signature.
    static func tree(_ folder: String) -> [String: String] {
        var result: [String: String] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return result }
        while let relative = enumerator.nextObject() as? String {
            if (relative as NSString).lastPathComponent.hasPrefix(".") { continue }
            let path = folder + "/" + relative
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[path] = of(path)
            }
        }
        return result
    }
}
