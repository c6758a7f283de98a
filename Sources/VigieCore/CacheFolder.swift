// What the caches on disk (`ChartImageCache`, `NoteRenderCache`) share: keeping only the most
// recently used files of a folder.

import Foundation

enum CacheFolder {
    /// Removes the least recently used files of `folder` whose names end with `suffix` (oldest
    /// modification date first, then name), beyond the `capacity` most recent.
    static func prune(_ folder: String, suffix: String, capacity: Int) {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: folder) else { return }
        let files = names.filter { $0.hasSuffix(suffix) }
        guard files.count > capacity else { return }
        let dated = files.map { name -> (name: String, date: Date) in
            let attributes = try? manager.attributesOfItem(atPath: folder + "/" + name)
            return (name, attributes?[.modificationDate] as? Date ?? .distantPast)
        }
        for old in dated.sorted(by: { ($0.date, $0.name) < ($1.date, $1.name) }).dropLast(capacity) {
            try? manager.removeItem(atPath: folder + "/" + old.name)
        }
    }
}
