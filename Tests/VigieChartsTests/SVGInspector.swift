// Parses a chart as XML and answers questions about its elements, so tests read like what they check.

import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A chart parsed with `XMLParser`: a chart that is not well-formed XML fails to parse.
struct SVGInspector {
    struct Element {
        var name: String
        var attributes: [String: String]
        /// The text of the element and its descendants; the lines of a `<text>` (its `<tspan>`s)
        /// joined by a space, as they read.
        var text: String
        /// How deep the element sits: 0 for the root.
        var depth: Int

        subscript(_ attribute: String) -> String? { attributes[attribute] }

        var classes: [Substring] { (attributes["class"] ?? "").split(separator: " ") }

        func number(_ attribute: String) -> Double? { attributes[attribute].flatMap(Double.init) }
    }

    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    let elements: [Element]

    init(_ markup: String) throws {
        let delegate = Collector()
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = delegate
        guard parser.parse() else {
            throw ParseError(description: "not well-formed: \(parser.parserError.map(String.init(describing:)) ?? "?")")
        }
        elements = delegate.elements
    }

    var root: Element { elements[0] }

    /// The root's children, in order.
    var children: [Element] { elements.filter { $0.depth == 1 } }

    func elements(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    /// Elements carrying class `name`, such as `bar`, `value`, `tile`.
    func elements(ofClass name: String) -> [Element] { elements.filter { $0.classes.contains(Substring(name)) } }

    /// The data marks (`class="bar"`) by their `data-key`.
    var bars: [String: Element] {
        Dictionary(elements(ofClass: "bar").map { ($0["data-key"] ?? "", $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The value texts by their `data-key`.
    var values: [String: String] {
        Dictionary(elements(ofClass: "value").map { ($0["data-key"] ?? "", $0.text) }, uniquingKeysWith: { a, _ in a })
    }

    /// Every text written on the chart.
    var texts: [String] { elements("text").map(\.text) }

    /// Every `id` attribute.
    var ids: [String] { elements.compactMap { $0["id"] } }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        private var open: [Int] = []

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if name == "tspan" {
                for index in open where !elements[index].text.isEmpty && !elements[index].text.hasSuffix(" ") {
                    elements[index].text += " "
                }
            }
            open.append(elements.count)
            elements.append(Element(name: name, attributes: attributes, text: "", depth: open.count - 1))
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            for index in open { elements[index].text += string }
        }
    }
}
