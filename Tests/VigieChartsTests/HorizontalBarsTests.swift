// Horizontal bars: lengths proportional to values, every value written where it fits.

import Testing
import VigieCharts

@Suite("Horizontal bars")
struct HorizontalBarsTests {
    let text = ChartSamples.text("Par plateforme")

    @Test func barLengthsAreProportionalToValues() throws {
        let data = [("amazon", 400), ("cdiscount", 200), ("ebay", 100), ("other", 0)].map {
            ChartSamples.datum($0.0, $0.0, $0.1)
        }
        let bars = try SVGInspector(Chart.horizontalBars(id: "p", text: text, data: data)).bars

        let amazon = try #require(bars["amazon"]?.number("width"))
        #expect(amazon > 0)
        #expect(abs(try #require(bars["cdiscount"]?.number("width")) - amazon / 2) <= 0.1)
        #expect(abs(try #require(bars["ebay"]?.number("width")) - amazon / 4) <= 0.1)
        #expect(bars["other"]?.number("width") == 0)
        #expect(Set(bars.values.compactMap { $0["x"] }).count == 1)
    }

    @Test func maxValueGivesSeveralChartsOneScale() throws {
        let data = [ChartSamples.datum("amazon", "Amazon", 100)]
        let own = try SVGInspector(Chart.horizontalBars(id: "a", text: text, data: data)).bars["amazon"]
        let shared = try SVGInspector(Chart.horizontalBars(id: "b", text: text, data: data, maxValue: 200)).bars[
            "amazon"]

        let full = try #require(own?.number("width"))
        #expect(abs(try #require(shared?.number("width")) - full / 2) <= 0.1)
    }

    @Test func labelsAndValueTextsAppear() throws {
        let svg = try SVGInspector(Chart.horizontalBars(id: "p", text: text, data: ChartSamples.platforms))

        #expect(svg.elements(ofClass: "label").map(\.text) == ChartSamples.platforms.map(\.label))
        #expect(svg.values["amazon"] == "1\u{202F}234")
        #expect(svg.values["apple"] == "0")
        #expect(svg.values["google"] == "< 5")
    }

    @Test(arguments: [Chart.standardWidth, Chart.compactWidth])
    func valuesGoInsideLongBarsAndAfterShortOnesWithinTheChart(width: Int) throws {
        let svg = try SVGInspector(
            Chart.horizontalBars(id: "p", text: text, data: ChartSamples.platforms, width: width))
        let chartWidth = Double(width)

        for value in svg.elements(ofClass: "value") {
            let key = try #require(value["data-key"])
            let bar = try #require(svg.bars[key])
            let end = try #require(bar.number("x")) + (bar.number("width") ?? 0)
            let x = try #require(value.number("x"))
            if value["fill"] == "#ffffff" {
                #expect(value["text-anchor"] == "end" && x < end, "\(key) inside")
            } else {
                #expect(x > end, "\(key) after its bar")
                #expect(x + Double(value.text.count) * 0.6 * 14 <= chartWidth, "\(key) within the chart")
            }
        }
        #expect(svg.elements(ofClass: "value").first { $0["data-key"] == "amazon" }?["fill"] == "#ffffff")
        #expect(svg.elements(ofClass: "value").first { $0["data-key"] == "leboncoin" }?["fill"] == nil)
    }

    @Test func aWithheldValueIsAShortHatchedMarkWithItsText() throws {
        let data = [ChartSamples.datum("amazon", "Amazon", 1000), ChartSamples.datum("google", "Google", nil)]
        let svg = try SVGInspector(Chart.horizontalBars(id: "p", text: text, data: data))

        let mark = try #require(svg.bars["google"])
        #expect(mark.classes.contains("withheld"))
        #expect(mark.number("width") == 24)
        #expect(mark["fill"] == "url(#p-withheld)")
        #expect(svg.values["google"] == "< 5")
        #expect(svg.texts.contains(ChartSamples.withheldLegend))
    }

    @Test func noHatchNorLegendWhenEveryValueIsPublished() throws {
        let data = [ChartSamples.datum("amazon", "Amazon", 10)]
        let markup = Chart.horizontalBars(id: "p", text: text, data: data)

        #expect(!markup.contains("pattern"))
        #expect(!markup.contains(ChartSamples.withheldLegend))
    }

    @Test func theLabelColumnFitsTheLongestLabel() throws {
        let short = [ChartSamples.datum("a", "Apple", 10)]
        let long = [ChartSamples.datum("a", "Autres plateformes", 10)]
        let shortX = try SVGInspector(Chart.horizontalBars(id: "s", text: text, data: short)).bars["a"]?.number("x")
        let longX = try SVGInspector(Chart.horizontalBars(id: "l", text: text, data: long)).bars["a"]?.number("x")

        #expect(try #require(shortX) < (try #require(longX)))
        #expect(try #require(longX) >= 13 * 0.6 * 14)
    }

    @Test func longLabelsWrapOntoSeveralLines() throws {
        let label = "Modification unilatérale des conditions générales de vente et de référencement"
        let svg = try SVGInspector(
            Chart.horizontalBars(id: "p", text: text, data: [ChartSamples.datum("terms", label, 150)])
        )
        let lines = svg.elements("tspan").map(\.text)

        #expect(lines.count >= 2)
        #expect(lines.joined(separator: " ") == label)
    }

    @Test func theCompactLayoutPutsLabelsAboveTheBars() throws {
        let svg = try SVGInspector(
            Chart.horizontalBars(id: "p", text: text, data: ChartSamples.platforms, width: Chart.compactWidth)
        )
        let label = try #require(svg.elements(ofClass: "label").first)
        let bar = try #require(svg.bars["amazon"])

        #expect(label.number("x") == bar.number("x"))
        #expect(try #require(label.number("y")) < (try #require(bar.number("y"))))
    }
}
