import Foundation
import Testing
import VigieTestSupport

@Suite("Case paths: the funnel told as the paths cases really take, which add up")
struct CasePathsTests {
    /// 40 cases published on 2019-03-29, `count` on each path.
    static func rows(
        openNotReferred: Int = 7, closedNotReferred: Int = 6, openReferred: Int = 5, resolved: Int = 9, notResolved: Int = 8,
        withdrawnAfterReferral: Int = 5
    ) -> [String] {
        var rows: [String] = []
        var n = 0
        func add(_ count: Int, _ changes: [String: String]) {
            for _ in 0..<count {
                n += 1
                rows.append(SiteTree.caseRow(changes, id: "P-\(n)"))
            }
        }
        let open = ["referred_on": "", "closed_on": "", "outcome": ""]
        add(openNotReferred, open.merging(["status": "qualified"]) { $1 })
        add(closedNotReferred, ["status": "withdrawn", "referred_on": "", "outcome": "abandoned"])
        add(openReferred, ["status": "in_mediation", "closed_on": "", "outcome": ""])
        add(resolved, [:])
        add(notResolved, ["status": "not_resolved", "outcome": "no_agreement"])
        add(withdrawnAfterReferral, ["status": "withdrawn", "outcome": "abandoned"])
        return rows
    }

    static func build(_ rows: [String]) throws -> TemporaryFolder {
        let folder = TemporaryFolder()
        let run = try SiteTree.withCases(rows).build(in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        return folder
    }

    /// The rows of a published CSV as dictionaries.
    static func csv(_ name: String, in folder: TemporaryFolder) throws -> [[String: String]] {
        let text = try #require(folder.read("_site/donnees/\(name).csv"))
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
    }

    static func cases(_ rows: [[String: String]], key: String, _ value: String) -> Int? {
        rows.first { $0[key] == value }.flatMap { $0["cases"] }.flatMap { Int($0) }
    }

    @Test("every case is on one path: the detail rows add up to the total, and to the funnel's referred and closed stages")
    func pathsAddUp() throws {
        let folder = try Self.build(Self.rows())
        let paths = try Self.csv("case_paths", in: folder)
        let funnel = try Self.csv("mediation_funnel", in: folder)
        let totals = try Self.csv("case_paths_totals", in: folder)
        func path(_ key: String) -> Int { key == "total" ? totals.first.flatMap { $0["cases"] }.flatMap { Int($0) } ?? -1 : Self.cases(paths, key: "path", key) ?? -1 }

        #expect(
            paths.map { $0["path"]! } == [
                "open_not_referred", "closed_not_referred", "open_referred", "referred_resolved", "referred_not_resolved",
                "referred_withdrawn",
            ])
        #expect([7, 6, 5, 9, 8, 5] == paths.map { Int($0["cases"]!)! })
        #expect(paths.map { Int($0["cases"]!)! }.reduce(0, +) == path("total"))
        #expect(path("total") == Self.cases(funnel, key: "stage", "reported"))
        #expect(
            path("open_referred") + path("referred_resolved") + path("referred_not_resolved") + path("referred_withdrawn")
                == Self.cases(funnel, key: "stage", "referred"))
        #expect(
            path("closed_not_referred") + path("referred_resolved") + path("referred_not_resolved") + path("referred_withdrawn")
                == Self.cases(funnel, key: "stage", "closed"))
        #expect(path("referred_resolved") == Self.cases(funnel, key: "stage", "resolved"))
    }

    @Test("one resolved share, resolved / all closed cases, stated next to the number on the home page and /statistiques/")
    func oneResolvedShare() throws {
        let folder = try Self.build(Self.rows())
        // 9 resolved of 28 closed (6 of them closed before referral): 32,1 %.
        let detail = "9 résolus sur 28 dossiers clos, dont 6 clos sans transmission au médiateur"
        let home = try #require(folder.read("_site/index.html"))
        #expect(home.contains(">32,1\u{00A0}%</span>"))
        #expect(home.contains(detail))
        let statistics = try #require(folder.read("_site/statistiques/index.html"))
        #expect(statistics.contains("Part des dossiers résolus\u{00A0}: 32,1\u{00A0}% (\(detail))."))
        let resolution = try Self.csv("resolution_by_platform_totals", in: folder)
        #expect(resolution.first?["share_resolved"] == "32.1")
        // The same definition in the data package and on /donnees/.
        let package = try #require(folder.read("_site/donnees/datapackage.json"))
        #expect(
            package.contains(
                "dossiers résolus rapportés à l'ensemble des dossiers clos, y compris ceux clos sans transmission au médiateur"))
        // No second share of all reports beside it (the old funnel showed 36,5 % of reports as "resolved").
        #expect(!statistics.contains("22,5\u{00A0}%"))
    }

    @Test("a small path is withheld and protected like any count: the build's audit passes and the path cannot be subtracted back")
    func smallPathIsProtected() throws {
        let folder = try Self.build(Self.rows(openReferred: 2))
        let paths = try Self.csv("case_paths", in: folder)
        let openReferred = try #require(paths.first { $0["path"] == "open_referred" })
        #expect(openReferred["cases"] == "")
        #expect(openReferred["suppressed"] == "true")
        // total − the other paths would give it back: another path is withheld too.
        #expect(paths.filter { $0["path"] != "total" && $0["cases"] == "" }.count >= 2)
    }

    @Test("open cases may close between releases: a release series where open paths shrink builds and passes the audit")
    func openPathsShrinkAcrossReleases() throws {
        let folder = TemporaryFolder()
        // On 2019-01-15, 12 more cases are in mediation; by 2019-03-29, 7 of them are resolved.
        func rows(closed: Bool) -> [String] {
            Self.rows(openReferred: 5, resolved: 0)
                + (0..<12).map { i in
                    let isClosed = closed && i < 7
                    return SiteTree.caseRow(
                        [
                            "reported_on": "2018-11-10", "referred_on": "2018-12-01", "status": isClosed ? "resolved" : "in_mediation",
                            "closed_on": isClosed ? "2019-02-20" : "", "outcome": isClosed ? "reinstated" : "",
                        ], id: "M-\(i)")
                }
        }
        let content = SiteTree.withCases(rows(closed: false)).write(into: folder)
        SiteTree.setPublicationDate("2019-01-15", in: folder)
        let first = try CommandRun.vigie(["release", "--content", content, "--templates", Repository.templates], in: folder.path)
        #expect(first.status == 0, "\(first.stderr)")
        folder.write("content/cases/cases.csv", ([SiteTree.header] + rows(closed: true)).joined(separator: "\n") + "\n")
        SiteTree.setPublicationDate("2019-03-29", in: folder)
        let run = try CommandRun.vigie(
            ["build", "--content", content, "--templates", Repository.templates, "--output", folder.path + "/_site"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        let then = try #require(folder.read("content/publications/2019-01-15/donnees/case_paths.csv"))
        #expect(then.contains("open_referred,17,published,false"))
        let paths = try Self.csv("case_paths", in: folder)
        #expect(Self.cases(paths, key: "path", "open_referred") == 10)
    }
}
