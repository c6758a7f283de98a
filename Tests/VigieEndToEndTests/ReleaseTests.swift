// `vigie release` and stored releases: a series of publications whose past stays as it was published.

import Foundation
import Testing
import VigieTestSupport

@Suite("Stored releases")
struct ReleaseTests {
    static let dateA = "2019-01-31"
    static let dateB = "2019-03-29"

    /// A case row; `referred` and `closed` dates make a resolved case.
    static func row(_ id: String, _ reported: String, _ platform: String, status: String = "received", referred: String = "", closed: String = "")
        -> String
    {
        "\(id),\(reported),\(platform),delisting,micro,11,publishing,,\(status),\(referred),\(closed),\(status == "resolved" ? "reinstated" : "")"
    }

    /// What was known on 2019-01-31: 25 cases on amazon, 10 on cdiscount, 8 on fnac-darty.
    static var casesAtA: [String] {
        (1...25).map { row("A-\($0)", "2018-11-\(10 + $0 % 18)", "amazon") } + (1...10).map { row("C-\($0)", "2018-12-0\(1 + $0 % 9)", "cdiscount") }
            + (1...8).map { row("F-\($0)", "2019-01-1\($0 % 9)", "fnac-darty") }
    }

    /// A site released on 2019-01-31 (built before and after its release), in a fresh folder.
    static func releasedAtA() throws -> TemporaryFolder {
        let folder = TemporaryFolder()
        SiteTree.withCases(casesAtA).write(into: folder)
        SiteTree.setPublicationDate(dateA, in: folder)
        let release = try CommandRun.vigie(["release", "--templates", Repository.templates], in: folder.path)
        #expect(release.status == 0, "\(release.stderr)")
        #expect(release.stdout.contains("released \(dateA)"))
        #expect(release.stdout.contains("commit"))
        return folder
    }

    static func build(_ folder: TemporaryFolder, into output: String) throws -> CommandRun {
        try CommandRun.vigie(["build", "--templates", Repository.templates, "--output", output], in: folder.path)
    }

