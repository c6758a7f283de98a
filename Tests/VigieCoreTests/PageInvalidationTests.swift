// Which page groups a rebuild re-renders when one input changes, as `vigie serve` sees it: the table
// the pipeline's caching must keep (written before the steps that will derive it).

import Foundation
import Testing
import VigieTestSupport

@testable import VigieCore

@Suite(.serialized) struct PageInvalidationTests {
    /// An input change made to a copy of the default content and templates.
    struct Change: CustomTestStringConvertible, Sendable {
        var name: String
        /// The file changed, relative to the folder holding `content/` and `templates/`.
        var file: String
        /// Appended to the file, or nil to rewrite it unchanged (a new modification time).
        var appended: String?
        /// The page groups re-rendered, as `BuildReport.scope` names them ("full": all of them).
        var scope: String
        var testDescription: String { name }
    }

    static let changes: [Change] = [
        Change(name: "nothing", file: "content/site.yaml", appended: "", scope: ""),
        Change(name: "site.yaml", file: "content/site.yaml", appended: nil, scope: "full"),
        Change(name: "a page template", file: "templates/pages/note.mustache", appended: nil, scope: "full"),
        Change(name: "strings.yaml", file: "templates/strings.yaml", appended: nil, scope: "full"),
        Change(name: "a stored release", file: "content/publications/2019-01-31/manifest.json", appended: nil, scope: "full"),
        Change(
            name: "the case file", file: "content/cases/signalements.csv", appended: nil,
            scope: "home, methodology, publications, statistics"),
        Change(
            name: "a note's text", file: "content/notes/mediation.md", appended: "\nUne phrase de plus.\n",
            scope: "home, methodology, notes, progress"),
        Change(name: "milestones.yaml", file: "content/milestones.yaml", appended: nil, scope: "home, progress, statistics"),
    ]

    @Test(arguments: changes)
    func aChangeRerendersItsGroupsAndLeavesTheOtherFilesUntouched(_ change: Change) throws {
        let folder = TemporaryFolder("invalidation")
        try FileManager.default.copyItem(atPath: Repository.content, toPath: folder.path + "/content")
        try FileManager.default.copyItem(atPath: Repository.templates, toPath: folder.path + "/templates")
        let output = folder.path + "/_site"
        let session = BuildSession(
            options: BuildOptions(
                contentDirectory: folder.path + "/content", templatesDirectory: folder.path + "/templates", outputDirectory: output,
                incrementalWrites: true))
        let first = try session.rebuild()
        #expect(first.succeeded && first.scope == "full")
        let before = try Self.snapshot(output)

        // A modification time the first build cannot have seen, whatever the file system's resolution.
        let path = folder.path + "/" + change.file
        let bytes = try #require(FileManager.default.contents(atPath: path))
        if let appended = change.appended, !appended.isEmpty {
            try (bytes + Data(appended.utf8)).write(to: URL(fileURLWithPath: path))
        } else if change.appended == nil {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: path)
        }
        let second = try session.rebuild()
        #expect(second.succeeded, "\(second.diagnostics)")
        #expect(second.scope == change.scope)

        // A file whose bytes did not change is not rewritten (the preview's reader keeps its cache).
        let after = try Self.snapshot(output)
        let changed = Set(after.keys.filter { after[$0]?.bytes != before[$0]?.bytes })
        let rewritten = Set(after.keys.filter { after[$0]?.modified != before[$0]?.modified })
        #expect(rewritten == changed)
        #expect(second.writtenFileCount == changed.count)
        if change.scope.isEmpty { #expect(changed.isEmpty) }
    }

    @Test("a change made while the build fails is rendered once the error is fixed")
    func aChangeDuringAFailedRunIsNotLost() throws {
        let folder = TemporaryFolder("invalidation-failed")
        let session = try Self.previewSession(of: folder)
        #expect(try session.rebuild().succeeded)

        // The case file changes while a note with broken front matter stops the build before the statistics.
        let caseFile = folder.path + "/content/cases/signalements.csv"
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: caseFile)
        let brokenNote = folder.path + "/content/notes/zz-brouillon.md"
        try "---\ntitle: [\n---\nTexte.\n".write(toFile: brokenNote, atomically: true, encoding: .utf8)
        #expect(try !session.rebuild().succeeded)

