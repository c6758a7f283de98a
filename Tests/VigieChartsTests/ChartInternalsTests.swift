// The chart library's building blocks: coordinates, round axes, map classes, text wrapping, contrast.

import Foundation
import Testing

@testable import VigieCharts

@Suite("Chart internals")
struct ChartInternalsTests {
    @Test(arguments: [
        (12.0, "12"), (0.25, "0.3"), (-0.04, "0"), (1e-05, "0"), (-3.26, "-3.3"), (640.0, "640"),
        (Double.nan, "0"), (Double.infinity, "0"), (99.96, "100"),
    ])
    func coordinatesHaveAtMostOneDecimal(value: Double, written: String) {
        #expect(value.svgCoordinate == written)
    }

    @Test(arguments: [
        (0.0, 1, [0, 1, 2, 3, 4]), (3.0, 1, [0, 1, 2, 3, 4]), (7.0, 2, [0, 2, 4, 6, 8]),
        (380.0, 100, [0, 100, 200, 300, 400]), (1_500.0, 500, [0, 500, 1_000, 1_500, 2_000]),
        (90.0, 25, [0, 25, 50, 75, 100]),
    ])
    func axesHaveFourRoundSteps(maximum: Double, step: Int, ticks: [Int]) {
        let scale = AxisScale(covering: maximum, intervals: 4)
        #expect(scale.step == step)
        #expect(scale.ticks == ticks)
    }

    @Test func mapClassesCutAtRoundedQuintiles() {
        let classes = ShadeClasses(values: ChartSamples.regions.compactMap(\.value))

        #expect(classes.bounds == [0, 19, 64, 120, 180, 612])
        #expect(classes.classIndex(of: 0) == 0)
        #expect(classes.classIndex(of: 64) == 2)
        #expect(classes.classIndex(of: 612) == 4)
    }

    @Test func fewDistinctValuesGiveFewerClassesSpreadOverThePalette() {
        let classes = ShadeClasses(values: [10, 10, 10, 50])

        #expect(classes.classCount == 2)
        #expect(classes.paletteStep(ofClass: 0, steps: 5) == 0)
        #expect(classes.paletteStep(ofClass: 1, steps: 5) == 4)
        #expect(ShadeClasses(values: []).bounds == [0, 0])
    }

    @Test func wrappingBreaksAtSpacesButNotAtNoBreakSpaces() {
        let lines = TextMetrics.wrap("Pièces comptables impossibles à obtenir", maxWidth: 160, fontSize: 14)
        #expect(lines == ["Pièces comptables", "impossibles à", "obtenir"])
        #expect(TextMetrics.wrap("12,5\u{00A0}%", maxWidth: 10, fontSize: 14) == ["12,5\u{00A0}%"])
    }

    @Test func barsShrinkSoThatTextsAfterShortBarsFit() {
        // At full scale 60 is 120 px, too short to hold a text of 110 px, and too long to have it after.
        let scale = BarScale(values: [100, 60], textWidths: [10, 110], plotWidth: 200, domainMaximum: 0)
        #expect(scale.placement(of: 60, textWidth: 110) == .outside)
        #expect(abs(scale.length(of: 60) + ChartStyle.valuePadding + 110 - 200) < 1e-9)
        #expect(scale.placement(of: 100, textWidth: 10) == .inside)
    }

    @Test(
        "each palette meets WCAG 2.1 AA: text 4.5:1, graphics 3:1, steps apart in lightness",
        arguments: [
            ("neutral", ChartPalette.neutral), ("dsfr", ChartPalette.dsfr),
        ])
    func paletteMeetsWCAGContrast(name: String, palette: ChartPalette) {
        let white = palette.background
        #expect(Contrast.ratio(palette.ink, white) >= 4.5)
        #expect(Contrast.ratio(palette.mutedInk, white) >= 4.5)
        #expect(Contrast.ratio(palette.bar, white) >= 4.5)  // a graphic, and white text on bars
        #expect(Contrast.ratio(palette.line, white) >= 4.5)  // a graphic, and the right axis ticks
        #expect(Contrast.ratio(palette.tileOutline, white) >= 3)
        for step in palette.sequential {
            #expect(Contrast.ratio(step.text, step.fill) >= 4.5, "text on \(step.fill)")
        }
        // Neighbouring steps are told apart by lightness alone (greyscale printing).
        for (lighter, darker) in zip(palette.sequential, palette.sequential.dropFirst()) {
            #expect(Contrast.luminance(lighter.fill) > Contrast.luminance(darker.fill), "\(lighter.fill) before \(darker.fill)")
            #expect(Contrast.ratio(lighter.fill, darker.fill) >= 1.3, "\(lighter.fill) beside \(darker.fill)")
        }
    }

    @Test("a chart drawn with the DSFR's palette holds none of the neutral palette's colours but white")
    func dsfrPaletteReplacesEveryColour() {
        let data = [
            ChartDatum(key: "a", label: "A", value: 12, valueText: "12"), ChartDatum(key: "b", label: "B", value: nil, valueText: "< 5"),
        ]
        let text = ChartText(title: "T", description: "D", withheldLegend: "Valeur masquée")
        let neutral = Chart.horizontalBars(id: "c", text: text, data: data)
        let dsfr = Chart.horizontalBars(id: "c", text: text, data: data, palette: .dsfr)
        #expect(neutral.contains(ChartPalette.neutral.bar))
        #expect(dsfr.contains(ChartPalette.dsfr.bar))
        for colour in [ChartPalette.neutral.ink, ChartPalette.neutral.bar, ChartPalette.neutral.mutedInk] {
            #expect(!dsfr.contains(colour), "\(colour)")
        }
    }
}

/// WCAG 2.1 contrast ratio of two `#rrggbb` colours.
enum Contrast {
    static func ratio(_ first: String, _ second: String) -> Double {
        let (lighter, darker) = (max(luminance(first), luminance(second)), min(luminance(first), luminance(second)))
        return (lighter + 0.05) / (darker + 0.05)
    }

    static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16) ?? 0
        let bytes: [Int] = [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF]
        let channels: [Double] = bytes.map { byte in
            let c = Double(byte) / 255
            return c <= 0.040_45 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    }
}
