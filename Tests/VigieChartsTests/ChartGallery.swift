// Every chart kind drawn from the samples, for the tests that every chart must pass.

import Testing
import VigieCharts

/// One chart of each kind, drawn by a closure so a test can draw it twice or with another id.
struct ChartCase: CustomTestStringConvertible, Sendable {
    let name: String
    let draw: @Sendable (_ id: String, _ width: Int) -> String
    var testDescription: String { name }

    static let all: [ChartCase] = [
        ChartCase(name: "horizontal bars") { id, width in
            Chart.horizontalBars(
                id: id, text: ChartSamples.text("Par plateforme"), data: ChartSamples.platforms, width: width)
        },
        ChartCase(name: "period columns") { id, width in
            Chart.periodColumns(
                id: id, kind: "weekly", text: ChartSamples.text("Par semaine"), periods: ChartSamples.weeks, width: width,
                countText: ChartSamples.count)
        },
        ChartCase(name: "funnel") { id, width in
            Chart.funnel(
                id: id, text: ChartSamples.text("Parcours"), stages: ChartSamples.funnelWithWithheldStage,
                shareTexts: ChartSamples.funnelShares, width: width)
        },
        ChartCase(name: "region tiles") { id, width in
            Chart.regionTiles(
                id: id, text: ChartSamples.text("Par région"), regions: ChartSamples.regions,
                shortLabels: ChartSamples.regionShortLabels, legendTitle: "Signalements", width: width,
                countText: ChartSamples.count)
        },
        ChartCase(name: "small multiples") { id, width in
            Chart.smallMultiples(
                id: id, text: ChartSamples.text("Part résolue"), items: ChartSamples.shares, width: width)
        },
    ]

    /// The same kinds drawn from no data at all.
    static let empty: [ChartCase] = [
        ChartCase(name: "horizontal bars") { id, width in
            Chart.horizontalBars(id: id, text: ChartSamples.text("Vide"), data: [], width: width)
        },
        ChartCase(name: "period columns") { id, width in
            Chart.periodColumns(
                id: id, kind: "weekly", text: ChartSamples.text("Vide"), periods: [], width: width, countText: ChartSamples.count)
        },
        ChartCase(name: "funnel") { id, width in
            Chart.funnel(id: id, text: ChartSamples.text("Vide"), stages: [], shareTexts: [], width: width)
        },
        ChartCase(name: "region tiles") { id, width in
            Chart.regionTiles(
                id: id, text: ChartSamples.text("Vide"), regions: [], shortLabels: [:], legendTitle: "Signalements",
                width: width, countText: ChartSamples.count)
        },
        ChartCase(name: "small multiples") { id, width in
            Chart.smallMultiples(id: id, text: ChartSamples.text("Vide"), items: [], width: width)
        },
    ]
}
