// Removes the preview's temporary folders when the process is stopped by a signal.

import Foundation

public enum PreviewCleanup {
    nonisolated(unsafe) static var folders: [String] = []
    private static let lock = NSLock()

    static func register(_ folder: String) {
        lock.withLock { folders.append(folder) }
    }

    public static func run() {
        lock.withLock {
            for folder in folders { try? FileManager.default.removeItem(atPath: folder) }
            folders = []
        }
    }
}
