// Where the repository, its default content and templates, and the built `vigie` binary are.

import Foundation

public enum Repository {
    /// The package root, found from this source file's path.
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.path + "/Package.swift") { return url.path }
        }
        return FileManager.default.currentDirectoryPath
    }()

    public static var content: String { root + "/content" }
    public static var templates: String { root + "/templates" }
    public static var fixtures: String { root + "/Tests/Fixtures" }

    /// The `vigie` executable built by `swift build` (debug unless VIGIE_BINARY says otherwise).
    public static var binary: String {
        if let path = ProcessInfo.processInfo.environment["VIGIE_BINARY"] { return path }
        for configuration in ["debug", "release"] {
            let path = root + "/.build/\(configuration)/vigie"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return root + "/.build/debug/vigie"
    }
}
