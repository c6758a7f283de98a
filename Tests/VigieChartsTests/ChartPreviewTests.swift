// Writes every chart into one HTML page for looking at in a browser; runs only when asked to.

import Foundation
import Testing
import VigieCharts

/// `VIGIE_CHART_PREVIEW=/tmp/charts.html swift test --filter ChartPreview` writes the page; open it,
/// or screenshot it with `chromium --headless --screenshot`. Each chart is there in its standard
/// and its compact layout, and CSS shows the one that suits the window, as a site page would.
/// `VIGIE_CHART_WIDTH=640` writes only the layout of that width.
@Suite struct ChartPreview {
    static let path = ProcessInfo.processInfo.environment["VIGIE_CHART_PREVIEW"]

    @Test(.enabled(if: path != nil)) func writesThePreviewPage() throws {
        let onlyWidth = Int(ProcessInfo.processInfo.environment["VIGIE_CHART_WIDTH"] ?? "")
        let layouts = onlyWidth.map { [($0, "")] } ?? [(Chart.standardWidth, ""), (Chart.compactWidth, "-compact")]
        var html = """
            <!DOCTYPE html>
            <html lang="fr"><head><meta charset="utf-8"><title>Graphiques</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <style>
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", Arial, sans-serif;
                   color: #1e1e1e; margin: 0 auto; max-width: \((onlyWidth ?? Chart.standardWidth) + 32)px; padding: 16px;
                   line-height: 1.4; }
            figure { margin: 0 0 40px; }
            figcaption { font-weight: 700; font-size: 1.125rem; margin-bottom: 12px; }
            figure svg { display: block; width: 100%; height: auto; }
            @media (max-width: 599px) { .chart-layout-640 { display: none; } }
            @media (min-width: 600px) { .chart-layout-360 { display: none; } }
            </style></head><body><main><h1>Graphiques</h1>

            """
        let drawn = layouts.map { width, suffix in (width, Self.figures(suffix: suffix, width: width)) }
        for (index, caption) in drawn[0].1.map(\.0).enumerated() {
            html += "<figure><figcaption>\(caption)</figcaption>\n"
            for (width, figures) in drawn {
                html += "<div class=\"chart-layout-\(width)\">\n\(figures[index].1)</div>\n"
            }
            html += "</figure>\n"
        }
        html += "</main></body></html>\n"
        try html.write(toFile: try #require(Self.path), atomically: true, encoding: .utf8)
    }

    /// Every chart of the samples, with its caption.
    static func figures(suffix: String, width: Int) -> [(String, String)] {
        [
            (
                "Signalements par plateforme",
                Chart.horizontalBars(
                    id: "platforms" + suffix, text: ChartSamples.text("Signalements par plateforme"),
                    data: ChartSamples.platforms, width: width)
            ),
            (
                "Signalements par difficulté",
                Chart.horizontalBars(
                    id: "issues" + suffix, text: ChartSamples.text("Signalements par difficulté"),
                    data: ChartSamples.issues, width: width)
            ),
            (
                "Signalements par semaine",
                Chart.periodColumns(
                    id: "weekly" + suffix, kind: "weekly", text: ChartSamples.text("Signalements par semaine"),
                    periods: ChartSamples.weeks, width: width, countText: ChartSamples.count)
            ),
            (
                "Signalements par semaine, sur trente semaines",
                Chart.periodColumns(
                    id: "weekly-long" + suffix, kind: "weekly", text: ChartSamples.text("Signalements par semaine"),
                    periods: ChartSamples.longWeeks, width: width, countText: ChartSamples.count)
            ),
            (
                "Parcours des dossiers en médiation",
                Chart.funnel(
                    id: "funnel" + suffix, text: ChartSamples.text("Parcours des dossiers"),
                    stages: ChartSamples.funnel,
                    shareTexts: ChartSamples.funnelShares, width: width)
            ),
            (
                "Signalements par région",
                Chart.regionTiles(
                    id: "regions" + suffix, text: ChartSamples.text("Signalements par région"),
                    regions: ChartSamples.regions,
                    shortLabels: ChartSamples.regionShortLabels, legendTitle: "Nombre de signalements", width: width,
                    countText: ChartSamples.count)
            ),
            (
                "Part des dossiers clos résolus, par plateforme",
                Chart.smallMultiples(
                    id: "shares" + suffix, text: ChartSamples.text("Part résolue"), items: ChartSamples.shares,
                    width: width)
            ),
        ]
    }
}
