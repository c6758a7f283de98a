import Foundation
import Testing
import VigieTestSupport

@Suite("vigie serve", .serialized)
struct ServeTests {
    @Test("serves the site, shows edits, overlays errors until they are fixed, and stops cleanly")
    func liveEditing() throws {
        let folder = TemporaryFolder()
        let site = SiteTree.withCases(SiteTree.rows(platform: "amazon", count: 12))
        site.write(into: folder)
        let server = try PreviewProcess(arguments: ["--content", "content", "--templates", Repository.templates], in: folder.path)
        defer { server.stop() }
        #expect(server.port != 0)

        let home = try RawHTTP.get(port: server.port, path: "/")
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        let note = try RawHTTP.get(port: server.port, path: "/notes/premiere-note/")
        #expect(note.body.contains("Un paragraphe."))

        let notePath = "content/notes/premiere-note.md"
        let original = try #require(folder.read(notePath))
        folder.write(notePath, original.replacingOccurrences(of: "Un paragraphe.", with: "Un texte tout neuf."))
        #expect(server.waitFor("/notes/premiere-note/") { $0.body.contains("Un texte tout neuf.") } != nil)

        folder.write(notePath, original.replacingOccurrences(of: "date: 2019-01-15", with: "date: 15/01/2019"))
        let broken = server.waitFor("/notes/premiere-note/") { $0.body.contains("vigie-errors") }
        #expect(broken?.body.contains("content/notes/premiere-note.md:3:7: error: ") == true)
        #expect(broken?.body.contains("Un texte tout neuf.") == true, "the last good build stays served")

        folder.write(notePath, original)
        #expect(server.waitFor("/notes/premiere-note/") { !$0.body.contains("vigie-errors") && $0.body.contains("Un paragraphe.") } != nil)
        #expect(server.stop() == 0)
    }

    @Test("with --poll (folders where file notifications do not arrive), edits are seen by scanning")
    func pollingPreview() throws {
        let folder = TemporaryFolder()
        SiteTree.withCases(SiteTree.rows(platform: "amazon", count: 6)).write(into: folder)
        let server = try PreviewProcess(
            arguments: ["--poll", "--content", "content", "--templates", Repository.templates], in: folder.path)
        defer { server.stop() }
        let notePath = "content/notes/premiere-note.md"
        let original = try #require(folder.read(notePath))
        folder.write(notePath, original + "\nVu par le balayage.\n")
        #expect(server.waitFor("/notes/premiere-note/") { $0.body.contains("Vu par le balayage.") } != nil)
        #expect(server.stop() == 0)
    }

    @Test("SIGTERM and SIGINT stop the server within seconds, after it has served and rebuilt", arguments: [SIGTERM, SIGINT])
    func stopsOnSignal(_ signal: Int32) throws {
        let folder = TemporaryFolder()
        SiteTree.withCases(SiteTree.rows(platform: "amazon", count: 6)).write(into: folder)
        let server = try PreviewProcess(arguments: ["--content", "content", "--templates", Repository.templates], in: folder.path)
        #expect(try RawHTTP.get(port: server.port, path: "/").status == 200)
        let notePath = "content/notes/premiere-note.md"
        let original = try #require(folder.read(notePath))
        folder.write(notePath, original + "\nUne phrase de plus.\n")
        #expect(server.waitFor("/notes/premiere-note/") { $0.body.contains("Une phrase de plus.") } != nil)
        #expect(server.stop(signal: signal, within: 5) == 0)
    }

    @Test(
        "paths that try to leave the served folder get 400 or 404, never the file",
        arguments: [
            "/../Package.swift", "/%2e%2e/Package.swift", "/%2E%2E%2FPackage.swift", "/..%2fPackage.swift", "/%252e%252e/Package.swift",
            "/notes/../../Package.swift", "/.%2e/.%2e/content/site.yaml",
        ])
    func noEscape(path: String) throws {
        let folder = TemporaryFolder()
        SiteTree.withCases(SiteTree.rows(platform: "amazon", count: 6)).write(into: folder)
        folder.write("Package.swift", "secret package file")
        let server = try PreviewProcess(arguments: ["--content", "content", "--templates", Repository.templates], in: folder.path)
        defer { server.stop() }
        let response = try RawHTTP.get(port: server.port, path: path)
        #expect([400, 404].contains(response.status), "\(path) → \(response.status)")
        #expect(!response.body.contains("secret package file"))
        #expect(!response.body.contains("publication_date"))
    }

