// What the preview server shows: the folder of the last good build, the current errors, and a
// version number that changes with every rebuild (open pages poll it to reload).

import Foundation

final class PreviewState: @unchecked Sendable {
    private let lock = NSLock()
    private var _version = 0
    private var _errors: [String] = []
    private var _hasSite = false
    let siteFolder: String

    init(siteFolder: String) {
        self.siteFolder = siteFolder
    }

    var version: Int { lock.withLock { _version } }
    var errors: [String] { lock.withLock { _errors } }
    var hasSite: Bool { lock.withLock { _hasSite } }

    func record(succeeded: Bool, errors: [String]) {
        lock.withLock {
            _version += 1
            _errors = errors
            if succeeded { _hasSite = true }
        }
    }
}
