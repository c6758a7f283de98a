// Region tiles: one square per region where the layout puts it, shaded by value, its value written.

import Testing

@testable import VigieCharts

@Suite("Region tiles")
struct RegionTilesTests {
    func draw(_ regions: [ChartDatum], width: Int = Chart.standardWidth) throws -> SVGInspector {
        try SVGInspector(
            Chart.regionTiles(
                id: "r", text: ChartSamples.text("Par région"), regions: regions,
                shortLabels: ChartSamples.regionShortLabels, legendTitle: "Signalements", width: width,
                countText: ChartSamples.count)
        )
    }

    @Test func everyRegionHasOneTileWithItsShortLabelAndValue() throws {
        let svg = try draw(ChartSamples.regions)
        let tiles = svg.elements(ofClass: "tile")

        #expect(tiles.count == 18)
        #expect(Set(tiles.compactMap { $0["data-key"] }) == Set(ChartSamples.regionShortLabels.keys))
        #expect(svg.values["11"] == "612")
        #expect(svg.values["94"] == "< 5")
        #expect(svg.elements(ofClass: "label").map(\.text).contains("IDF"))
    }

    @Test func tilesKeepTheirGeographicPlace() throws {
        let tiles = Dictionary(
            try draw(ChartSamples.regions).elements(ofClass: "tile").map { ($0["data-key"] ?? "", $0) },
            uniquingKeysWith: { first, _ in first })
        func position(_ code: String) throws -> (x: Double, y: Double) {
            let tile = try #require(tiles[code])
            return (try #require(tile.number("x")), try #require(tile.number("y")))
        }

        #expect(try position("32").y < position("11").y)  // Hauts-de-France above Île-de-France
        #expect(try position("53").x < position("52").x)  // Bretagne west of Pays de la Loire
        #expect(try position("44").x > position("11").x)  // Grand Est east of Île-de-France
        #expect(try position("94").x > position("93").x && position("94").y > position("93").y)  // Corse
        #expect(try position("01").y > position("94").y)  // overseas below
    }

    @Test func theLargestValueIsDarkestAndEveryShadeCarriesReadableText() throws {
        let svg = try draw(ChartSamples.regions)
        let tiles = svg.elements(ofClass: "tile")

        #expect(tiles.first { $0["data-key"] == "11" }?.classes.contains("step-4") == true)
        #expect(tiles.first { $0["data-key"] == "06" }?.classes.contains("step-0") == true)
        #expect(tiles.first { $0["data-key"] == "94" }?["fill"] == "url(#r-withheld)")
    }

    @Test func theLegendShowsTheBoundsOfTheShades() throws {
        let svg = try draw(ChartSamples.regions)
        let legend = svg.elements(ofClass: "legend").map(\.text)
        let bounds = ShadeClasses(values: ChartSamples.regions.compactMap(\.value)).bounds.map(ChartSamples.count)

        #expect(Array(legend.prefix(bounds.count)) == bounds)
        #expect(svg.elements(ofClass: "legend-title").first?.text == "Signalements")
    }

    @Test func aRegionWithoutDatumIsAnOutlineAndUnknownCodesAreIgnored() throws {
        let svg = try draw([ChartSamples.datum("11", "Île-de-France", 10), ChartSamples.datum("99", "Ailleurs", 50)])

        #expect(svg.elements(ofClass: "tile").count == 18)
        #expect(svg.elements(ofClass: "missing").count == 17)
        #expect(svg.values["99"] == nil)
        #expect(!svg.texts.contains("Ailleurs"))
    }
}
