// `vigie release`: build and audit in memory, then freeze this publication into
// content/publications/<publication_date>/ (written whole, atomically; never rewritten).

import ArgumentParser
import Foundation
import VigieCore
import VigieReleases
import VigieRendering

struct Release: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build and audit the site in memory, then store this publication in content/publications/<publication_date>/.")

    @OptionGroup var inputs: InputOptions

    func run() throws {
        let options = BuildOptions(
            contentDirectory: inputs.content, templatesDirectory: inputs.templates, outputDirectory: nil,
            cacheFolder: inputs.cacheFolder)
        let session = BuildSession(options: options)
        let report: BuildReport
        do {
            report = try session.rebuild()
        } catch {
            Console.error("\(error)")
            Console.error("1 error: nothing was released")
            throw CommandFailure()
        }
        for diagnostic in report.diagnostics.sorted { Console.error(diagnostic.description) }
        guard report.succeeded, let files = session.releaseFiles(), let date = session.publicationDate else {
            Console.error(report.diagnostics.summary + "; nothing was released")
            throw CommandFailure()
        }
        let content = inputs.content.hasSuffix("/") ? String(inputs.content.dropLast()) : inputs.content
        let folder = ReleaseLoader.folder(root: content)
        let target = folder + "/" + date.iso
        let manager = FileManager.default
        if manager.fileExists(atPath: target) {
            if Self.holds(target, exactly: files) {
                print("release \(date.iso) is already stored in \(target)/, identical: nothing to do")
                return
            }
            Console.error(
                "\(target):0:0: error: a release is already stored for \(date.iso) and differs from this build; "
                    + "a stored release is never rewritten: set a new 'publication_date' in site.yaml for a new publication")
            Console.error("1 error: nothing was released")
            throw CommandFailure()
        }
        // Staged beside the target (hidden, so a build ignores a leftover), then renamed in one step.
        let staging = folder + "/." + date.iso + ".partial"
        do {
            try? manager.removeItem(atPath: staging)
            for file in files {
                let path = staging + "/" + file.path
                try manager.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(file.bytes).write(to: URL(fileURLWithPath: path))
            }
            try manager.moveItem(atPath: staging, toPath: target)
        } catch {
            try? manager.removeItem(atPath: staging)
            Console.error("\(target):0:0: error: could not write the release: \(error.localizedDescription)")
            Console.error("1 error: nothing was released")
            throw CommandFailure()
        }
        print("released \(date.iso): \(files.count) files → \(target)/")
        for file in files { print("  \(file.path)") }
        print("commit this folder (git add \(target) && git commit): a stored release is part of the content and is never rewritten")
    }

    /// True when `folder` holds exactly these files with these bytes.
    static func holds(_ folder: String, exactly files: [OutputFile]) -> Bool {
        var onDisk: Set<String> = []
        if let enumerator = FileManager.default.enumerator(atPath: folder) {
            while let relative = enumerator.nextObject() as? String {
                var isDirectory: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isDirectory)
                if !isDirectory.boolValue { onDisk.insert(relative) }
            }
        }
        guard onDisk == Set(files.map(\.path)) else { return false }
        return files.allSatisfy { file in
            FileManager.default.contents(atPath: folder + "/" + file.path).map { [UInt8]($0) } == file.bytes
        }
    }
}
