// Helpers for tests that make a series of publications: change the date, release, compare trees.

import Foundation

extension SiteTree {
    /// Rewrites `publication_date` in the site.yaml written under `folder`.
    public static func setPublicationDate(_ date: String, in folder: TemporaryFolder) {
        let text = folder.read("content/site.yaml") ?? ""
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("publication_date:") ? "publication_date: \(date)" : String(line)
        }
        folder.write("content/site.yaml", lines.joined(separator: "\n"))
    }

    /// Every regular file under `folder`, by path relative to it, with its bytes.
    public static func files(under folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return files }
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[relative] = FileManager.default.contents(atPath: folder + "/" + relative) }
        }
        return files
    }
}
