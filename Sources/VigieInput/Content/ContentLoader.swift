// Loading stage: reads site.yaml, the case files, the notes and the milestones of a content folder
// into one `Content` value, collecting every diagnostic of every file. Each part is also callable
// on its own, so the preview can reload only what changed.

import Foundation
import VigieSupport

public enum ContentLoader {
    public struct Result: Sendable {
        public var content: Content?
        public var diagnostics: [Diagnostic]
    }

    /// Loads and validates a content folder. `content` is nil when any error was found.
    /// Diagnostics name files as `directory/relative/path`.
    public static func load(directory: String) -> Result {
        let root = normalized(directory)
        var diagnostics: [Diagnostic] = []
        guard let config = loadConfig(root: root, into: &diagnostics) else {
            return Result(content: nil, diagnostics: diagnostics)
        }
        let caseFiles = caseFilePaths(root: root)
        // Validated for their diagnostics; the build streams them into its statistics (`streamCases`).
        _ = loadCases(paths: caseFiles, root: root, config: config, into: &diagnostics)
        var notes: [Note] = []
        var failedNotes: [String] = []
        for path in notePaths(root: root) {
            if let note = loadNote(path: path, into: &diagnostics) { notes.append(note) } else { failedNotes.append(path) }
        }
        notes = checkNotes(notes, config: config, into: &diagnostics)
        let slugs = citableSlugs(notes: notes, failedPaths: failedNotes)
        let milestones = loadMilestones(root: root, config: config, noteSlugs: slugs, into: &diagnostics)
        let hasErrors = diagnostics.contains { $0.severity == .error }
        let content = Content(config: config, notes: notes, milestones: milestones, caseFileCount: caseFiles.count)
        return Result(content: hasErrors ? nil : content, diagnostics: diagnostics)
    }

    package static func normalized(_ directory: String) -> String {
        directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
    }

    /// `site.yaml`; nil when it is missing or unusable.
    public static func loadConfig(root: String, into diagnostics: inout [Diagnostic]) -> SiteConfig? {
        let sitePath = root + "/site.yaml"
        guard FileManager.default.fileExists(atPath: root) else {
            diagnostics.append(.error("content folder not found", at: .wholeFile(root)))
            return nil
        }
        let missing = "site.yaml is missing; it sets the title and the publication date"
        guard let siteText = TextFile.contents(of: sitePath, missingMessage: missing, into: &diagnostics) else { return nil }
        return SiteConfigLoader.load(text: siteText, path: sitePath, into: &diagnostics)
    }

    public static func caseFilePaths(root: String) -> [String] { listFiles(root + "/cases", extension: "csv") }
    public static func notePaths(root: String) -> [String] { listFiles(root + "/notes", extension: "md") }

    /// Reads and validates every case file and keeps every valid record: the build streams them
    /// into its statistics instead (`streamCases`).
    public static func loadCases(
        paths: [String], root: String, config: SiteConfig, environment: [String: String] = ProcessInfo.processInfo.environment,
        into diagnostics: inout [Diagnostic]
    ) -> [CaseRecord] {
        var collector = CaseCollector()
        streamCases(paths: paths, root: root, config: config, environment: environment, to: &collector, into: &diagnostics)
        return collector.records
    }

    /// Reads and validates every case file, a window at a time, and hands the valid records to
    /// `sink` in file order: memory holds one window and the case_ids, not the cases. Identifiers
    /// are unique across files. With `cases_database` in site.yaml, the cases are the query's rows
    /// instead, streamed the same way, and a case file beside it is an error: two sources would
    /// silently disagree about what is published.
    public static func streamCases<Sink: CaseRecordSink>(
        paths: [String], root: String, config: SiteConfig, environment: [String: String] = ProcessInfo.processInfo.environment,
        to sink: inout Sink, into diagnostics: inout [Diagnostic], windowBytes: Int = CaseFileValidator<Sink>.defaultWindowBytes
    ) {
        var validator = CaseFileValidator(config: config, sink: sink)
        defer { sink = validator.sink }
        if let database = config.casesDatabase {
            if !paths.isEmpty {
                let count = paths.count == 1 ? "a case file" : "\(paths.count) case files"
                diagnostics.append(
                    .error(
                        "'cases_database' reads the cases from PostgreSQL, but \(root)/cases holds \(count) too; remove the files or the key, the cases come from one source",
                        at: database.location))
            }
            PostgreSQLCaseSource.validate(
                database, environment: environment, validator: &validator, windowBytes: windowBytes, into: &diagnostics)
            return
        }
        if paths.isEmpty && !config.namesCasesDatabase {
            diagnostics.append(
                .error(
                    "no case file: put at least one .csv export in this folder",
                    at: .wholeFile(root + "/cases")))
        }
        for path in paths { validator.validate(fileAt: path, windowBytes: windowBytes, into: &diagnostics) }
    }

    /// One note file, drafts included (see `checkNotes`).
    public static func loadNote(path: String, into diagnostics: inout [Diagnostic]) -> Note? {
        // Listed in the folder, so "missing" means it went away since: an error like any unreadable note.
        guard let text = TextFile.contents(of: path, missingMessage: "the note disappeared while it was read", into: &diagnostics) else {
            return nil
        }
        return NoteLoader.load(text: text, path: path, fileStem: fileStem(of: path), into: &diagnostics)
    }

