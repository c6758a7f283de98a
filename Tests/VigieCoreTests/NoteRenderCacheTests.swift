// The notes' rendered Markdown kept on disk between builds: a new session (a new `vigie build`)
// renders with cmark only the notes the cache does not hold, and publishes the same bytes as a
// build without it.

import Foundation
import Testing
import VigieRendering
import VigieTestSupport

@testable import VigieCore

@Suite struct NoteRenderCacheTests {
    @Test("a new session renders only the notes the cache lacks: none, then an edited one, then all when the file is damaged")
    func secondBuildRendersOnlyWhatTheCacheLacks() throws {
        let folder = TemporaryFolder("note-cache")
        let content = folder.path + "/content"
        try FileManager.default.copyItem(atPath: Repository.content, toPath: content)
        let cache = folder.path + "/cache"
        func build(_ output: String, cacheFolder: String? = cache) throws -> BuildReport {
            let report = try BuildSession(
                options: BuildOptions(
                    contentDirectory: content, templatesDirectory: Repository.templates, outputDirectory: folder.path + "/" + output,
                    cacheFolder: cacheFolder)
            ).rebuild()
            #expect(report.succeeded, "\(report.diagnostics)")
            return report
        }
        func site(_ output: String) -> [String: Data] { SiteTree.files(under: folder.path + "/" + output) }
        // Notes that show figures (`{{case_count}}`…) are rendered after the cases, on every build.
        let names = try FileManager.default.contentsOfDirectory(atPath: content + "/notes").filter { $0.hasSuffix(".md") }.sorted()
        let withFigures = try names.filter { try String(contentsOfFile: content + "/notes/" + $0, encoding: .utf8).contains("{{") }.count
        #expect(names.count > withFigures + 1)

        let first = try build("first")
        #expect(first.notesRendered == names.count)
        let files = try FileManager.default.contentsOfDirectory(atPath: cache + "/notes")
        #expect(files.count == 1 && files[0].hasSuffix(".notes"))
        let stored = cache + "/notes/" + files[0]

        #expect(try build("second").notesRendered == withFigures)
        #expect(site("first") == site("second"))
        #expect(try build("uncached", cacheFolder: nil).notesRendered == names.count)
        #expect(site("first") == site("uncached"))

        // An edited note is rendered again, and stored: the next build renders it no more.
        let edited = try #require(
            names.first { try! !String(contentsOfFile: content + "/notes/" + $0, encoding: .utf8).contains("{{") })
        let handle = try #require(FileHandle(forWritingAtPath: content + "/notes/" + edited))
        handle.seekToEndOfFile()
        handle.write(Data("\nUne phrase de plus, et un [lien](https://example.org/).\n".utf8))
        handle.closeFile()
        #expect(try build("third").notesRendered == withFigures + 1)
        #expect(try build("fourth").notesRendered == withFigures)
        #expect(site("third") == site("fourth") && site("third") != site("first"))

        // A file cut short (a full disk, a build killed elsewhere) is not read, and is written whole again.
        let whole = try #require(FileManager.default.contents(atPath: stored))
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: stored))
        #expect(try build("fifth").notesRendered == names.count)
        #expect(FileManager.default.contents(atPath: stored) == whole)
        #expect(site("fourth") == site("fifth"))
    }

    @Test("a rendering comes back field for field, and no shortened entry decodes")
    func entriesRoundTrip() throws {
        let markdown = """
            # Titre « accentué »

            Un [lien relatif](../mediation/) et <https://example.org/a?b=c>, une image ![carte](/img/carte.png).

            ## Titre « accentué »

            Du `code` et du texte : fin.
            """
        let rendered = MarkdownRenderer.render(markdown, path: "notes/essai.md", firstLine: 7, allowRawHTML: false, frenchTypography: true)
        #expect(rendered.headings.count == 2 && rendered.links.count == 3 && rendered.diagnostics.isEmpty)
        var bytes: [UInt8] = []
        #expect(NoteRenderCache.EntryCoder.encode(rendered, into: &bytes))
        #expect(bytes.count == NoteRenderCache.EntryCoder.length(of: rendered))

        let decoded = try #require(NoteRenderCache.EntryCoder.decode(bytes, path: "notes/essai.md"))
        #expect(decoded.html == rendered.html)
        #expect(decoded.headings == rendered.headings)
        #expect(decoded.wordCount == rendered.wordCount)
        #expect(decoded.links == rendered.links)
        #expect(decoded.diagnostics.isEmpty)
        for length in 0..<bytes.count {
            #expect(NoteRenderCache.EntryCoder.decode(Array(bytes.prefix(length)), path: "notes/essai.md") == nil)
        }
        #expect(NoteRenderCache.EntryCoder.decode(bytes + [0], path: "notes/essai.md") == nil)
    }

    @Test("the key changes with the Markdown, the path, the first line and each option")
    func keysNameEverythingTheRenderingDependsOn() throws {
        let cache = try #require(NoteRenderCache(folder: "/cache/notes", contentRoot: "content"))
        func key(_ markdown: String = "# Titre", path: String = "notes/a.md", firstLine: Int = 5, raw: Bool = false, french: Bool = true)
            -> NoteRenderCache.Key
        {
            cache.key(markdown: markdown, path: path, firstLine: firstLine, allowRawHTML: raw, frenchTypography: french)
        }
        #expect(key() == key())
        let others = [key("# Titre!"), key(path: "notes/b.md"), key(firstLine: 6), key(raw: true), key(french: false)]
        #expect(Set(others + [key()]).count == others.count + 1)
        #expect(cache.path.hasPrefix("/cache/notes/") && cache.path.hasSuffix(".notes"))
        #expect(cache.rendererIdentity.contains(MarkdownRenderer.engineVersion))
    }
}
