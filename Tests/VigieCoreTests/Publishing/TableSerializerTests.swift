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
}