    /// The file name without its `.md` (every `.md` in it, as `replacingOccurrences` removes them).
    /// An ASCII name with `.md` only at its end, the usual case, is cut on its bytes: through
    /// `NSString` and `replacingOccurrences` it was 40 ms of reading 10,000 notes.
    package static func fileStem(of path: String) -> String {
        let name = Array(path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).last ?? [])
        let marker = Array(".md".utf8)
        let stem = name.dropLast(marker.count)
        let markerOnlyAtEnd =
            name.count > marker.count && name.suffix(marker.count).elementsEqual(marker)
            && !stem.indices.contains { stem[$0...].starts(with: marker) }
        if markerOnlyAtEnd, !name.contains(where: { $0 >= 0x80 }), path.utf8.last != UInt8(ascii: "/") {
            return String(decoding: stem, as: UTF8.self)
        }
        return (path as NSString).lastPathComponent.replacingOccurrences(of: ".md", with: "")
    }

    /// Checks across notes (unique slugs, dates not after the publication), drops drafts, and sorts
    /// newest first, then by slug.
    public static func checkNotes(_ loaded: [Note], config: SiteConfig, into diagnostics: inout [Diagnostic]) -> [Note] {
        var slugs: [String: String] = [:]
        var notes: [Note] = []
        for note in loaded.sorted(by: { $0.path < $1.path }) {
            if let other = slugs[note.slug] {
                diagnostics.append(
                    .error(
                        "slug '\(note.slug)' is already used by \(other); set a different 'slug' in the front matter",
                        at: SourceLocation(path: note.path, line: 1, column: 1)))
                continue
            }
            slugs[note.slug] = note.path
            if note.date > config.publicationDate && !note.draft {
                diagnostics.append(
                    .error(
                        "note dated \(note.date), after the publication date \(config.publicationDate); mark it 'draft: true' or change its date",
                        at: SourceLocation(path: note.path, line: 1, column: 1)))
            }
            if !note.draft { notes.append(note) }
        }
        checkTranslations(notes, config: config, into: &diagnostics)
        return notes.sorted { ($0.date, $1.slug) > ($1.date, $0.slug) }
    }

    /// The edition a note belongs to: its `lang` when the site has an edition in it, else the first
    /// language (a note in English on a French-only site is a note of the French site, marked `lang`).
    public static func edition(of note: Note, config: SiteConfig) -> String {
        guard let language = note.language, config.languages.contains(language) else { return config.language }
        return language
    }

    /// Each `translation_of` names a published note of another edition, and no note has two
    /// translations into one language: otherwise an error at the key.
    static func checkTranslations(_ notes: [Note], config: SiteConfig, into diagnostics: inout [Diagnostic]) {
        let bySlug = Dictionary(notes.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        var translated: [String: String] = [:]
        for note in notes.sorted(by: { $0.path < $1.path }) {
            guard let target = note.translationOf else { continue }
            let location = SourceLocation(path: note.path, line: note.translationOfLine, column: 1)
            let language = edition(of: note, config: config)
            guard let original = bySlug[target] else {
                diagnostics.append(.error("translation_of names '\(target)', but no published note has that slug", at: location))
                continue
            }
            let originalLanguage = edition(of: original, config: config)
            guard originalLanguage != language else {
                diagnostics.append(
                    .error(
                        "translation_of names '\(target)', a note of the same edition (\(language)); it must name a note in another of 'languages' (\(config.languages.joined(separator: ", ")))",
                        at: location))
                continue
            }
            if original.translationOf != nil {
                diagnostics.append(
                    .error("translation_of names '\(target)', itself a translation; name the note it translates", at: location))
                continue
            }
            let pair = target + ">" + language
            if let other = translated[pair] {
                diagnostics.append(.error("'\(target)' already has a translation in \(language): \(other)", at: location))
                continue
            }
            translated[pair] = note.path
        }
    }

    /// Slugs a milestone may cite: the published notes', plus the file-name slugs of notes that failed
    /// to load, so one broken note gives one error, not a second one on every milestone citing it.
    public static func citableSlugs(notes: [Note], failedPaths: [String]) -> Set<String> {
        var slugs = Set(notes.map(\.slug))
        for path in failedPaths {
            slugs.insert((path as NSString).lastPathComponent.replacingOccurrences(of: ".md", with: "").slugified)
        }
        return slugs
    }

    /// `milestones.yaml`, optional.
    public static func loadMilestones(root: String, config: SiteConfig, noteSlugs: Set<String>, into diagnostics: inout [Diagnostic])
        -> [Milestone]
    {
        let path = root + "/milestones.yaml"
        guard let text = TextFile.contents(of: path, into: &diagnostics) else { return [] }
        return MilestoneLoader.load(text: text, path: path, config: config, noteSlugs: noteSlugs, into: &diagnostics)
    }

    /// Files with the given extension directly in a folder, sorted by name (hidden files skipped).
    static func listFiles(_ folder: String, extension ext: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return names.filter { !$0.hasPrefix(".") && $0.hasSuffix("." + ext) }.sorted().map { folder + "/" + $0 }
    }

    /// A file's bytes, or nil when they cannot be read.
    package static func readBytes(_ path: String) -> [UInt8]? { try? bytes(of: path).get() }

    /// A file's bytes, or why they cannot be read (a folder, a device, no permission…); read straight
    /// into the array the reader keeps: `Data` then `[UInt8]` held the file twice (1 M cases, 110 MB:
    /// peak memory of `vigie build` 429 MB before, 317 MB after).
    static func bytes(of path: String) -> Swift.Result<[UInt8], TextFile.Failure> {
        switch TextFile.openRegularFile(path, limit: .max) {
        case .success(let (descriptor, size)):
            defer { close(descriptor) }
            return FileWindow.read(descriptor, at: 0, count: size).map { .success($0) } ?? .failure(.unreadable)
        case .failure(let failure): return .failure(failure)
        }
    }
}