    @Test("a release stays online as published, while the current pages show the new figures, what changed and the revisions")
    func seriesOfReleases() throws {
        let folder = try Self.releasedAtA()
        let atA = try Self.build(folder, into: "site-a")
        #expect(atA.status == 0, "\(atA.stderr)")

        // Two retroactive corrections (a platform, a status with its dates) and twenty new cases.
        var cases = Self.casesAtA
        cases[0] = Self.row("A-1", "2018-11-11", "cdiscount")
        cases[1] = Self.row("A-2", "2018-11-12", "amazon", status: "resolved", referred: "2018-12-01", closed: "2018-12-15")
        cases += (1...10).map { Self.row("N-\($0)", "2019-02-1\($0 % 9)", "fnac-darty") }
        cases += (1...10).map { Self.row("M-\($0)", "2019-02-1\($0 % 9)", "amazon") }
        folder.write("content/cases/cases.csv", ([SiteTree.header] + cases).joined(separator: "\n") + "\n")
        SiteTree.setPublicationDate(Self.dateB, in: folder)
        let atB = try Self.build(folder, into: "site-b")
        #expect(atB.status == 0, "\(atB.stderr)")
        let release = try CommandRun.vigie(["release", "--templates", Repository.templates], in: folder.path)
        #expect(release.status == 0, "\(release.stderr)")
        let afterB = try Self.build(folder, into: "site-b2")
        #expect(afterB.status == 0, "\(afterB.stderr)")

        // /publications/A/… is the same bytes in every later build.
        let frozenA = SiteTree.files(under: folder.path + "/site-a/publications/\(Self.dateA)")
        #expect(frozenA.keys.contains("statistiques/index.html"))
        #expect(frozenA.keys.contains("donnees/cases_by_platform.csv"))
        #expect(frozenA.keys.contains("donnees/index.html"))
        for output in ["site-b", "site-b2"] {
            let later = SiteTree.files(under: folder.path + "/\(output)/publications/\(Self.dateA)")
            #expect(Set(later.keys) == Set(frozenA.keys))
            for (path, bytes) in frozenA { #expect(later[path] == bytes, "\(output)/publications/\(Self.dateA)/\(path) changed") }
        }
        let frozenCSV = try #require(folder.read("site-b2/publications/\(Self.dateA)/donnees/cases_by_platform.csv"))
        #expect(frozenCSV.contains("amazon,25,published,"))

        // The current pages: B's figures, what changed since A, the revisions of A.
        let current = try #require(folder.read("site-b2/donnees/cases_by_platform.csv"))
        #expect(current.contains("amazon,34,published,54,published,false"))
        #expect(current.contains("cdiscount,11,published,17.5,published,false"))
        let currentTotals = try #require(folder.read("site-b2/donnees/cases_by_platform_totals.csv"))
        #expect(currentTotals == "cases,cases_status,share,share_status,suppressed\n63,published,100,published,false\n")
        let statistics = try #require(folder.read("site-b/statistiques/index.html"))
        #expect(statistics.contains("+20 dossiers depuis le 31 janvier 2019."))
        #expect(statistics.contains("Dossiers par plateforme — Amazon (Dossiers)\u{00A0}: 25 publié, 24 après révision"))
        #expect(statistics.contains("Révisions de la publication du 31 janvier 2019"))
        #expect(statistics.contains("Dossiers par plateforme — Cdiscount (Dossiers)\u{00A0}: 10 publié, 11 après révision"))
        #expect(statistics.contains("révisé, nouvelle valeur non publiable"))
        #expect(statistics.contains("chiffres provisoires"))
        let home = try #require(folder.read("site-b/index.html"))
        #expect(home.contains("Révisions de la publication du 31 janvier 2019"))

        // Once B is released, its figures cite their dated permalink; the calendar lists both.
        let released = try #require(folder.read("site-b2/statistiques/index.html"))
        #expect(released.contains("https://essai.example.org/publications/\(Self.dateB)/statistiques/#cases-by-platform"))
        let calendar = try #require(folder.read("site-b2/publications/index.html"))
        #expect(calendar.contains("Publication du 31 janvier 2019"))
        #expect(calendar.contains("Publication du 29 mars 2019"))
        #expect(calendar.contains("Cdiscount (Dossiers)\u{00A0}: 10 publié, 11 après révision"))
        let feed = try #require(folder.read("site-b2/feed.xml"))
        #expect(feed.contains("https://essai.example.org/publications/\(Self.dateA)/"))
        #expect(feed.contains("https://essai.example.org/publications/\(Self.dateB)/"))
        let package = try #require(folder.read("site-b2/donnees/datapackage.json"))
        #expect(package.contains("\"version\": \"2.2.0+\(Self.dateB)\""))
        let sitemap = try #require(folder.read("site-b2/sitemap.xml"))
        #expect(sitemap.contains("publications/\(Self.dateA)/statistiques/"))
    }

    @Test("a stored release is never rewritten: release refuses, build points at publication_date")
    func neverRewritten() throws {
        let folder = try Self.releasedAtA()
        let again = try CommandRun.vigie(["release", "--templates", Repository.templates], in: folder.path)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("identical"))

        folder.write("content/cases/cases.csv", ([SiteTree.header] + Self.casesAtA + [Self.row("X-1", "2019-01-20", "amazon")]).joined(separator: "\n") + "\n")
        let rewrite = try CommandRun.vigie(["release", "--templates", Repository.templates], in: folder.path)
        #expect(rewrite.status == 1)
        #expect(rewrite.stderr.contains("never rewritten"))
        #expect(rewrite.stderr.contains("publication_date"))
        let build = try Self.build(folder, into: "_site")
        #expect(build.status == 1)
        #expect(build.stderr.contains("content/site.yaml:3:1: error: a release is already stored for this date and today's data changes its figures"))
        #expect(!folder.exists("_site"))
    }

