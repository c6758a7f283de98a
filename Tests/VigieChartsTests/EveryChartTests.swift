// What every chart promises: well-formed accessible SVG, stable bytes, page-unique ids, withheld marks.

import Foundation
import Testing
import VigieCharts

@Suite("Every chart")
struct EveryChartTests {
    static let widths = [Chart.standardWidth, Chart.compactWidth]

    @Test(arguments: ChartCase.all, widths)
    func isAnAccessibleImageNamedByItsTitleAndDescription(chart: ChartCase, width: Int) throws {
        let markup = chart.draw("demo", width)
        let svg = try SVGInspector(markup)

        #expect(markup.hasPrefix("<svg "))
        #expect(svg.root.name == "svg")
        #expect(svg.root["role"] == "img")
        #expect(svg.root["aria-labelledby"] == "demo-title demo-desc")
        #expect(svg.root["width"] == "100%")
        #expect(svg.root["viewBox"]?.hasPrefix("0 0 \(width) ") == true)
        let children = svg.children
        #expect(children.count > 2)
        #expect(children[0].name == "title" && children[0]["id"] == "demo-title")
        #expect(children[1].name == "desc" && children[1]["id"] == "demo-desc")
        #expect(children[1].text == "Description du constat principal.")
    }

    @Test(arguments: ChartCase.all)
    func sameInputGivesSameBytes(chart: ChartCase) {
        #expect(chart.draw("demo", Chart.standardWidth) == chart.draw("demo", Chart.standardWidth))
    }

    @Test(arguments: ChartCase.all)
    func everyIDStartsWithTheChartIDSoChartsCanShareAPage(chart: ChartCase) throws {
        let first = try SVGInspector(chart.draw("first", Chart.standardWidth)).ids
        let second = try SVGInspector(chart.draw("second", Chart.standardWidth)).ids

        #expect(first.allSatisfy { $0.hasPrefix("first-") })
        #expect(Set(first).count == first.count)
        #expect(Set(first).isDisjoint(with: second))
    }

    @Test(arguments: ChartCase.all, widths)
    func withheldValuesAreHatchedWrittenAndExplained(chart: ChartCase, width: Int) throws {
        let svg = try SVGInspector(chart.draw("demo", width))

        let pattern = try #require(svg.elements("pattern").first)
        #expect(pattern["id"] == "demo-withheld")
        let withheld = svg.elements.filter { $0.classes.contains("withheld") && $0.name == "rect" }
        #expect(!withheld.isEmpty)
        #expect(withheld.allSatisfy { $0["fill"] == "url(#demo-withheld)" })
        #expect(svg.texts.contains("Valeur masquée (secret statistique)"))
    }

    @Test(arguments: ChartCase.all, widths)
    func noTextIsSmallerThan12Pixels(chart: ChartCase, width: Int) throws {
        let svg = try SVGInspector(chart.draw("demo", width))
        let sizes = svg.elements.compactMap { $0.number("font-size") }
        #expect(!sizes.isEmpty)
        #expect(sizes.allSatisfy { $0 >= 12 })
    }

    @Test(arguments: ChartCase.all, widths)
    func numbersHaveAtMostOneDecimalAndNoExponent(chart: ChartCase, width: Int) throws {
        let svg = try SVGInspector(chart.draw("demo", width))
        let geometry = ["x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "width", "height", "dx", "dy", "font-size"]
        for element in svg.elements.dropFirst() {
            for name in geometry {
                guard let value = element[name], value != "100%" else { continue }
                #expect(value.wholeMatch(of: /-?[0-9]+(\.[0-9])?/) != nil, "\(element.name) \(name)=\(value)")
            }
        }
    }

    @Test(arguments: ChartCase.all, widths)
    func shapesStayInsideTheViewBox(chart: ChartCase, width: Int) throws {
        let svg = try SVGInspector(chart.draw("demo", width))
        let box = try #require(svg.root["viewBox"]).split(separator: " ").compactMap { Double($0) }
        for rect in svg.elements("rect") where rect.number("x") != nil {
            let x = try #require(rect.number("x"))
            let y = try #require(rect.number("y"))
            let right = x + (rect.number("width") ?? 0)
            let bottom = y + (rect.number("height") ?? 0)
            #expect(x >= 0 && right <= box[2] && y >= 0 && bottom <= box[3], "rect \(rect.attributes)")
        }
        for text in svg.elements("text") {
            let x = try #require(text.number("x"))
            let y = try #require(text.number("y"))
            #expect(x >= 0 && x <= box[2] && y > 0 && y <= box[3], "text \(text.text)")
        }
    }

    @Test(arguments: ChartCase.empty)
    func emptyDataGivesAnEmptyChartWithItsTitle(chart: ChartCase) throws {
        let svg = try SVGInspector(chart.draw("empty", Chart.standardWidth))
        #expect(svg.children.first?.text == "Vide")
        #expect(svg.elements(ofClass: "bar").isEmpty)
        #expect(svg.elements("pattern").isEmpty)
    }

    @Test func wordingIsEscaped() throws {
        let hostile = #"<script>alert("x")</script> & 'co'"#
        let markup = Chart.horizontalBars(
            id: "escaped", text: ChartText(title: hostile, description: hostile, withheldLegend: hostile),
            data: [ChartDatum(key: #"k"ey"#, label: hostile, value: nil, valueText: "< 5")]
        )
        let svg = try SVGInspector(markup)

        #expect(!markup.contains("<script>"))
        #expect(svg.children[0].text == hostile)
        #expect(svg.texts.filter { $0 == hostile }.count == 2)  // the label and the legend
        #expect(svg.values[#"k"ey"#] == "< 5")
    }
}
