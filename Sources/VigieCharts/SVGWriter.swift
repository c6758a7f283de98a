// Appends SVG elements to a string: attributes in the order given, every text and value escaped.

import VigieSupport

/// A minimal SVG serialiser. Attributes are written in the order passed, so output is byte-stable.
struct SVGWriter {
    typealias Attribute = (name: String, value: String)

    private(set) var markup = ""
    /// How many `<text>` elements are open: inside one, a line break would render as a space and
    /// shift centred or right-aligned text, so elements follow each other on one line.
    private var textDepth = 0

    /// An element with optional text content: `<rect …/>` or `<text …>content</text>`.
    mutating func element(_ name: String, _ attributes: [Attribute], text: String? = nil) {
        markup += "<\(name)"
        append(attributes)
        if let text {
            markup += ">\(text.xmlEscaped)</\(name)>"
        } else {
            markup += "/>"
        }
        endLine()
    }

    /// Opens a container element; close it with `close(_:)`.
    mutating func open(_ name: String, _ attributes: [Attribute]) {
        markup += "<\(name)"
        append(attributes)
        markup += ">"
        if name == "text" { textDepth += 1 }
        endLine()
    }

    mutating func close(_ name: String) {
        markup += "</\(name)>"
        if name == "text" { textDepth -= 1 }
        endLine()
    }

    private mutating func endLine() {
        if textDepth == 0 { markup += "\n" }
    }

    /// A `<text>` of one or more lines, one `<tspan>` per line `lineHeight` apart.
    mutating func text(_ lines: [String], x: Double, y: Double, lineHeight: Double, _ attributes: [Attribute]) {
        guard lines.count > 1 else {
            element("text", [("x", x.svgCoordinate), ("y", y.svgCoordinate)] + attributes, text: lines.first ?? "")
            return
        }
        open("text", [("x", x.svgCoordinate), ("y", y.svgCoordinate)] + attributes)
        for (index, line) in lines.enumerated() {
            let position: [Attribute] = index == 0 ? [] : [("x", x.svgCoordinate), ("dy", lineHeight.svgCoordinate)]
            element("tspan", position, text: line)
        }
        close("text")
    }

    /// Appends markup written by another writer, such as a layer drawn before its size was known.
    mutating func append(_ other: SVGWriter) {
        markup += other.markup
    }

    /// Appends finished markup as it is, such as a whole chart nested in a larger drawing.
    mutating func appendMarkup(_ finished: String) {
        markup += finished
    }

    private mutating func append(_ attributes: [Attribute]) {
        for attribute in attributes {
            markup += " \(attribute.name)=\"\(attribute.value.xmlEscaped)\""
        }
    }
}
