import Foundation
import Testing
import VigieTestSupport

@Suite("Open-data contract 2: a status per cell, totals apart, shares in percent")
struct OpenDataContractTests {
    /// The CSV files of a built site's /donnees/, by name, as header + rows of fields.
    static func tables(in site: String) throws -> [String: (header: [String], rows: [[String]])] {
        var out: [String: (header: [String], rows: [[String]])] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: site + "/donnees") where name.hasSuffix(".csv") {
            let text = try String(contentsOfFile: site + "/donnees/" + name, encoding: .utf8)
            // No published field holds a comma in the case tables.
            let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            out[String(name.dropLast(4))] = (lines[0], Array(lines.dropFirst()))
        }
        return out
    }

    @Test("a naive sum over the detail rows of every count column equals its total when all are published; every cell has its status")
    func detailSumsAndStatuses() throws {
        let folder = TemporaryFolder()
        let site = SiteTree.withCases(
            SiteTree.rows(platform: "amazon", count: 30) + SiteTree.rows(platform: "cdiscount", count: 12, startingAt: 100)
                + SiteTree.rows(platform: "apple", count: 3, startingAt: 200) + SiteTree.rows(platform: "ebay", count: 9, startingAt: 300))
        let content = site.write(into: folder)
        let run = try CommandRun.vigie(
            ["build", "--content", content, "--templates", Repository.templates, "--output", folder.path + "/_site"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        let tables = try Self.tables(in: folder.path + "/_site")
        let statuses: Set<String> = ["published", "below_threshold", "masked", "small_group", "no_value"]
        var compared = 0
        for (name, table) in tables where name != "commitments" {
            for row in table.rows {
                #expect(row.first != "total", "\(name): a total row among the detail rows")
                for (c, column) in table.header.enumerated() where column.hasSuffix("_status") {
                    #expect(statuses.contains(row[c]), "\(name).\(column): \(row[c])")
                    // The value before its status is empty exactly when it is not published.
                    #expect(row[c - 1].isEmpty == (row[c] != "published"), "\(name).\(table.header[c - 1]) = '\(row[c - 1])' is \(row[c])")
                }
            }
            guard !name.hasSuffix("_totals"), name != "cases_by_issue", name != "platform_issue", let totals = tables[name + "_totals"] else { continue }
            for column in ["cases", "closed", "resolved"] {
                guard let c = table.header.firstIndex(of: column), let t = totals.header.firstIndex(of: column) else { continue }
                let total = Int(totals.rows[0][t])
                let sum = table.rows.compactMap { Int($0[c]) }.reduce(0, +)
                if table.rows.allSatisfy({ $0[c + 1] == "published" }), let total {
                    #expect(sum == total, "\(name).\(column): the detail rows sum to \(sum), the total is \(total)")
                    compared += 1
                } else if let total {
                    #expect(sum <= total, "\(name).\(column)")
                }
            }
        }
        #expect(compared >= 3)
        // 54 cases, all by platform: amazon 30, cdiscount 12, apple 3 (below 5), ebay 9.
        let platforms = try #require(tables["cases_by_platform"])
        #expect(platforms.rows.contains(["apple", "", "below_threshold", "", "small_group", "true"]))
        // A platform without cases has a share of 0, published with its count.
        #expect(platforms.rows.contains(["fnac-darty", "0", "published", "0", "published", "false"]))
        #expect(tables["cases_by_platform_totals"]?.rows == [["54", "published", "100", "published", "false"]])
        // A share is in percent, like revenue loss: between 0 and 100, never a fraction written 0.459.
        let resolution = try #require(tables["resolution_by_platform_totals"])
        let share = try #require(resolution.header.firstIndex(of: "share_resolved"))
        if let value = Double(resolution.rows[0][share]) { #expect(value >= 1 || value == 0) }
    }

    @Test("datapackage.json names contract 2 and documents every status")
    func packageDocumentsStatuses() throws {
        let folder = TemporaryFolder()
        let run = try CommandRun.vigie(
            ["build", "--content", Repository.content, "--templates", Repository.templates, "--output", folder.path + "/_site"],
            in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        let data = try #require(FileManager.default.contents(atPath: folder.path + "/_site/donnees/datapackage.json"))
        let package = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((package["version"] as? String)?.hasPrefix("2.2.0+") == true)
        let statuses = try #require(package["vigie:cell_statuses"] as? [String: String])
        #expect(Set(statuses.keys) == ["published", "below_threshold", "masked", "small_group", "no_value"])
        let names = (package["resources"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(names.contains("cases_by_platform_totals"))
        #expect(names.contains("platform_issue_totals"))
        #expect(!names.contains("cases_by_week_totals"))
        // /donnees/ links each totals file, and only those that exist.
        let page = try #require(folder.read("_site/donnees/index.html"))
        #expect(page.contains("href=\"cases_by_platform_totals.csv\""))
        #expect(!page.contains("cases_by_week_totals"))
        #expect(!page.contains("mediation_funnel_totals"))
    }
}

@Suite("A release stored under contract 1 stays readable and online as published")
struct FormatOneReleaseTests {
    @Test("the default content with a release stored by an earlier Vigie (format 1) builds, and serves that release's files unchanged")
    func formatOneReleaseIsServedAsPublished() throws {
        let folder = TemporaryFolder()
        let (release, run) = try Repository.buildDefaultContent(withOnlyRelease: "format-1/2019-01-31", in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        for name in ["cases_by_platform.csv", "platform_issue.json", "datapackage.json"] {
            let stored = FileManager.default.contents(atPath: release + "/donnees/" + name)
            #expect(stored != nil && FileManager.default.contents(atPath: folder.path + "/_site/publications/2019-01-31/donnees/" + name) == stored, "\(name)")
        }
        // Contract 1 had its total rows in the table and one flag per row; the frozen data page says so.
        let page = try #require(folder.read("_site/publications/2019-01-31/donnees/index.html"))
        #expect(page.contains("la colonne suppressed à true"))
        #expect(!page.contains("cases_by_platform_totals"))
        let stored = try #require(folder.read("_site/publications/2019-01-31/donnees/cases_by_platform.csv"))
        #expect(stored.hasPrefix("platform,cases,suppressed\n"))
        #expect(stored.contains("\ntotal,"))
    }
}
