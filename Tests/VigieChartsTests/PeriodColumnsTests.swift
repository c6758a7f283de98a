// Period columns: counts per week or month on one scale, labels thinned, years marked.

import Testing
import VigieCharts

@Suite("Period columns")
struct PeriodColumnsTests {
    func draw(weeks: [ChartDatum], width: Int = Chart.standardWidth) throws -> SVGInspector {
        try SVGInspector(
            Chart.periodColumns(
                id: "w", kind: "weekly", text: ChartSamples.text("Par semaine"), periods: weeks, width: width,
                countText: ChartSamples.count)
        )
    }

    static func weeks(_ counts: [Int?]) -> [ChartDatum] {
        counts.enumerated().map { ChartSamples.datum("2018-W\(10 + $0.offset)", "S\(10 + $0.offset)", $0.element) }
    }

    @Test func columnHeightsAreProportionalAndShareOneBaseline() throws {
        let svg = try draw(weeks: Self.weeks([40, 20, 10, 0]))
        let bars = svg.bars
        let heights = try ["2018-W10", "2018-W11", "2018-W12", "2018-W13"].map {
            try #require(bars[$0]?.number("height"))
        }
        let bottoms = try bars.values.map { try #require($0.number("y")) + (try #require($0.number("height"))) }

        #expect(abs(heights[1] - heights[0] / 2) <= 0.1)
        #expect(abs(heights[2] - heights[0] / 4) <= 0.1)
        #expect(heights[3] == 0)
        #expect(Set(bottoms).count == 1)
    }

    @Test func oneScaleOnlyNoLineOverTheColumns() throws {
        let svg = try draw(weeks: Self.weeks([380, 120]))
        let ticks = svg.elements(ofClass: "tick").filter { $0.name == "text" && !$0.classes.contains("year") }.map(\.text)

        #expect(ticks.filter { !$0.hasPrefix("S") } == ["0", "100", "200", "300", "400"])  // 4 steps of 100, on the left only
        #expect(svg.elements(ofClass: "gridline").count == 4)
        #expect(svg.elements(ofClass: "line").isEmpty && svg.elements(ofClass: "point").isEmpty)
        #expect(svg.elements(ofClass: "legend").isEmpty)
    }

    @Test func theYearIsWrittenUnderTheFirstLabelledPeriodOfEachYear() throws {
        let months = ["2018-11", "2018-12", "2019-01", "2019-02"].enumerated().map {
            ChartSamples.datum($0.element, ["nov.", "déc.", "janv.", "févr."][$0.offset], 10)
        }
        let svg = try SVGInspector(
            Chart.periodColumns(
                id: "m", kind: "monthly", text: ChartSamples.text("Par mois"), periods: months, countText: ChartSamples.count))
        #expect(svg.elements(ofClass: "year").map(\.text) == ["2018", "2019"])
    }

    @Test func weekLabelsAreThinnedSoTheyNeverOverlapAndTheLatestWeekIsLabelled() throws {
        let counts = (0..<52).map { Optional($0 % 7 + 1) }
        let svg = try draw(weeks: Self.weeks(counts), width: Chart.compactWidth)
        let labels = svg.elements(ofClass: "tick").filter { $0.name == "text" && $0.text.hasPrefix("S") }
        let xs = labels.compactMap { $0.number("x") }

        #expect(labels.count < 52 && labels.count >= 4)
        #expect(labels.last?.text == "S61")
        for (left, right) in zip(xs, xs.dropFirst()) {
            #expect(right - left >= 3 * 0.6 * 13)
        }
    }

    @Test func aWithheldWeekIsAShortHatchedColumn() throws {
        let svg = try draw(weeks: Self.weeks([40, nil, 10, 12]))
        let mark = try #require(svg.bars["2018-W11"])

        #expect(mark.classes.contains("withheld"))
        #expect(mark["fill"] == "url(#w-withheld)")
        #expect(svg.values["2018-W11"] == "< 5")
        #expect(svg.texts.contains(ChartSamples.withheldLegend))
    }

    @Test func aRunOfWithheldWeeksHasOneLabelOverABracketSoLabelsNeverCollide() throws {
        // Seven "< 5" weeks side by side used to get seven labels, each as wide as its slot.
        let counts: [Int?] = [140, 50, 30, nil, nil, nil, nil, nil, nil, nil, 0]
        for width in [Chart.standardWidth, Chart.compactWidth] {
            let svg = try draw(weeks: Self.weeks(counts), width: width)
            let labels = svg.elements(ofClass: "value").filter { $0.text == "< 5" }
            let run = try #require(svg.bars["2018-W13"]?.number("x"))
            let runEnd = try #require(svg.bars["2018-W19"].flatMap { bar in bar.number("x").map { $0 + (bar.number("width") ?? 0) } })

            #expect(labels.count == 1)
            #expect(abs((labels.first?.number("x") ?? 0) - (run + runEnd) / 2) <= 0.2)
            #expect(svg.elements(ofClass: "bracket").count == 1)
        }
    }
}