    @Test("a changed, missing or unlisted file and a bad manifest are located errors")
    func tamperedRelease() throws {
        let folder = try Self.releasedAtA()
        let release = "content/publications/\(Self.dateA)"
        let csv = try #require(folder.read(release + "/donnees/cases_by_platform.csv"))
        folder.write(release + "/donnees/cases_by_platform.csv", csv.replacingOccurrences(of: "amazon,25", with: "amazon,26"))
        try FileManager.default.removeItem(atPath: folder.path + "/" + release + "/donnees/cases_by_week.json")
        folder.write(release + "/notes.txt", "ajouté à la main\n")
        let manifest = try #require(folder.read(release + "/manifest.json"))
        let lines = manifest.split(separator: "\n").map(String.init)
        let platformLine = try #require(lines.firstIndex { $0.contains("\"donnees/cases_by_platform.csv\"") }) + 1
        let weekLine = try #require(lines.firstIndex { $0.contains("\"donnees/cases_by_week.json\"") }) + 1

        let run = try Self.build(folder, into: "_site")
        #expect(run.status == 1)
        let errors = run.stderrLines
        #expect(errors.contains { $0.hasPrefix("content/publications/\(Self.dateA)/manifest.json:\(platformLine):1: error: donnees/cases_by_platform.csv does not match its SHA-256") })
        #expect(errors.contains { $0.hasPrefix("content/publications/\(Self.dateA)/manifest.json:\(weekLine):1: error: donnees/cases_by_week.json is listed in manifest.json but missing") })
        #expect(errors.contains { $0.hasPrefix("content/publications/\(Self.dateA)/notes.txt: error: file not listed in manifest.json") })
        #expect(!run.stderr.contains("26"))
        #expect(!folder.exists("_site"))

        folder.write(release + "/manifest.json", manifest.replacingOccurrences(of: "\"threshold\": 5,", with: "\"threshold\": 5"))
        let bad = try Self.build(folder, into: "_site")
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("content/publications/\(Self.dateA)/manifest.json:4:1: error: manifest.json is not valid JSON"))
    }

    @Test("a correction that lowers a published count (a case moved to another platform) builds")
    func loweredCount() throws {
        let folder = try Self.releasedAtA()
        var cases = Self.casesAtA
        cases[0] = Self.row("A-1", "2018-11-11", "cdiscount")
        cases += (1...10).map { Self.row("N-\($0)", "2019-02-1\($0 % 9)", "fnac-darty") }
        folder.write("content/cases/cases.csv", ([SiteTree.header] + cases).joined(separator: "\n") + "\n")
        SiteTree.setPublicationDate(Self.dateB, in: folder)
        let run = try Self.build(folder, into: "_site")
        // This crashed once (an overflow in secondary suppression's bound propagation, which read the
        // contradiction "counts only grow" as ever-narrower ranges); it now builds and announces the revision.
        #expect(run.status == 0, "\(run.stderr.prefix(300))")
        let calendar = try #require(folder.read("_site/publications/index.html"))
        #expect(calendar.contains("Amazon (Dossiers)"))
    }

    @Test("a folder that is not a date, and a release dated after publication_date, are errors")
    func misplacedRelease() throws {
        let folder = try Self.releasedAtA()
        try FileManager.default.copyItem(
            atPath: folder.path + "/content/publications/\(Self.dateA)", toPath: folder.path + "/content/publications/derniere")
        SiteTree.setPublicationDate("2019-01-30", in: folder)
        folder.write("content/cases/cases.csv", ([SiteTree.header] + Self.casesAtA.prefix(35)).joined(separator: "\n") + "\n")
        let run = try Self.build(folder, into: "_site")
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/publications/derniere: error:"))
        #expect(run.stderr.contains("content/publications/\(Self.dateA)/manifest.json:3:1: error: release \(Self.dateA) is dated after publication_date 2019-01-30"))
    }

    @Test("previous_publications gives the commands that store past publications")
    func migration() throws {
        let folder = TemporaryFolder()
        SiteTree.withCases(Self.casesAtA).write(into: folder)
        let site = try #require(folder.read("content/site.yaml"))
        folder.write("content/site.yaml", site + "previous_publications: [2018-12-20, 2019-01-31]\n")
        let run = try CommandRun.vigie(["build", "--templates", Repository.templates], in: folder.path)
        #expect(run.status == 1)
        let line = try #require(run.stderrLines.first { $0.contains("previous_publications") })
        #expect(line.hasPrefix("content/site.yaml:5:1: error: 'previous_publications' is no longer read"))
        #expect(line.contains("set 'publication_date: 2018-12-20' and run `vigie release`, then set 'publication_date: 2019-01-31' and run `vigie release`"))
        #expect(line.contains("set 'publication_date: 2019-03-29' again"))
    }
}
