import Foundation
import Testing
import VigieTestSupport

@Suite("vigie new note")
struct NewNoteTests {
    @Test("creates a draft with valid front matter and a slug with accents folded; refuses to overwrite")
    func createsOnce() throws {
        let folder = TemporaryFolder()
        SiteTree.withCases(SiteTree.rows(platform: "amazon", count: 6)).write(into: folder)
        let first = try CommandRun.vigie(
            ["new", "note", "Bilan de la médiation : « premiers résultats »", "--date", "2019-03-01"], in: folder.path)
        #expect(first.status == 0, "\(first.stderr)")
        let text = try #require(folder.read("content/notes/bilan-de-la-mediation-premiers-resultats.md"))
        #expect(text.hasPrefix("---\ntitle: \"Bilan de la médiation : « premiers résultats »\"\ndate: 2019-03-01\n"))
        let check = try CommandRun.vigie(["check", "--templates", Repository.templates], in: folder.path)
        #expect(check.status == 0, "\(check.stderr)")
        let second = try CommandRun.vigie(["new", "note", "Bilan de la médiation : « premiers résultats »"], in: folder.path)
        #expect(second.status == 1)
        #expect(second.stderr.contains("already exists"))
        #expect(folder.read("content/notes/bilan-de-la-mediation-premiers-resultats.md") == text)
    }

    @Test("a title holding a line '---' makes a note that check accepts")
    func titleWithFence() throws {
        let folder = TemporaryFolder()
        SiteTree.withCases(SiteTree.rows(platform: "amazon", count: 6)).write(into: folder)
        let created = try CommandRun.vigie(["new", "note", "Avant\n---\nAprès \"citation\"", "--date", "2019-03-01"], in: folder.path)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(folder.read("content/notes/avant-apres-citation.md")?.contains(#"title: "Avant\n---\nAprès \"citation\"""#) == true)
        let check = try CommandRun.vigie(["check", "--templates", Repository.templates], in: folder.path)
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test("a 300-character title makes a slug check accepts")
    func longTitle() throws {
        let folder = TemporaryFolder()
        SiteTree.withCases(SiteTree.rows(platform: "amazon", count: 6)).write(into: folder)
        let created = try CommandRun.vigie(["new", "note", String(repeating: "Médiation des entreprises ", count: 12)], in: folder.path)
        #expect(created.status == 0, "\(created.stderr)")
        let notes = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/content/notes").filter { $0.hasPrefix("mediation") }
        #expect(notes.count == 1)
        #expect((notes.first?.count ?? 0) <= 100 + ".md".count)
        let check = try CommandRun.vigie(["check", "--templates", Repository.templates], in: folder.path)
        #expect(check.status == 0, "\(check.stderr)")
    }
}
