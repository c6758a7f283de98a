import Foundation
import Testing
import VigieInput
import VigieTestSupport

@Suite("Delays worth citing: quartiles, transmission → closure, per platform, and the open-case bias beside them")
struct DelayTests {
    /// A case reported on 2018-11-05, referred `referral` days later and, with `mediation`, closed
    /// that many days after referral (resolved), else still in mediation.
    static func row(_ id: String, platform: String, referral: Int, mediation: Int?) -> String {
        let reported = Day(iso: "2018-11-05")!
        let referred = reported.adding(days: referral)
        var changes = ["platform": platform, "referred_on": referred.iso]
        if let mediation {
            changes["closed_on"] = referred.adding(days: mediation).iso
        } else {
            changes.merge(["status": "in_mediation", "closed_on": "", "outcome": ""]) { $1 }
        }
        return SiteTree.caseRow(changes, id: id)
    }

    /// Amazon and Fnac Darty: six closed cases each, referred after 10, 12 … 20 days and closed 30,
    /// 32 … 40 days after referral; Cdiscount (2 cases) and eBay (3) follow the same pattern: groups
    /// under k = 5. Rakuten's five cases were referred after 30 days and are still in mediation.
    static var rows: [String] {
        var rows: [String] = []
        for (platform, count) in [("amazon", 6), ("fnac-darty", 6), ("cdiscount", 2), ("ebay", 3)] {
            for i in 0..<count { rows.append(row("\(platform)-\(i)", platform: platform, referral: 10 + 2 * i, mediation: 30 + 2 * i)) }
        }
        for i in 0..<5 { rows.append(row("rakuten-\(i)", platform: "rakuten", referral: 30, mediation: nil)) }
        return rows
    }

    static func build() throws -> TemporaryFolder {
        let folder = TemporaryFolder()
        let run = try SiteTree.withCases(rows).build(in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        return folder
    }

    @Test("days_to_stage has the first and third quartiles beside the median, and the delay from transmission to closure")
    func quartilesAndMediation() throws {
        let folder = try Self.build()
        let csv = try #require(folder.read("_site/donnees/days_to_stage.csv"))
        // Referral: 22 cases (10 ×4, 12 ×4, 14 ×3, 16 ×2, 18 ×2, 20 ×2, 30 ×5): median 15, quartiles 12 and 20.
        // Closure (17 cases, 40 ×4 … 60 ×2 days): 48, 44, 52. Transmission → closure: the 17 closed cases
        // only, not Rakuten's five still in mediation: 34, 32, 36.
        #expect(
            csv == """
                stage,cases,cases_status,median_days,median_days_status,q1_days,q1_days_status,q3_days,q3_days_status,suppressed
                referred,22,published,15,published,12,published,20,published,false
                closed,17,published,48,published,44,published,52,published,false
                referred_to_closed,17,published,34,published,32,published,36,published,false

                """)
    }

    @Test("per platform: the delays of groups of k cases or more; a smaller group's statistics are withheld as small_group")
    func perPlatform() throws {
        let folder = try Self.build()
        let csv = try #require(folder.read("_site/donnees/days_to_stage_by_platform.csv"))
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(
            lines[0]
                == "platform,stage,cases,cases_status,median_days,median_days_status,q1_days,q1_days_status,q3_days,q3_days_status,suppressed"
        )
        // Amazon: referred after 10 … 20 days: median 15, quartiles 12.5 and 17.5; closed 40 … 60 days
        // after report: 50, 45, 55; mediation 30 … 40 days: 35, 32.5, 37.5.
        #expect(lines.contains("amazon,referred,6,published,15,published,12.5,published,17.5,published,false"))
        #expect(lines.contains("amazon,closed,6,published,50,published,45,published,55,published,false"))
        #expect(lines.contains("amazon,referred_to_closed,6,published,35,published,32.5,published,37.5,published,false"))
        // Rakuten: referred, none closed yet: no delay to closure ("—"), not a delay of 0.
        #expect(lines.contains("rakuten,referred,5,published,30,published,30,published,30,published,false"))
        #expect(lines.contains("rakuten,referred_to_closed,0,published,,no_value,,no_value,,no_value,false"))
        // Cdiscount's two cases: "< 5" and no statistic ("n. p."), never a median of two businesses.
        let cdiscount = lines.filter { $0.hasPrefix("cdiscount,") }
        #expect(cdiscount.count == 3)
        for line in cdiscount {
            #expect(line.contains(",,small_group,,small_group,,small_group,"), "\(line)")
            #expect(!line.contains(",published,"), "\(line)")
        }
        // Every platform has its three rows, so each delay's cases add up to days_to_stage's.
        #expect(lines.count == 1 + 3 * SiteConfig(publicationDate: Day(iso: "2019-03-29")!).platforms.keys.count)
        let json = try #require(folder.read("_site/donnees/days_to_stage_by_platform.json"))
        #expect(json.contains("\"q1_days_status\": \"small_group\""))
    }

    @Test("the open-case bias is stated next to the delays on /statistiques/ and on a platform page, with the cases still waiting")
    func openCaseBias() throws {
        let folder = try Self.build()
        let statistics = try #require(folder.read("_site/statistiques/index.html"))
        #expect(statistics.contains("id=\"days-to-stage-by-platform\""))
        #expect(statistics.contains("ceux qui l&#39;attendent encore n&#39;y entrent pas"))
        // With the cases still waiting, as case_paths publishes them: Rakuten's five in mediation.
        #expect(statistics.contains("0 dossiers attendent encore leur transmission au médiateur et 5 sont en médiation."))
        #expect(statistics.contains("class=\"chart-ranges\""))
        // The chart's text gives the median and quartiles of each delay.
        #expect(statistics.contains("15 j (de 12 à 20)"))

        let amazon = try #require(folder.read("_site/plateformes/amazon/index.html"))
        #expect(amazon.contains("id=\"delais\""))
        #expect(amazon.contains("De la transmission à la clôture"))
        #expect(amazon.contains("32,5"))
        #expect(amazon.contains("5 sont en médiation"))
        #expect(amazon.contains("href=\"../../donnees/days_to_stage_by_platform.csv\" download"))
        #expect(amazon.contains("href=\"delais/\""))
        // Cdiscount's delays are not published: a table of "n. p.", no chart.
        let cdiscount = try #require(folder.read("_site/plateformes/cdiscount/index.html"))
        #expect(cdiscount.contains("id=\"delais\""))
        #expect(cdiscount.contains("n.\u{00A0}p.") || cdiscount.contains("n. p."))
        #expect(cdiscount.contains("id=\"delais-heading\""))
        #expect(!cdiscount.contains("id=\"delais-chart"))
        #expect(!folder.exists("_site/plateformes/cdiscount/delais/cdiscount-delais.svg"))
    }

    @Test("datapackage.json describes the quartile columns and the per-platform table")
    func dataPackage() throws {
        let folder = try Self.build()
        let package = try #require(folder.read("_site/donnees/datapackage.json"))
        #expect(package.contains("\"name\": \"days_to_stage_by_platform\""))
        #expect(package.contains("\"name\": \"q1_days\""))
        #expect(package.contains("1er quartile (jours)"))
        #expect(package.contains("\"referred_to_closed\": \"De la transmission à la clôture\""))
    }
}
