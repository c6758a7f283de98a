import Foundation
import Testing
import VigieTestSupport

@Suite("What changed since the previous stored release")
struct WhatChangedTests {
    /// `count` cases on `platform` reported on `date`.
    static func rows(_ platform: String, _ count: Int, on date: String, from first: Int) -> [String] {
        (0..<count).map { "W-\(first + $0),\(date),\(platform),delisting,micro,11,publishing,,received,,," }
    }

    /// 20 cases released on 2019-01-31, then `later` more cases and a build on 2019-03-29.
    static func site(newCases later: Int) throws -> TemporaryFolder {
        let folder = TemporaryFolder()
        SiteTree.withCases(rows("amazon", 20, on: "2018-11-20", from: 1)).write(into: folder)
        SiteTree.setPublicationDate("2019-01-31", in: folder)
        let release = try CommandRun.vigie(["release", "--templates", Repository.templates], in: folder.path)
        #expect(release.status == 0, "\(release.stderr)")
        SiteTree.withCases(rows("amazon", 20, on: "2018-11-20", from: 1) + rows("amazon", later, on: "2019-02-10", from: 100)).write(
            into: folder)
        return folder
    }

    @Test("the change shown is the difference with the stored release")
    func differenceWithStoredRelease() throws {
        let folder = try Self.site(newCases: 7)
        let run = try CommandRun.vigie(["build", "--templates", Repository.templates], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        let home = try #require(folder.read("_site/index.html"))
        #expect(home.contains("+7 depuis le 31 janvier 2019"))
        let statistics = try #require(folder.read("_site/statistiques/index.html"))
        #expect(statistics.contains("+7 dossiers depuis le 31 janvier 2019."))
    }

    @Test("a change of 1 to k−1 cases is not published: it would single out the new cases")
    func smallChangeWithheld() throws {
        let folder = try Self.site(newCases: 3)
        let run = try CommandRun.vigie(["build", "--templates", Repository.templates], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        let home = try #require(folder.read("_site/index.html"))
        #expect(!home.contains("+3 depuis"))
        #expect(home.contains("évolution non publiée (secret statistique)"))
        let statistics = try #require(folder.read("_site/statistiques/index.html"))
        #expect(statistics.contains("L&#39;évolution depuis le 31 janvier 2019 n&#39;est pas publiée (secret statistique)."))
    }

    @Test("with no stored release, nothing is compared")
    func noStoredRelease() throws {
        let folder = TemporaryFolder()
        SiteTree.withCases(Self.rows("amazon", 20, on: "2018-11-20", from: 1)).write(into: folder)
        let run = try CommandRun.vigie(["build", "--templates", Repository.templates], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        let statistics = try #require(folder.read("_site/statistiques/index.html"))
        #expect(!statistics.contains("depuis le"))
        #expect(statistics.contains("chiffres provisoires"))
    }
}
