// A cheap fingerprint of input files (size and modification time) to tell what changed between builds.

import Foundation

enum FileSignature {
    /// `lstat`, as `attributesOfItem` did, without the attribute dictionary it builds (owner names
    /// included): it was most of the time spent on signatures of 10,000 notes.
    static func of(_ path: String) -> String {
        var info = stat()
        guard lstat(path, &info) == 0 else { return "missing" }
        return "\(info.st_size)@\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
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
