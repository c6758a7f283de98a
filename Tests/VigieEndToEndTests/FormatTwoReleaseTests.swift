import Foundation
import Testing
import VigieTestSupport

@Suite("A release stored in format 2 (before the quartiles of the delays and the months) stays readable and online as published")
struct FormatTwoReleaseTests {
    @Test("the default content with a format-2 release builds; the release reads without quartiles and is served unchanged")
    func formatTwoReleaseIsServedAsPublished() throws {
        let folder = TemporaryFolder()
        let (release, run) = try Repository.buildDefaultContent(withOnlyRelease: "format-2/2019-01-31", in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        for name in ["days_to_stage.csv", "days_to_stage.json", "datapackage.json", "revenue_loss_by_platform.csv"] {
            let stored = FileManager.default.contents(atPath: release + "/donnees/" + name)
            #expect(
                stored != nil
                    && FileManager.default.contents(atPath: folder.path + "/_site/publications/2019-01-31/donnees/" + name) == stored,
                "\(name)")
        }
        // Format 2 had no quartiles, no mediation delay and no table per platform: the frozen page shows what it published.
        #expect(!folder.exists("_site/publications/2019-01-31/donnees/days_to_stage_by_platform.csv"))
        let frozen = try #require(folder.read("_site/publications/2019-01-31/statistiques/index.html"))
        #expect(frozen.contains("id=\"days-to-stage\""))
        #expect(!frozen.contains("id=\"days-to-stage-by-platform\""))
        #expect(!frozen.contains("1er quartile (jours)"))
        #expect(!frozen.contains("De la transmission à la clôture"))
        // Today's publication has them, protected against the format-2 release too.
        let current = try #require(folder.read("_site/donnees/days_to_stage.csv"))
        #expect(
            current.hasPrefix(
                "stage,cases,cases_status,median_days,median_days_status,q1_days,q1_days_status,q3_days,q3_days_status,suppressed\n"))
        #expect(current.contains("\nreferred_to_closed,"))
        #expect(folder.exists("_site/donnees/days_to_stage_by_platform.csv"))
        // Nor had it months: the frozen pages show none, today's publication does.
        #expect(!folder.exists("_site/publications/2019-01-31/donnees/cases_by_month.csv"))
        #expect(!frozen.contains("id=\"cases-by-month\""))
        #expect(try #require(folder.read("_site/statistiques/index.html")).contains("id=\"cases-by-month\""))
        for name in ["cases_by_week.csv", "case_paths_totals.json"] {
            let stored = FileManager.default.contents(atPath: release + "/donnees/" + name)
            #expect(stored != nil && FileManager.default.contents(atPath: folder.path + "/_site/publications/2019-01-31/donnees/" + name) == stored)
        }
    }
}
