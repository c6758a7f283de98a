// Loading stage: reads site.yaml, the case files, the notes and the milestones of a content folder
// into one `Content` value, collecting every diagnostic of every file.

import Foundation

public enum ContentLoader {
    public struct Result: Sendable {
        public var content: Content?
        public var diagnostics: [Diagnostic]
    }

    /// Loads and validates a content folder. `content` is nil when any error was found.
    /// Diagnostics name files as `directory/relative/path`.
    public static func load(directory: String) -> Result {
        var diagnostics: [Diagnostic] = []
        let root = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let sitePath = root + "/site.yaml"
        guard FileManager.default.fileExists(atPath: root) else {
            return Result(content: nil, diagnostics: [.error("content folder not found", at: SourceLocation(path: root, line: 0, column: 0))])
        }
        guard let siteText = readText(sitePath, into: &diagnostics) else {
            if !FileManager.default.fileExists(atPath: sitePath) {
                diagnostics.append(.error("site.yaml is missing; it sets the title and the publication date", at: SourceLocation(path: sitePath, line: 0, column: 0)))
            }
            return Result(content: nil, diagnostics: diagnostics)
        }
        guard let config = SiteConfigLoader.load(text: siteText, path: sitePath, into: &diagnostics) else {
            return Result(content: nil, diagnostics: diagnostics)
        }

        // Cases
        var validator = CaseFileValidator(config: config)
        let caseFiles = listFiles(root + "/cases", extension: "csv")
        if caseFiles.isEmpty {
            diagnostics.append(.error("no case file: put at least one .csv export in this folder", at: SourceLocation(path: root + "/cases", line: 0, column: 0)))
        }
        for path in caseFiles {
            guard let data = FileManager.default.contents(atPath: path) else {
                diagnostics.append(.error("cannot read the file", at: SourceLocation(path: path, line: 0, column: 0)))
                continue
            }
            validator.validate(bytes: [UInt8](data), path: path, into: &diagnostics)
        }

        // Notes
        var notes: [Note] = []
        var slugs: [String: String] = [:]
        for path in listFiles(root + "/notes", extension: "md") {
            guard let text = readText(path, into: &diagnostics) else { continue }
            let stem = (path as NSString).lastPathComponent.replacingOccurrences(of: ".md", with: "")
            guard let note = NoteLoader.load(text: text, path: path, fileStem: stem, into: &diagnostics) else { continue }
            if let other = slugs[note.slug] {
                diagnostics.append(.error("slug '\(note.slug)' is already used by \(other); set a different 'slug' in the front matter", at: SourceLocation(path: path, line: 1, column: 1)))
                continue
            }
            slugs[note.slug] = path
            if note.date > config.publicationDate && !note.draft {
                diagnostics.append(.error("note dated \(note.date), after the publication date \(config.publicationDate); mark it 'draft: true' or change its date", at: SourceLocation(path: path, line: 1, column: 1)))
            }
            if !note.draft { notes.append(note) }
        }
        notes.sort { ($0.date, $1.slug) > ($1.date, $0.slug) }

        // Milestones
        var milestones: [Milestone] = []
        let milestonePath = root + "/milestones.yaml"
        if FileManager.default.fileExists(atPath: milestonePath), let text = readText(milestonePath, into: &diagnostics) {
            milestones = MilestoneLoader.load(
                text: text, path: milestonePath, config: config, noteSlugs: Set(notes.map(\.slug)), into: &diagnostics)
        }

        let hasErrors = diagnostics.contains { $0.severity == .error }
        let content = Content(config: config, cases: validator.records, notes: notes, milestones: milestones, caseFileCount: caseFiles.count)
        return Result(content: hasErrors ? nil : content, diagnostics: diagnostics)
    }

    /// Files with the given extension directly in a folder, sorted by name (hidden files skipped).
    static func listFiles(_ folder: String, extension ext: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return names.filter { !$0.hasPrefix(".") && $0.hasSuffix("." + ext) }.sorted().map { folder + "/" + $0 }
    }

    static func readText(_ path: String, into diagnostics: inout [Diagnostic]) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.append(.error("the file is not valid UTF-8; save it as UTF-8", at: SourceLocation(path: path, line: 1, column: 1)))
            return nil
        }
        return text
    }
}
