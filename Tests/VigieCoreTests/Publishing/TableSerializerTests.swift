import Testing

@testable import VigieCore

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

    @Test("CSV: one header line, empty cell and true flag for a suppressed count")
    func csv() {
        let text = String(decoding: TableSerializer.csv(table), as: UTF8.self)
        #expect(text == "platform,cases,suppressed\namazon,303,false\napple,,true\ntotal,306,false\n")
    }

    @Test("JSON: the same rows, null where the CSV cell is empty")
    func json() {
        let text = String(decoding: TableSerializer.json(table), as: UTF8.self)
        #expect(
            text == """
                [
                  {"platform": "amazon", "cases": 303, "suppressed": false},
                  {"platform": "apple", "cases": null, "suppressed": true},
                  {"platform": "total", "cases": 306, "suppressed": false}
                ]

                """)
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
            String(decoding: TableSerializer.json(table), as: UTF8.self) == """
                [
                  {"id": "charte", "title": "Charte, premier jet", "actor": "government", "due": "2019-06-30", "done_on": null, \
                "status": "late", "days_late": 2, "source": "https://essai.example.org/notes/mediation/"}
                ]

                """)
    }
}
