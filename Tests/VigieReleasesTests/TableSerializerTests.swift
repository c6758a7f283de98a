import Testing

@testable import VigieInput
@testable import VigieReleases
@testable import VigieStatistics

@Suite("Open-data files")
struct TableSerializerTests {
    let table = StatTable(
        id: .casesByPlatform,
        columns: [
            TableColumn("platform", .key(vocabulary: "platforms")), TableColumn("cases", .count),
            TableColumn("suppressed", .suppressedFlag),
        ],
        rows: [
            [.key("amazon"), .count(303), .flag(false)],
            [.key("apple"), .withheld(.primary), .flag(true)],
            [.key("total"), .count(306), .flag(false)],
        ])

    @Test("CSV: a status column per value, the total row in its own file, an empty cell for a withheld count")
    func csv() {
        let files = OpenDataContract.resources(of: table).map { String(decoding: TableSerializer.csv($0), as: UTF8.self) }
        #expect(
            files == [
                "platform,cases,cases_status,suppressed\namazon,303,published,false\napple,,below_threshold,true\n",
                "cases,cases_status,suppressed\n306,published,false\n",
            ])
        #expect(OpenDataContract.resources(of: table).map(\.name) == ["cases_by_platform", "cases_by_platform_totals"])
    }

    @Test("JSON: the same rows, null where the CSV cell is empty")
    func json() {
        let text = String(decoding: TableSerializer.json(OpenDataContract.resources(of: table)[0]), as: UTF8.self)
        #expect(
            text == """
                [
                  {"platform": "amazon", "cases": 303, "cases_status": "published", "suppressed": false},
                  {"platform": "apple", "cases": null, "cases_status": "below_threshold", "suppressed": true}
                ]

                """)
    }

    @Test("each withheld cell has its own status; primary cells shown masked look like secondary ones; shares are in percent")
    func statuses() {
        let table = StatTable(
            id: .resolutionByPlatform,
            columns: [
                TableColumn("platform", .key(vocabulary: "platforms")), TableColumn("closed", .count), TableColumn("resolved", .count),
                TableColumn("share_resolved", .measure(unit: "share")), TableColumn("suppressed", .suppressedFlag),
            ],
            rows: [
                [.key("amazon"), .count(40), .count(18), .measure(0.45, decimals: 3), .flag(false)],
                [.key("ebay"), .withheld(.secondary), .withheld(.primaryMasked), .withheld(.secondary), .flag(true)],
                [.key("apple"), .count(0), .count(0), .empty, .flag(false)],
            ])
        let text = String(decoding: TableSerializer.csv(OpenDataContract.resources(of: table)[0]), as: UTF8.self)
        #expect(
            text == "platform,closed,closed_status,resolved,resolved_status,share_resolved,share_resolved_status,suppressed\n"
                + "amazon,40,published,18,published,45,published,false\n"
                + "ebay,,masked,,masked,,masked,true\n"
                + "apple,0,published,0,published,,no_value,false\n")
    }

    @Test(
        "measures are written with fixed decimals and no exponent",
        arguments: [
            (0.625, 3, "0.625"), (12.5, 1, "12.5"), (3.0, 1, "3"), (0.0001, 3, "0"), (1.0 / 3.0, 3, "0.333"),
        ])
    func fixed(value: Double, decimals: Int, text: String) {
        #expect(TableSerializer.fixed(value, decimals: decimals) == text)
    }

    @Test("text and dates are JSON strings, quoted in CSV when they hold a comma; no date is null")
    func commitments() {
        let table = CommitmentsTable.make(
            [
                Milestone(
                    id: "charte", title: "Charte, premier jet", actor: "government", due: Day(iso: "2019-06-30")!, status: .inProgress,
                    source: "notes/mediation")
            ], asOf: Day(iso: "2019-07-02")!, baseURL: "https://essai.example.org/")
        #expect(
            String(decoding: TableSerializer.csv(table), as: UTF8.self)
                == "id,title,actor,due,done_on,status,days_late,source\n"
                + "charte,\"Charte, premier jet\",government,2019-06-30,,late,2,https://essai.example.org/notes/mediation/\n")
        #expect(
            String(decoding: TableSerializer.json(OpenDataContract.resources(of: table)[0]), as: UTF8.self) == """
                [
                  {"id": "charte", "title": "Charte, premier jet", "actor": "government", "due": "2019-06-30", "done_on": null, \
                "status": "late", "days_late": 2, "source": "https://essai.example.org/notes/mediation/"}
                ]

                """)
    }
}