        // Fixed: the statistics' groups are rendered again, with the notes' (the set of notes changed twice).
        try FileManager.default.removeItem(atPath: brokenNote)
        let fixed = try session.rebuild()
        #expect(fixed.succeeded, "\(fixed.diagnostics)")
        #expect(fixed.scope == "home, methodology, notes, progress, publications, statistics")
    }

    @Test("a rebuild that renders the statistics again makes the PNG of a chart only if its SVG changed")
    func chartsAreRasterizedOnlyWhenTheyChange() throws {
        let folder = TemporaryFolder("invalidation-charts")
        let session = try Self.previewSession(of: folder)
        let first = try session.rebuild()
        let charts = try FileManager.default.subpathsOfDirectory(atPath: folder.path + "/_site").filter { $0.hasSuffix(".svg") }
        #expect(first.succeeded && !charts.isEmpty && first.chartsRasterized == charts.count)

        // The case file touched, not changed: the statistics are rendered again, every chart is the same.
        let caseFile = folder.path + "/content/cases/signalements.csv"
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: caseFile)
        let second = try session.rebuild()
        #expect(second.succeeded && second.scope.contains("statistics"))
        #expect(second.chartsRasterized == 0)
        #expect(second.writtenFileCount == 0)

        // Each edition draws its own charts (English labels and title under /en/), so an edition's
        // title is drawn into its own charts only: the French title changed, the French charts alone
        // are made again; then the English title, and the English charts alone.
        let englishCharts = charts.filter { $0.hasPrefix("en/") }
        #expect(!englishCharts.isEmpty && englishCharts.count < charts.count)
        let site = folder.path + "/content/site.yaml"
        let text = try String(contentsOfFile: site, encoding: .utf8)
        let frenchRetitled = text.replacingOccurrences(of: "title: \"", with: "title: \"Essai ")
        #expect(frenchRetitled != text)
        try frenchRetitled.write(toFile: site, atomically: true, encoding: .utf8)
        let third = try session.rebuild()
        #expect(third.succeeded && third.chartsRasterized == charts.count - englishCharts.count, "\(third.diagnostics)")

        let englishRetitled = frenchRetitled.replacingOccurrences(of: "title_en: \"", with: "title_en: \"Test ")
        #expect(englishRetitled != frenchRetitled)
        try englishRetitled.write(toFile: site, atomically: true, encoding: .utf8)
        let fourth = try session.rebuild()
        #expect(fourth.succeeded && fourth.chartsRasterized == englishCharts.count, "\(fourth.diagnostics)")
    }

    /// A session like the preview's (rewriting only changed files into `_site`), on a copy of the
    /// default content and templates in `folder`.
    static func previewSession(of folder: TemporaryFolder) throws -> BuildSession {
        try FileManager.default.copyItem(atPath: Repository.content, toPath: folder.path + "/content")
        try FileManager.default.copyItem(atPath: Repository.templates, toPath: folder.path + "/templates")
        return BuildSession(
            options: BuildOptions(
                contentDirectory: folder.path + "/content", templatesDirectory: folder.path + "/templates",
                outputDirectory: folder.path + "/_site", incrementalWrites: true))
    }

    /// Every file of the built site: its bytes and modification time.
    static func snapshot(_ folder: String) throws -> [String: (bytes: Data, modified: Date)] {
        var files: [String: (bytes: Data, modified: Date)] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder))
        while let relative = enumerator.nextObject() as? String {
            let path = folder + "/" + relative
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            guard attributes[.type] as? FileAttributeType == .typeRegular else { continue }
            files[relative] = (try #require(FileManager.default.contents(atPath: path)), attributes[.modificationDate] as! Date)
        }
        return files
    }
}
