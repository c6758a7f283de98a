// Estimates how wide a text will be, since a static SVG cannot measure its own text before drawing.

enum TextMetrics {
    /// Average advance of one character in em. Common sans-serif fonts average about 0.5 em on
    /// French text and 0.55 em on digits, but DejaVu Sans (Debian's default) runs wider: at 0.6 em the
    /// weekly legend was clipped in a Chromium screenshot, so boxes are estimated at 0.65 em.
    static let averageAdvance = 0.65

    static func width(of text: String, fontSize: Double) -> Double {
        Double(text.count) * averageAdvance * fontSize
    }

    /// Breaks `text` at ordinary spaces into lines no wider than `maxWidth` (non-breaking spaces,
    /// as in `"12,5 %"`, hold). A single word wider than `maxWidth` keeps a line of its own.
    static func wrap(_ text: String, maxWidth: Double, fontSize: Double) -> [String] {
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard !words.isEmpty else { return [text] }
        var lines: [String] = []
        var current = ""
        for word in words {
            let candidate = current.isEmpty ? word : current + " " + word
            if current.isEmpty || width(of: candidate, fontSize: fontSize) <= maxWidth {
                current = candidate
            } else {
                lines.append(current)
                current = word
            }
        }
        lines.append(current)
        return lines
    }

    /// The width of the widest line.
    static func width(of lines: [String], fontSize: Double) -> Double {
        lines.map { width(of: $0, fontSize: fontSize) }.max() ?? 0
    }
}
