import Foundation
import Testing
import VigieTestSupport

@Suite("Commitment status derived from the dates, the same on every page")
struct CommitmentStatusTests {
    /// Published on 2019-03-29 (SiteTree.siteYAML): Cdiscount typed in_progress 95 days after its
    /// deadline, Amazon met 32 days late, Rakuten met on time, a charter typed late before its deadline.
    static let milestones = """
        milestones:
          - id: solutions-amazon
            title: "Amazon : réponses"
            actor: amazon
            due: 2018-12-24
            status: done
            done_on: 2019-01-25
          - id: solutions-rakuten
            title: "Rakuten : réponses"
            actor: rakuten
            due: 2018-12-24
            status: done
            done_on: 2018-12-20
          - id: solutions-cdiscount
            title: "Cdiscount : réponses"
            actor: cdiscount
            due: 2018-12-24
            status: in_progress
          - id: charte
            title: "Charte de bonnes pratiques"
            actor: government
            due: 2019-06-30
            status: late

        """

    static func build() throws -> TemporaryFolder {
        let folder = TemporaryFolder()
        let content = SiteTree.withCases(
            SiteTree.rows(platform: "amazon", count: 6) + SiteTree.rows(platform: "cdiscount", count: 6, startingAt: 100),
            extra: ["milestones.yaml": milestones]
        ).write(into: folder)
        let run = try CommandRun.vigie(
            ["build", "--content", content, "--templates", Repository.templates, "--output", folder.path + "/_site"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty, "a contradicting typed status is derived, not warned about")
        return folder
    }

    /// The `<li>` of one commitment on a page.
    static func item(_ id: String, in page: String) -> String? {
        guard let start = page.range(of: "id=\"\(id)\"") else { return nil }
        let rest = page[start.lowerBound...]
        guard let end = rest.range(of: "</li>") else { return nil }
        return String(rest[..<end.lowerBound])
    }

    @Test("Cdiscount is late on /progres/, on its platform page and in the home summary; never 'en cours'")
    func cdiscountIsLateEverywhere() throws {
        let folder = try Self.build()
        let progress = try #require(folder.read("_site/progres/index.html"))
        let onProgress = try #require(Self.item("solutions-cdiscount", in: progress))
        #expect(progress.contains("<li class=\"milestone status-late\" id=\"solutions-cdiscount\">"))
        #expect(onProgress.contains(">En retard</span>"))
        #expect(onProgress.contains("En retard de 95 jours"))
        #expect(!onProgress.contains("En cours"))
        let lateGroup = try #require(progress.range(of: "id=\"groupe-late\"").map { String(progress[$0.lowerBound...]) })
        #expect(lateGroup.hasPrefix("id=\"groupe-late\">En retard <span class=\"count\">(1)</span>"))

        let platform = try #require(folder.read("_site/plateformes/cdiscount/index.html"))
        let onPlatform = try #require(Self.item("solutions-cdiscount", in: platform))
        #expect(onPlatform.contains("badge-late\">En retard</span>"))

        let home = try #require(folder.read("_site/index.html"))
        #expect(home.contains("2 engagements tenus sur 4 (dont 1 après l&#39;échéance), 1 en retard à ce jour."))
        #expect(home.contains("<span class=\"status-label\">En retard</span> <span class=\"status-count\">1</span>"))
        #expect(progress.contains("1 en retard, 1 en cours, 0 pas commencé, 1 tenu en retard, 1 tenu dans les délais."))
    }

    @Test("Amazon's commitment says it was met late, and by how many days")
    func amazonIsMetLate() throws {
        let folder = try Self.build()
        let progress = try #require(folder.read("_site/progres/index.html"))
        let amazon = try #require(Self.item("solutions-amazon", in: progress))
        #expect(amazon.contains("badge-done_late\">Tenu en retard</span>"))
        #expect(amazon.contains("Tenu le 25 janvier 2019"))
        #expect(amazon.contains("32 jours après l&#39;échéance"))
        let rakuten = try #require(Self.item("solutions-rakuten", in: progress))
        #expect(rakuten.contains("badge-done\">Tenu dans les délais</span>"))
        #expect(!rakuten.contains("échéance</strong>"))
    }

    @Test("a status typed late before the deadline is shown in progress, with no delay")
    func lateBeforeTheDeadlineIsInProgress() throws {
        let folder = try Self.build()
        let progress = try #require(folder.read("_site/progres/index.html"))
        let charter = try #require(Self.item("charte", in: progress))
        #expect(charter.contains("badge-in_progress\">En cours</span>"))
        #expect(!charter.contains("retard"))
    }
}
