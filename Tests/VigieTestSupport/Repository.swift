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

extension Repository {
    /// Builds the default content into `folder/_site` with one stored release only, the fixture
    /// `releases/<format>/<date>` (a release kept from an earlier Vigie); returns the fixture's path
    /// and the run. The release is the content's only history: it must stay readable and be served
    /// byte for byte.
    public static func buildDefaultContent(withOnlyRelease fixture: String, in folder: TemporaryFolder) throws -> (
        release: String, run: CommandRun
    ) {
        let content = folder.path + "/content"
        try FileManager.default.copyItem(atPath: Repository.content, toPath: content)
        try FileManager.default.removeItem(atPath: content + "/publications")
        try FileManager.default.createDirectory(atPath: content + "/publications", withIntermediateDirectories: true)
        let release = Repository.fixtures + "/releases/" + fixture
        let date = (fixture as NSString).lastPathComponent
        try FileManager.default.copyItem(atPath: release, toPath: content + "/publications/" + date)
        // The accessibility statement lists pages of the default content's releases, in each edition
        // (/publications/…, /en/publications/…): keep those of this one only.
        let site = try String(contentsOfFile: content + "/site.yaml", encoding: .utf8)
        let kept = site.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
            let item = line.trimmingCharacters(in: .whitespaces)
            let releasePage = item.hasPrefix("- /publications/") || item.hasPrefix("- /en/publications/")
            return !releasePage || item.contains("/publications/\(date)/")
        }
        try kept.joined(separator: "\n").write(toFile: content + "/site.yaml", atomically: true, encoding: .utf8)
        let run = try CommandRun.vigie(
            ["build", "--content", content, "--templates", Repository.templates, "--output", folder.path + "/_site"], in: folder.path)
        return (release, run)
    }
}
