// Funnel: centred bars proportional to each stage, with count and share of the first stage.

import Testing
import VigieCharts

@Suite("Funnel")
struct FunnelTests {
    let svg: SVGInspector

    init() throws {
        svg = try SVGInspector(
            Chart.funnel(
                id: "f", text: ChartSamples.text("Parcours"), stages: ChartSamples.funnel,
                shareTexts: ChartSamples.funnelShares)
        )
    }

    @Test func barsAreCentredAndProportionalToTheirStage() throws {
        let middle = Double(Chart.standardWidth) / 2
        let reported = try #require(svg.bars["reported"]?.number("width"))
        for stage in ChartSamples.funnel {
            let bar = try #require(svg.bars[stage.key])
            let width = try #require(bar.number("width"))
            #expect(abs(try #require(bar.number("x")) + width / 2 - middle) <= 0.1)
            #expect(abs(width - reported * (stage.value ?? 0) / 2050) <= 0.2)
        }
    }

    @Test func eachStageShowsItsLabelCountAndShare() {
        #expect(svg.elements(ofClass: "label").map(\.text) == ChartSamples.funnel.map(\.label))
        #expect(svg.values["referred"] == "1\u{202F}271 62\u{202F}%")
        #expect(svg.values["resolved"] == "402 20\u{202F}%")
    }

    @Test func bandsJoinConsecutiveStages() {
        #expect(svg.elements(ofClass: "band").count == ChartSamples.funnel.count - 1)
    }

    @Test func aWithheldStageIsHatched() throws {
        let small = try SVGInspector(
            Chart.funnel(
                id: "s", text: ChartSamples.text("Parcours"), stages: ChartSamples.funnelWithWithheldStage,
                shareTexts: [nil, nil, nil, nil])
        )
        #expect(small.bars["resolved"]?["fill"] == "url(#s-withheld)")
        #expect(small.values["resolved"] == "< 5")
    }
}
