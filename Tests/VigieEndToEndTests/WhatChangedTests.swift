import Foundation
import Testing
import VigieTestSupport

@Suite("What changed since the previous publication")
struct WhatChangedTests {
    /// `count` cases on `platform` reported on `date`.
    static func rows(_ platform: String, _ count: Int, on date: String, from first: Int) -> [String] {
        (0..<count).map { "W-\(first + $0),\(date),\(platform),delisting,micro,11,publishing,,received,,," }
    }

    @Test("the change shown is the difference of the two as-of computations")
    func differenceOfAsOf() throws {
        let folder = TemporaryFolder()
        // 20 cases before the previous publication (2019-01-31), 7 after.
        let cases = Self.rows("amazon", 20, on: "2018-11-20", from: 1) + Self.rows("amazon", 7, on: "2019-02-10", from: 100)
        SiteTree.withCases(cases).write(into: folder)
        let run = try CommandRun.vigie(["build", "--templates", Repository.templates], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        let home = try #require(folder.read("_site/index.html"))
        #expect(home.contains("+7 depuis le 31 janvier 2019"))
        let statistics = try #require(folder.read("_site/statistiques/index.html"))
        #expect(statistics.contains("+7 signalements depuis le 31 janvier 2019."))
    }

    @Test("a change of 1 to k−1 cases is not published: it would single out the new cases")
    func smallChangeWithheld() throws {
        let folder = TemporaryFolder()
        let cases = Self.rows("amazon", 20, on: "2018-11-20", from: 1) + Self.rows("amazon", 3, on: "2019-02-10", from: 100)
        SiteTree.withCases(cases).write(into: folder)
        let run = try CommandRun.vigie(["build", "--templates", Repository.templates], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        let home = try #require(folder.read("_site/index.html"))
        #expect(!home.contains("+3 depuis"))
        #expect(home.contains("évolution non publiée (secret statistique)"))
        let statistics = try #require(folder.read("_site/statistiques/index.html"))
        #expect(statistics.contains("L&#39;évolution depuis le 31 janvier 2019 n&#39;est pas publiée (secret statistique)."))
    }
}
