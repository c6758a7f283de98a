// One range to draw: a median between its first and third quartiles, with its wording written by the caller.

/// One row of `Chart.quartileRanges`: a group's median and quartiles, or nothing when withheld.
public struct ChartRange: Sendable, Hashable {
    /// A stable key, written as `data-key` on the marks.
    public var key: String
    /// The label shown beside the range.
    public var label: String
    /// First quartile, median, third quartile; all `nil` when the statistics are withheld or absent.
    public var q1: Double?
    public var median: Double?
    public var q3: Double?
    /// The values as the reader sees them, for example `"12 j (8 à 20)"`, or `"n. p."`.
    public var valueText: String

    public init(key: String, label: String, q1: Double?, median: Double?, q3: Double?, valueText: String) {
        self.key = key
        self.label = label
        self.q1 = q1
        self.median = median
        self.q3 = q3
        self.valueText = valueText
    }

    /// Whether there is a median to draw (quartiles without a median are not drawn either).
    public var isWithheld: Bool { median == nil }
}
