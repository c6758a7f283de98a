import Foundation
import Testing
import VigieSupport
import VigieTestSupport

@testable import VigieReleases
@testable import VigieRendering
@testable import VigieStatistics

@Suite("The spreadsheet and database writers")
struct DataFileWriterTests {
    /// The repository's strings.yaml: the headers and markers the site really uses.
    static let labels: Labels = {
        var diagnostics: [Diagnostic] = []
        let strings = Strings.load(path: Repository.templates + "/strings.yaml", into: &diagnostics)!
        return Labels(config: CaseFixtures.config(), strings: strings)
    }()

    let table = StatTable(
        id: .resolutionByPlatform,
        columns: [
            TableColumn("platform", .key(vocabulary: "platforms")), TableColumn("closed", .count), TableColumn("resolved", .count),
            TableColumn("share_resolved", .measure(unit: "share")), TableColumn("suppressed", .suppressedFlag),
        ],
        rows: [
            [.key("amazon"), .count(233), .count(107), .measure(107.0 / 233.0, decimals: 3), .flag(false)],
            [.key("apple"), .withheld(.primary), .withheld(.secondary), .withheld(.smallGroup), .flag(true)],
            [.key("total"), .count(236), .count(109), .measure(109.0 / 236.0, decimals: 3), .flag(false)],
        ])

    @Test("a spreadsheet's cells: labels for keys, float cells in percent, the pages' markers for withheld cells")
    func spreadsheetCells() {
        let resources = OpenDataContract.resources(of: table)
        let rows = SpreadsheetWriter.rows(of: resources[0], labels: Self.labels)
        #expect(rows[0] == [.text("Plateforme"), .text("Clos"), .text("Résolus"), .text("Part résolue")])
        #expect(rows[1] == [.text("Amazon"), .number("233"), .number("107"), .number("45.9")])
        #expect(rows[2] == [.text("Apple"), .text("< 5"), .text("masqué"), .text("n. p.")])
        let totals = SpreadsheetWriter.rows(of: resources[1], labels: Self.labels)
        #expect(totals[1] == [.number("236"), .number("109"), .number("46.2")])
    }

    @Test("the database: NULL for every withheld cell, the status beside it, the figures as the CSV rounds them")
    func databaseValues() {
        let resource = OpenDataContract.resources(of: table)[0]
        let values = resource.rows[1].map(SQLiteDatabaseWriter.value)
        #expect(
            values.map { "\($0)" } == [
                "text(\"apple\")", "null", "text(\"below_threshold\")", "null", "text(\"masked\")", "null",
                "text(\"small_group\")", "integer(1)",
            ])
        #expect("\(SQLiteDatabaseWriter.value(resource.rows[0][5]))" == "real(45.9)")
    }

    @Test("the same tables give the same bytes, twice")
    func deterministic() {
        let one = SQLiteDatabaseWriter.write(tables: [table], labels: Self.labels)
        let two = SQLiteDatabaseWriter.write(tables: [table], labels: Self.labels)
        #expect(one == two)
        #expect(one.starts(with: Array("SQLite format 3\u{0}".utf8)))
        #expect(one.count % 4096 == 0)
        #expect(SpreadsheetWriter.write(table, labels: Self.labels) == SpreadsheetWriter.write(table, labels: Self.labels))
    }
}
