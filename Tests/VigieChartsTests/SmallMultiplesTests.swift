// Small multiples: one 0–100 % track per platform, filled to its share, in as many columns as fit.

import Testing
import VigieCharts

@Suite("Small multiples")
struct SmallMultiplesTests {
    func draw(_ items: [ChartDatum], width: Int = Chart.standardWidth) throws -> SVGInspector {
        try SVGInspector(
            Chart.smallMultiples(id: "m", text: ChartSamples.text("Part résolue"), items: items, width: width))
    }

    @Test func eachBarFillsItsShareOfTheTrack() throws {
        let svg = try draw(ChartSamples.shares)
        let track = try #require(svg.elements(ofClass: "track").first?.number("width"))

        for item in ChartSamples.shares {
            guard let share = item.value else { continue }
            let width = try #require(svg.bars[item.key]?.number("width"))
            #expect(abs(width - share * track) <= 0.1, "\(item.key)")
        }
        #expect(svg.values["cdiscount"] == "71\u{202F}%")
        #expect(svg.bars["manomano"]?["fill"] == "url(#m-withheld)")
    }

    @Test func sharesOutside0To1AreClamped() throws {
        let svg = try draw([
            ChartDatum(key: "over", label: "Over", value: 1.4, valueText: "140 %"),
            ChartDatum(key: "under", label: "Under", value: -0.2, valueText: "-20 %"),
        ])
        let track = try #require(svg.elements(ofClass: "track").first?.number("width"))

        #expect(svg.bars["over"]?.number("width") == track)
        #expect(svg.bars["under"]?.number("width") == 0)
    }

    @Test(arguments: [(Chart.standardWidth, 3), (Chart.compactWidth, 1)])
    func panelsFlowIntoAsManyColumnsAsFit(width: Int, columns: Int) throws {
        let svg = try draw(ChartSamples.shares, width: width)
        let xs = Set(svg.elements(ofClass: "track").compactMap { $0["x"] })
        #expect(xs.count == columns)
    }
}
