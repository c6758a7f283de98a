import Foundation
import Testing
import VigieTestSupport

@Suite("Commitments downloadable as a published table")
struct CommitmentsTableTests {
    @Test("commitments.csv holds one row per commitment with the status /progres/ shows")
    func csvRows() throws {
        let folder = try CommitmentStatusTests.build()
        let csv = try #require(folder.read("_site/donnees/commitments.csv"))
        let rows = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.first == ["id", "title", "actor", "due", "done_on", "status", "days_late", "source"])
        // By deadline, then id; no disclosure control, so no suppressed column and nothing withheld.
        #expect(
            rows.dropFirst().map { [$0[0], $0[2], $0[3], $0[4], $0[5], $0[6]] } == [
                ["solutions-amazon", "amazon", "2018-12-24", "2019-01-25", "done_late", "32"],
                ["solutions-cdiscount", "cdiscount", "2018-12-24", "", "late", "95"],
                ["solutions-rakuten", "rakuten", "2018-12-24", "2018-12-20", "done", "0"],
                ["charte", "government", "2019-06-30", "", "in_progress", "0"],
            ])
    }

    @Test("commitments.json holds the same rows, dates as strings and null for no date")
    func jsonRows() throws {
        let folder = try CommitmentStatusTests.build()
        let data = try #require(folder.read("_site/donnees/commitments.json")).data(using: .utf8)!
        let rows = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(rows.count == 4)
        let cdiscount = try #require(rows.first { $0["id"] as? String == "solutions-cdiscount" })
        #expect(cdiscount["status"] as? String == "late")
        #expect(cdiscount["days_late"] as? Int == 95)
        #expect(cdiscount["done_on"] is NSNull)
        #expect(cdiscount["due"] as? String == "2018-12-24")
    }

    @Test("datapackage.json describes the table, keyed by id, and says no disclosure control applies")
    func dataPackage() throws {
        let folder = try CommitmentStatusTests.build()
        let data = try #require(folder.read("_site/donnees/datapackage.json")).data(using: .utf8)!
        let package = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((package["version"] as? String)?.hasPrefix("2.2.0+") == true)
        let resources = try #require(package["resources"] as? [[String: Any]])
        let commitments = try #require(resources.first { $0["name"] as? String == "commitments" })
        #expect(commitments["path"] as? String == "commitments.csv")
        #expect((commitments["description"] as? String)?.contains("aucun secret statistique") == true)
        let schema = try #require(commitments["schema"] as? [String: Any])
        #expect(schema["primaryKey"] as? [String] == ["id"])
        let fields = try #require(schema["fields"] as? [[String: Any]])
        #expect(fields.map { $0["name"] as? String } == ["id", "title", "actor", "due", "done_on", "status", "days_late", "source"])
        #expect(fields.map { $0["type"] as? String } == ["string", "string", "string", "date", "date", "string", "integer", "string"])
    }

    @Test("/donnees/ and /progres/ link to the commitments files")
    func linked() throws {
        let folder = try CommitmentStatusTests.build()
        let data = try #require(folder.read("_site/donnees/index.html"))
        #expect(data.contains("<a href=\"commitments.csv\" download>"))
        #expect(data.contains("<a href=\"commitments.json\" download>"))
        let progress = try #require(folder.read("_site/progres/index.html"))
        #expect(progress.contains("<a href=\"../donnees/commitments.csv\" download>"))
        #expect(progress.contains("<a href=\"../donnees/commitments.json\" download>"))
    }
}