    @Test("request heads past 8 KB are refused at once (414, 431), and the next request is answered")
    func oversizedRequestHeads() throws {
        let folder = TemporaryFolder()
        SiteTree.withCases(SiteTree.rows(platform: "amazon", count: 6)).write(into: folder)
        let server = try PreviewProcess(arguments: ["--content", "content", "--templates", Repository.templates], in: folder.path)
        defer { server.stop() }
        #expect(try RawHTTP.get(port: server.port, path: "/").status == 200)
        // FlyingFox read a request line in quadratic time: two of 300 KB froze the preview for 90 s.
        let start = ContinuousClock.now
        let longLine = Array("GET /\(String(repeating: "a", count: 300_000)) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8)
        let manyHeaders = Array("GET / HTTP/1.1\r\n\(String(repeating: "X-Filler: 0123456789\r\n", count: 15_000))\r\n".utf8)
        let refusedLine = try RawHTTP.exchange(port: server.port, request: longLine, timeout: 10)
        let refusedHeaders = try RawHTTP.exchange(port: server.port, request: manyHeaders, timeout: 10)
        let next = try RawHTTP.get(port: server.port, path: "/notes/premiere-note/", timeout: 10)
        let elapsed = ContinuousClock.now - start
        #expect(refusedLine.status == 414)
        #expect(refusedHeaders.status == 431)
        #expect(next.status == 200 && next.body.contains("Un paragraphe."))
        #expect(elapsed < .seconds(10), "took \(elapsed)")
    }

    @Test("files are served with their content type; folders as index.html; unknown paths get the 404 page")
    func contentTypes() throws {
        let folder = TemporaryFolder()
        SiteTree.withCases(SiteTree.rows(platform: "amazon", count: 6)).write(into: folder)
        let server = try PreviewProcess(arguments: ["--content", "content", "--templates", Repository.templates], in: folder.path)
        defer { server.stop() }
        #expect(try RawHTTP.get(port: server.port, path: "/assets/style.css").headers["content-type"] == "text/css; charset=utf-8")
        #expect(
            try RawHTTP.get(port: server.port, path: "/donnees/cases_by_platform.csv").headers["content-type"] == "text/csv; charset=utf-8")
        #expect(try RawHTTP.get(port: server.port, path: "/feed.xml").headers["content-type"] == "application/atom+xml; charset=utf-8")
        let missing = try RawHTTP.get(port: server.port, path: "/nulle-part/")
        #expect(missing.status == 404)
        #expect(missing.body.contains("<h1>"))
    }

    @Test("an unknown address under /en/ gets the English 404 page, elsewhere the French one")
    func notFoundPerEdition() throws {
        let folder = TemporaryFolder()
        let server = try PreviewProcess(
            arguments: ["--content", Repository.content, "--templates", Repository.templates], in: folder.path)
        defer { server.stop() }
        let english = try RawHTTP.get(port: server.port, path: "/en/nowhere/")
        #expect(english.status == 404)
        #expect(english.body.contains("<h1>Page not found</h1>"))
        let french = try RawHTTP.get(port: server.port, path: "/nulle-part/")
        #expect(french.status == 404)
        #expect(french.body.contains("<html lang=\"fr\">") && !french.body.contains("Page not found"))
    }

    @Test(
        "a folder without its slash is redirected to a path of this site, never to '//…' (another host)",
        arguments: [("/notes", "/notes/"), ("//notes", "/notes/"), ("///notes", "/notes/"), ("/./notes", "/notes/")])
    func folderRedirect(path: String, location: String) throws {
        let folder = TemporaryFolder()
        SiteTree.withCases(SiteTree.rows(platform: "amazon", count: 6)).write(into: folder)
        let server = try PreviewProcess(arguments: ["--content", "content", "--templates", Repository.templates], in: folder.path)
        defer { server.stop() }
        let response = try RawHTTP.get(port: server.port, path: path)
        #expect(response.status == 301)
        #expect(response.headers["location"] == location)
    }

    @Test("the preview folder has a random name, and one left by a killed preview is removed by the next")
    func previewFolder() throws {
        let folder = TemporaryFolder()
        SiteTree.withCases(SiteTree.rows(platform: "amazon", count: 6)).write(into: folder)
        let temporary = TemporaryFolder("vigie-tmp")
        // Not the preview's: no marker, or a marker naming a live process (this one).
        temporary.write("vigie-preview-unmarked/keep.txt", "someone else's")
        temporary.write("vigie-preview-alive/.vigie-preview-owner", "\(getpid())\n")
        let arguments = ["--content", "content", "--templates", Repository.templates]
        let first = try PreviewProcess(arguments: arguments, in: folder.path, environment: ["TMPDIR": temporary.path])
        #expect(try RawHTTP.get(port: first.port, path: "/").status == 200)
        let ownFolders = { () throws -> [String] in
            try FileManager.default.contentsOfDirectory(atPath: temporary.path).filter {
                temporary.read($0 + "/.vigie-preview-owner") != nil && !$0.hasSuffix("-alive")
            }
        }
        let made = try ownFolders()
        #expect(made.count == 1)
        #expect(made.first != "vigie-preview-\(first.process.processIdentifier)", "the name is not the pid")
        #expect(temporary.read(made[0] + "/.vigie-preview-owner") == "\(first.process.processIdentifier)\n")

        #expect(first.stop(signal: SIGKILL, within: 5) != 0)
        #expect(try ownFolders() == made, "a kill leaves it behind")
        let second = try PreviewProcess(arguments: arguments, in: folder.path, environment: ["TMPDIR": temporary.path])
        defer { second.stop() }
        #expect(try RawHTTP.get(port: second.port, path: "/").status == 200)
        let now = try ownFolders()
        #expect(now.count == 1 && now != made, "the stale folder is gone, the new preview has its own")
        #expect(temporary.exists("vigie-preview-unmarked/keep.txt"))
        #expect(temporary.exists("vigie-preview-alive"))
    }
}
