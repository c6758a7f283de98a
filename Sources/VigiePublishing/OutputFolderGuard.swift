// Publish stage, before anything is built: refuses an output folder whose swap would destroy
// something that is not a site Vigie built (the project itself, the content, the templates, a
// folder of someone's files).

import Foundation

/// Publishing replaces the output folder whole. That is only safe for a folder that is new, empty,
/// or a site an earlier build wrote; `vigie build --output .` in the project folder once replaced
/// the project (content, templates, `.git`) with the site and exited 0.
public enum OutputFolderGuard {
    /// Files that every site Vigie publishes holds at its top; a non-empty folder without them is
    /// not one of ours and is never replaced.
    static let siteSignature = ["index.html", "sitemap.xml", "donnees/datapackage.json"]

    /// Why `output` must not be published into, or nil when it is safe. `inputs` are the folders the
    /// build reads (content, templates); the working directory is protected as well.
    public static func problem(
        output: String, inputs: [String], workingDirectory: String = FileManager.default.currentDirectoryPath
    ) -> String? {
        let target = canonical(output, relativeTo: workingDirectory)
        if target == "/" { return "refusing to publish into '/'" }
        let home = canonical(NSHomeDirectory(), relativeTo: "/")
        if target == home { return "refusing to publish into the home folder '\(output)': publishing replaces the whole folder" }
        let cwd = canonical(workingDirectory, relativeTo: "/")
        if contains(target, cwd) {
            return
                "refusing to publish into '\(output)': it holds the current folder, and publishing replaces the whole output folder; choose a folder of its own, such as _site"
        }
        for input in inputs {
            let folder = canonical(input, relativeTo: workingDirectory)
            if contains(target, folder) || contains(folder, target) {
                return
                    "refusing to publish into '\(output)': it overlaps the input folder '\(input)', and publishing replaces the whole output folder; choose a folder of its own, such as _site"
            }
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) else { return nil }
        guard isDirectory.boolValue else {
            return "refusing to publish into '\(output)': it is a file, not a folder"
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []
        if entries.isEmpty { return nil }
        let isSite = siteSignature.allSatisfy { FileManager.default.fileExists(atPath: target + "/" + $0) }
        if isSite && !entries.contains(".git") { return nil }
        return
            "refusing to publish into '\(output)': the folder is not empty and is not a site Vigie built (publishing would delete the \(entries.count) files and folders it holds); empty it yourself or choose another folder"
    }

    /// An absolute path with `.`, `..` and symbolic links resolved (as far as the path exists).
    static func canonical(_ path: String, relativeTo base: String) -> String {
        let absolute = path.hasPrefix("/") ? path : base + "/" + path
        let url = URL(fileURLWithPath: absolute).standardizedFileURL.resolvingSymlinksInPath()
        let text = url.path
        return text.count > 1 && text.hasSuffix("/") ? String(text.dropLast()) : text
    }

    /// True when `folder` is `path` or one of its ancestors.
    static func contains(_ folder: String, _ path: String) -> Bool {
        folder == path || folder == "/" || path.hasPrefix(folder + "/")
    }
}
