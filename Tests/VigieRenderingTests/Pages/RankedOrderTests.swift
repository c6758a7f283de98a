import Testing

@testable import VigieRendering
@testable import VigieStatistics

@Suite("Ranked displays: largest first, withheld and catch-all after, total last")
struct RankedOrderTests {
    typealias Item = (key: String, label: String, value: Double?)

    static func order(_ items: [Item]) -> [String] {
        RankedOrder.sorted(items, key: \.key, label: \.label, value: \.value).map(\.key)
    }

    @Test("values descending, so ManoMano 26 comes after leboncoin 28")
    func byValue() {
        #expect(
            Self.order([
                ("amazon", "Amazon", 303), ("manomano", "ManoMano", 26), ("leboncoin", "leboncoin", 28), ("total", "Total", 620),
            ]) == ["amazon", "leboncoin", "manomano", "total"])
    }

    @Test("ties by label, ignoring case and accents")
    func tiesByLabel() {
        #expect(
            Self.order([("services", "Services", 8), ("electronics", "Électronique", 8), ("publishing", "Édition", 8)])
                == ["publishing", "electronics", "services"])
    }

    @Test("withheld cells have no value to rank by: after the published ones, by label; 'other' after them, 'total' last")
    func withheldOtherTotal() {
        #expect(
            Self.order([
                ("total", "Total", 620), ("other", "Autres plateformes", 400), ("google", "Google", nil), ("apple", "Apple", nil),
                ("ebay", "eBay", 0), ("amazon", "Amazon", 100),
            ]) == ["amazon", "ebay", "apple", "google", "other", "total"])
    }

    @Test("tables ranked by a value, tables in their own order")
    func rankedTables() {
        #expect(TableID.casesByPlatform.rankingColumn == "cases")
        #expect(TableID.resolutionByPlatform.rankingColumn == "share_resolved")
        #expect(TableID.revenueLossByPlatform.rankingColumn == "median")
        #expect(TableID.casesBySize.rankingColumn == nil)
        #expect(TableID.casesByWeek.rankingColumn == nil)
        #expect(TableID.mediationFunnel.rankingColumn == nil)
    }
}
